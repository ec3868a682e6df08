/**
 * Masking personal data, one set of rules for the whole app: reports print contacts masked
 * (src-main/reports/privacy.ts), and the inbox and the Customers screen mask names, e-mails and
 * phone numbers while "Hide personal data" is on (screen sharing).
 */

export const BULLETS = '•••'
export const EMAIL_IN_TEXT = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu
// A phone number: 8 or more digits, with the spaces, dots, dashes and brackets people write between them.
export const PHONE_IN_TEXT = /(?:\+|\b)\d(?:[\s.\-()]{0,2}\d){7,}\b/g
// Dates written inside comments are not phone numbers.
const DATE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$|^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$/
/** A replacement for PHONE_IN_TEXT's matches that leaves dates alone. */
export const phoneOr = (replace: (m: string) => string) => (m: string) => (DATE.test(m.trim()) ? m : replace(m))

/** k•••@e•••.com: enough to recognise a known customer, not enough to write to them. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@')
  if (at <= 0) return BULLETS
  const domain = email.slice(at + 1)
  const dot = domain.lastIndexOf('.')
  const tld = dot > 0 ? domain.slice(dot) : ''
  return `${email[0]}${BULLETS}@${domain[0] ?? ''}${BULLETS}${tld}`
}

/** ••• ••• 567: the last three digits only. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  return digits.length <= 3 ? BULLETS : `${BULLETS} ${BULLETS} ${digits.slice(-3)}`
}

/** N••• V••• A•••: each word's first letter (a whole letter, with its marks: Thai and Vietnamese letters carry several code points). */
export function maskName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  if (!words.length) return BULLETS
  return words.map((w) => `${/^\p{L}[\p{M}]*/u.exec(w.normalize('NFC'))?.[0] ?? ''}${BULLETS}`).join(' ')
}

/** E-mail addresses and phone numbers written inside a text (a comment, a note), masked like a customer's own. */
export function maskContactsIn(text: string): string {
  return text.replace(EMAIL_IN_TEXT, (m) => maskEmail(m)).replace(PHONE_IN_TEXT, phoneOr(maskPhone))
}

/** A customer's name, e-mail and phone, masked (the reference, a CRM id, is kept: it names no one outside the CRM). */
export function maskCustomer<T extends { name?: string | null; email?: string | null; phone?: string | null }>(c: T): T {
  return { ...c, name: c.name ? maskName(c.name) : c.name, email: c.email ? maskEmail(c.email) : c.email, phone: c.phone ? maskPhone(c.phone) : c.phone }
}

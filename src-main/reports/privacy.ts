import type { CommentMode } from '../../src-shared/api/reports'

const BULLETS = '•••'
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu
// A phone number: 8 or more digits, with the spaces, dots, dashes and brackets people write between them.
const PHONE = /(?:\+|\b)\d(?:[\s.\-()]{0,2}\d){7,}\b/g
const URL = /\bhttps?:\/\/\S+|\bwww\.\S+/gi
const LONG_NUMBER = /\b\d{6,}\b/g
// Dates written inside comments are not phone numbers.
const DATE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$|^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$/
const phoneOr = (replace: (m: string) => string) => (m: string) => (DATE.test(m.trim()) ? m : replace(m))

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

/** A customer's contact as a report prints it: the e-mail (else the phone), masked unless the report says otherwise. */
export function contactOf(email: string | null, phone: string | null, mask: boolean): string | null {
  if (email) return mask ? maskEmail(email) : email
  if (phone) return mask ? maskPhone(phone) : phone
  return null
}

/**
 * A comment as the report may show it, or null when comments are left out. E-mail addresses and
 * phone numbers written inside a comment are masked like the customer's own (or, redacting,
 * removed, together with web addresses and long numbers such as order or account numbers).
 */
export function commentForReport(text: string | null, mode: CommentMode, maskContacts: boolean): string | null {
  if (!text || mode === 'exclude') return null
  if (mode === 'redact') return text.replace(EMAIL, '[…]').replace(URL, '[…]').replace(PHONE, phoneOr(() => '[…]')).replace(LONG_NUMBER, '[…]')
  return maskContacts ? text.replace(EMAIL, (m) => maskEmail(m)).replace(PHONE, phoneOr(maskPhone)) : text
}

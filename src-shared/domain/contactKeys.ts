/**
 * Keys under which two ways of writing the same contact meet: the duplicates check, a person's data
 * request and erasure (and the erasure's tombstones) all compare people by these, so they must agree.
 */

/** The same phone written differently (+84 912 345 678, 0912345678) shares its last nine digits; null for fewer than eight. */
export function phoneKey(phone: string | null): string | null {
  if (!phone) return null
  const d = phone.replace(/\D/g, '').replace(/^0+/, '')
  return d.length >= 8 ? d.slice(-9) : null
}

/**
 * A phone as digits alone (+84 90 123 4567 → 84901234567), the way exports write it: a leading '+'
 * is a formula to a spreadsheet (the writer would have to neutralise it with an apostrophe), and an
 * import reads the digits back as the same international number (import/formats/phone.ts). Text
 * with no digit is kept as written.
 */
export function phoneDigits(phone: string | null): string | null {
  if (phone === null) return null
  const d = phone.replace(/\D/g, '')
  return d || phone
}

/** An e-mail address in any case, without surrounding spaces; null when blank. */
export const emailKey = (email: string | null): string | null => (email?.trim() ? email.trim().toLowerCase() : null)

/** A name in any case, composed (NFC) and with single spaces; null when blank. */
export const nameKey = (name: string | null): string | null => (name?.trim() ? name.trim().toLocaleLowerCase().normalize('NFC').replace(/\s+/g, ' ') : null)

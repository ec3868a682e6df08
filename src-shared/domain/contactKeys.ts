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

/** An e-mail address in any case, without surrounding spaces; null when blank. */
export const emailKey = (email: string | null): string | null => (email?.trim() ? email.trim().toLowerCase() : null)

/** A name in any case, composed (NFC) and with single spaces; null when blank. */
export const nameKey = (name: string | null): string | null => (name?.trim() ? name.trim().toLocaleLowerCase().normalize('NFC').replace(/\s+/g, ' ') : null)

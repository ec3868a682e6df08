import { normalizePhone } from './phone'

/**
 * Keys under which two ways of writing the same contact meet: the duplicates check, a person's data
 * request and erasure (and the erasure's tombstones) all compare people by these, so they must agree.
 */

/**
 * A phone as the full international number's digits: the text normalised as the import writes it
 * (phone.ts), a national number (a leading 0) taking the country of the workspace's zone. So in a
 * Vietnamese workspace "0912345678", "+84 912 345 678" and "84912345678" are all 84912345678, and
 * "+66 912 345 678" (66912345678: someone else, in Thailand) is not; in a Thai workspace
 * "081 234 5678" is 66812345678. Null for text that is not a phone number (fewer than eight digits,
 * letters).
 *
 * Where the zone gives no country (Europe/Paris), a national number keys as its national digits with
 * one leading 0 ("0912 345 678" and a spreadsheet's 912345678 → 0912345678): it then meets the same
 * national number written another way, but never an international one — an international key starts
 * with its country code, never with 0 — because a leading 0 does not say which country it is.
 *
 * Keys change with the workspace's zone: whatever keeps them (the identity index) is rebuilt when it
 * changes. Tombstones of erased people were made of an older key (the last nine digits):
 * privacy/tombstoneKeys.ts keeps that one for them.
 */
export function phoneKey(phone: string | null, timezone: string): string | null {
  if (!phone) return null
  const normal = normalizePhone(phone, timezone) ?? normalizePhone(onlyNumberIn(phone) ?? '', timezone)
  if (normal === null) return null
  return normal.startsWith('+') ? normal.slice(1) : `0${normal.replace(/^0+/, '')}`
}

/**
 * The one phone number in a text that also holds words ("0912 345 678 (Zalo)", "+66 81 234 5678
 * ext 12", as CRMs and hand entry write them); null when there is none or more than one
 * ("0912345678 / 0987654321": which one is the person's is not ours to guess).
 */
function onlyNumberIn(text: string): string | null {
  const runs = (text.match(/\+?\(?\+?\d[\d\s().\-/]*\d/g) ?? []).filter((r) => r.replace(/\D/g, '').length >= 8)
  return runs.length === 1 ? runs[0] : null
}

/**
 * A phone as digits alone (+84 90 123 4567 → 84901234567), the way exports write it: a leading '+'
 * is a formula to a spreadsheet (the writer would have to neutralise it with an apostrophe), and an
 * import reads the digits back as the same international number (phone.ts). Text
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

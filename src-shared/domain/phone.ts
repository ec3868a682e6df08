/**
 * Phone numbers as Vietnamese and Thai exports write them (+84 912 345 678, 0912.345.678,
 * 091-234-5678, (+66) 81 234 5678, 0066812345678) in one form, so the same phone finds the same
 * customer. A national number (a leading 0) gets the country of the workspace's zone: Vietnam for
 * Asia/Ho_Chi_Minh, Thailand for Asia/Bangkok; elsewhere it is kept national, without separators,
 * because a leading 0 does not say which country it is. Null when the text is not a phone number.
 *
 * Here in src-shared (it was the import's, src-main/import/formats/) because the phone key
 * (contactKeys.ts) is this form's digits: the import writes phones in this form and the duplicates
 * check, a person's data request, erasure and send lists compare phones by it, so both use one rule.
 */
const COUNTRY_OF_ZONE: Record<string, string> = { 'Asia/Ho_Chi_Minh': '84', 'Asia/Saigon': '84', 'Asia/Bangkok': '66' }

/** The country codes a zone can give a national number (those of COUNTRY_OF_ZONE). */
export const ZONE_COUNTRY_CODES: readonly string[] = [...new Set(Object.values(COUNTRY_OF_ZONE))]

export function normalizePhone(text: string, timezone: string): string | null {
  const t = text.trim()
  if (!/^[+\d\s().\-/]+$/.test(t)) return null
  let digits = t.replace(/[^\d]/g, '')
  const international = /^\(?\+/.test(t) || digits.startsWith('00')
  if (digits.startsWith('00')) digits = digits.slice(2)
  if (digits.length < 8 || digits.length > 15) return null
  if (international) return `+${dropTrunkZero(digits)}`
  const country = COUNTRY_OF_ZONE[timezone]
  if (digits.startsWith('0')) return country ? `+${country}${digits.slice(1)}` : digits
  // 84912345678 or 66812345678 written without the plus.
  if ((digits.startsWith('84') && digits.length === 11) || (digits.startsWith('66') && digits.length === 11)) return `+${digits}`
  return country && digits.length === 9 ? `+${country}${digits}` : digits
}

/** "+84 (0) 912…" and "+840912…": the trunk 0 after a country code is not dialled. */
function dropTrunkZero(digits: string): string {
  for (const cc of ZONE_COUNTRY_CODES) if (digits.startsWith(`${cc}0`)) return cc + digits.slice(cc.length + 1)
  return digits
}

/**
 * A consent cell of a CRM export read as given, withdrawn or not known. Yes and no in English,
 * Vietnamese and Thai (with or without the diacritics), true/false, 1/0, x; a blank cell (or "unknown",
 * "-") is not known. Anything else is `false`: the row is reported, never guessed.
 */
const GIVEN = new Set(['yes', 'y', 'true', 't', '1', 'x', 'given', 'opt-in', 'opt in', 'optin', 'subscribed', 'co', 'có', 'đồng ý', 'dong y', 'ใช่', 'ยินยอม', 'ตกลง'])
const WITHDRAWN = new Set(['no', 'n', 'false', 'f', '0', 'withdrawn', 'opt-out', 'opt out', 'optout', 'unsubscribed', 'không', 'khong', 'ko', 'không đồng ý', 'khong dong y', 'ไม่', 'ไม่ใช่', 'ไม่ยินยอม'])
const UNKNOWN = new Set(['', '-', '?', 'unknown', 'n/a', 'na', 'không rõ', 'khong ro', 'ไม่ทราบ'])

export type ConsentCell = 'given' | 'withdrawn' | null

export function readConsentCell(text: string | null | undefined): ConsentCell | false {
  const v = (text ?? '').trim().toLocaleLowerCase().normalize('NFC').replace(/\s+/g, ' ')
  if (UNKNOWN.has(v)) return null
  if (GIVEN.has(v)) return 'given'
  if (WITHDRAWN.has(v)) return 'withdrawn'
  return false
}

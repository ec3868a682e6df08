/**
 * Vietnamese written without diacritics ("khong" for "không") is common in messages and forms, so
 * search and keyword rules also compare folded text. Only Latin combining marks are removed: Thai
 * vowel and tone marks are letters of the word, not decoration. đ/Đ are letters of their own in
 * Unicode (they do not decompose), so they are folded by hand.
 */
const LATIN_MARKS = /[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff]/g

export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(LATIN_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC')
}

/** Lower case and NFC: the form every token is compared in. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').toLowerCase()
}

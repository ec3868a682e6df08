import { foldDiacritics, normalizeText } from './fold'

/** Thai (and Lao, Khmer, Myanmar) write words without spaces between them: those need a dictionary segmenter. */
const NEEDS_SEGMENTER = /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]/
const WORD = /[\p{L}\p{M}\p{N}]+/gu

let segmenter: Intl.Segmenter | null = null

/**
 * The words of a text, lower-cased, in order. Text with Thai in it goes through Intl.Segmenter
 * (ICU's dictionary segmentation, the same in Node and Chromium); other text is split on anything
 * that is not a letter, mark or digit, which is much faster.
 */
export function words(text: string): string[] {
  const normalized = normalizeText(text)
  if (!NEEDS_SEGMENTER.test(normalized)) return normalized.match(WORD) ?? []
  segmenter ??= new Intl.Segmenter('th', { granularity: 'word' })
  const out: string[] = []
  for (const piece of segmentPieces(normalized))
    for (const s of segmenter.segment(piece)) {
      if (!s.isWordLike) continue
      // The segmenter keeps punctuation-free words; a Latin word inside Thai text still splits on symbols.
      const parts = s.segment.match(WORD)
      if (parts) for (const p of parts) out.push(p)
    }
  return out
}

/**
 * The segmenter's time grows with the square of the text it is given (96,000 Thai characters took
 * 6.6 s; an import takes comments of up to 20,000, and a file of many such would take hours), so a
 * long text is given to it in pieces of about this many characters, cut at a space or line break — where
 * no word spans the cut, so the words are the same — or, in a run with none, at the limit itself.
 */
const SEGMENT_PIECE = 2_000

function segmentPieces(text: string): string[] {
  if (text.length <= SEGMENT_PIECE) return [text]
  const pieces: string[] = []
  let at = 0
  while (text.length - at > SEGMENT_PIECE) {
    const end = at + SEGMENT_PIECE
    let cut = Math.max(text.lastIndexOf(' ', end), text.lastIndexOf('\n', end))
    if (cut <= at + SEGMENT_PIECE / 2) cut = /[\ud800-\udbff]/.test(text[end - 1]) ? end - 1 : end
    pieces.push(text.slice(at, cut))
    at = cut
  }
  pieces.push(text.slice(at))
  return pieces
}

/** Words and, where they differ, their folded forms: "không" is found by "không" and by "khong". */
export function searchableText(text: string): string {
  const out: string[] = []
  for (const w of words(text)) {
    out.push(w)
    const folded = foldDiacritics(w)
    if (folded !== w) out.push(folded)
  }
  return out.join(' ')
}

/**
 * An FTS5 MATCH expression for what the user typed: every word must occur; the last one may be the
 * start of a word (search as you type). Words typed without diacritics also find words written with
 * them, because the index holds both forms. Null when there is nothing to search for.
 */
export function matchExpression(query: string): string | null {
  const ws = words(query)
  if (!ws.length) return null
  // A trailing space means the last word is complete; otherwise it may still be being typed.
  const endsInWord = /[\p{L}\p{M}\p{N}]$/u.test(query)
  return ws.map((w, i) => `"${w.replaceAll('"', '""')}"${i === ws.length - 1 && endsInWord ? '*' : ''}`).join(' ')
}

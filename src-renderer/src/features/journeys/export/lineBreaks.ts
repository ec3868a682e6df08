/**
 * Breaking text into lines for the canvas, where the browser's own line breaking is not available.
 * A line may break after a space, and between two words of a language written without spaces
 * (Thai); never inside a word, and never before punctuation (so "phố." and "phố.”" stay whole) or
 * after an opening quote or bracket. A single chunk wider than a line is cut between its letters
 * as a last resort, so nothing is drawn outside its box.
 */
export type Measure = (text: string) => number

interface Segment {
  segment: string
  isWordLike?: boolean
}

const OPENING = /^[“‘«‹("'[{¿¡]+$/u
const SPACE = /^\s+$/u

/** The pieces that cannot be split: a word with the punctuation around it, or a run of spaces. */
export function unbreakableChunks(segments: Iterable<Segment>): string[] {
  const chunks: string[] = []
  let current = ''
  let prev: Segment | null = null
  for (const s of segments) {
    const space = SPACE.test(s.segment)
    const breakBefore =
      current !== '' &&
      prev !== null &&
      (space ||
        SPACE.test(prev.segment) ||
        // Two words side by side with nothing between (Thai): a break is allowed between them,
        // unless the first was only an opening quote.
        (!!s.isWordLike && !!prev.isWordLike))
    const afterOpening = prev !== null && OPENING.test(prev.segment)
    if (breakBefore && !afterOpening) {
      chunks.push(current)
      current = ''
    }
    current += s.segment
    prev = s
  }
  if (current) chunks.push(current)
  return chunks
}

function splitLetters(chunk: string, width: number, measure: Measure): string[] {
  const graphemes = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(chunk)].map((g) => g.segment)
  const out: string[] = []
  let line = ''
  for (const g of graphemes) {
    if (line && measure(line + g) > width) {
      out.push(line)
      line = g
    } else line += g
  }
  if (line) out.push(line)
  return out
}

/** Lines of at most `width` (as measured), paragraph breaks kept. */
export function breakLines(text: string, width: number, measure: Measure, locale: string): string[] {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'word' })
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    let line = ''
    for (const chunk of unbreakableChunks(segmenter.segment(paragraph))) {
      const next = line + chunk
      if (measure(next.trimEnd()) <= width) {
        line = next
        continue
      }
      if (line.trim()) lines.push(line.trimEnd())
      const rest = chunk.trimStart()
      if (measure(rest) <= width) line = rest
      else {
        const pieces = splitLetters(rest, width, measure)
        lines.push(...pieces.slice(0, -1))
        line = pieces[pieces.length - 1] ?? ''
      }
    }
    lines.push(line.trimEnd())
  }
  return lines.filter((l, i) => l || i < lines.length - 1)
}

/** The first `max` lines, the last ending in "…" when text was left out. */
export function clampLines(lines: string[], max: number, width: number, measure: Measure): string[] {
  if (lines.length <= max) return lines
  const kept = lines.slice(0, max)
  let last = kept[max - 1]
  while (last && measure(`${last}…`) > width) last = [...last].slice(0, -1).join('')
  kept[max - 1] = `${last.trimEnd()}…`
  return kept
}

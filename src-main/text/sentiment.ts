import { foldDiacritics } from './fold'
import { words } from './tokens'
import type { LexiconEntry } from './defaultLexicon'

/** Words that turn a sentence around: what follows them counts more than what came before. */
const CONTRAST = new Set(['but', 'however', 'although', 'nhưng', 'nhung', 'tuy', 'mà', 'แต่', 'แต่ว่า'])
const NEGATION_REACH = 3
const LONGEST_PHRASE = 4
/** VADER's normalisation constant: a sum of weights s becomes s / √(s² + α), within −1…1. */
const ALPHA = 15

interface CompiledLexicon {
  words: Map<string, number>
  negators: Set<string>
  intensifiers: Map<string, number>
  /** The same terms folded, looked up only for text typed without diacritics ("bạn" must not match "bẩn"). */
  folded: { words: Map<string, number>; negators: Set<string>; intensifiers: Map<string, number> }
}

export type Lexicons = Map<string, CompiledLexicon>

/** Builds the lookup tables; each term is also found in its folded form (Vietnamese typed without diacritics). */
export function compileLexicons(entries: Iterable<{ language: string } & LexiconEntry>): Lexicons {
  const out: Lexicons = new Map()
  for (const e of entries) {
    let lex = out.get(e.language)
    if (!lex)
      out.set(e.language, (lex = { words: new Map(), negators: new Set(), intensifiers: new Map(), folded: { words: new Map(), negators: new Set(), intensifiers: new Map() } }))
    const key = words(e.term).join(' ')
    if (!key) continue
    for (const [form, into] of [
      [key, lex],
      [foldDiacritics(key), lex.folded],
    ] as const) {
      if (e.kind === 'word') {
        if (into === lex || !into.words.has(form)) into.words.set(form, e.weight)
      } else if (e.kind === 'negator') into.negators.add(form)
      else into.intensifiers.set(form, e.weight)
    }
  }
  return out
}

/** English contractions: "don't" → "do not", so the negator is a word of its own. */
const expandContractions = (text: string) => text.replace(/n['’]t\b/gi, ' not').replace(/\bcan not\b/gi, 'cannot')

/**
 * A comment's sentiment from −1 to +1 (0 when no lexicon word occurs), or null without text.
 * Matches the longest lexicon phrase at each word; a negator up to three words before a sentiment
 * word flips and damps it; intensifiers scale it, the word after them or, right after a word, that
 * word (Thai and Vietnamese put them after: "ช้ามาก", "ngon lắm"); after "but" the clause counts more.
 */
export function scoreSentiment(text: string | null, language: string | null, lexicons: Lexicons): number | null {
  if (!text || !text.trim()) return null
  const lex = lexicons.get(language ?? 'en') ?? lexicons.get('en')
  if (!lex) return 0
  const ws = words(expandContractions(text))
  let before = 0
  let after = 0
  let contrastSeen = false
  let lastNegatorAt = -99
  let boost = 1
  // The sentiment word just read: where it ended and what it added, for an intensifier that follows it.
  let last = { end: -1, w: 0, after: false }
  for (let i = 0; i < ws.length; ) {
    let matched = 0
    let key = ''
    let table: Omit<CompiledLexicon, 'folded'> = lex
    for (let n = Math.min(LONGEST_PHRASE, ws.length - i); n >= 1; n--) {
      const candidate = ws.slice(i, i + n).join(' ')
      // Text written without diacritics is compared with the folded terms; text with them, only exactly.
      const t = foldDiacritics(candidate) === candidate && !lex.words.has(candidate) ? lex.folded : lex
      if (t.words.has(candidate) || t.negators.has(candidate) || t.intensifiers.has(candidate) || (n === 1 && CONTRAST.has(candidate))) {
        matched = n
        key = candidate
        table = t
        break
      }
    }
    if (!matched) {
      i++
      continue
    }
    if (CONTRAST.has(key) && !table.words.has(key)) {
      contrastSeen = true
      lastNegatorAt = -99
      boost = 1
    } else if (table.negators.has(key)) lastNegatorAt = i + matched - 1
    else if (table.intensifiers.has(key) && !table.words.has(key)) {
      const factor = table.intensifiers.get(key) ?? 1
      if (last.end === i) {
        const extra = last.w * (factor - 1)
        if (last.after) after += extra
        else before += extra
        last = { ...last, end: i + matched, w: last.w * factor }
      } else boost *= factor
    } else {
      let w = (table.words.get(key) ?? 0) * boost
      // A negator within reach flips the word ("not good", "không ngon", "ไม่อร่อย") but not fully: "not bad" is only mildly good.
      if (i - lastNegatorAt <= NEGATION_REACH) w *= -0.6
      if (contrastSeen) after += w
      else before += w
      boost = 1
      last = { end: i + matched, w, after: contrastSeen }
    }
    i += matched
  }
  const sum = contrastSeen ? before * 0.5 + after * 1.5 : before
  if (sum === 0) return 0
  return Math.round((sum / Math.sqrt(sum * sum + ALPHA)) * 1000) / 1000
}

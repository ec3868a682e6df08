import { foldDiacritics } from './fold'
import { words } from './tokens'
import type { LexiconEntry } from './defaultLexicon'
import { LONGEST_COMPOUND, vietnameseCompounds } from './vietnameseWords'

/** Words that turn a sentence around: what follows them counts more than what came before. */
const CONTRAST = new Set(['but', 'however', 'although', 'nhưng', 'nhung', 'tuy', 'mà', 'แต่', 'แต่ว่า'])
/** How many words after a negator it reaches (words, not syllables: "không phục vụ tốt" is three). */
const NEGATION_REACH = 3
/** Punctuation ends a clause: a negator never reaches past it ("không ai nghe, đồ uống ngon"). */
const CLAUSE_BREAK = /[.,;:!?…\n\r()[\]"“”]+/
const THAI_CLAUSE_BREAK = new RegExp(`${CLAUSE_BREAK.source}|\\s+`)
/** Latin letters with a diacritic, and đ: a token without any is compared with the folded terms too. */
const MARKED = /[\u00c0-\u024f\u1e00-\u1eff]/
/** VADER's normalisation constant: a sum of weights s becomes s / √(s² + α), within −1…1. */
const ALPHA = 15

interface CompiledLexicon {
  words: Map<string, number>
  negators: Set<string>
  intensifiers: Map<string, number>
  /** The most words of any term, how far a phrase is looked for. */
  longest: number
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
      out.set(e.language, (lex = { words: new Map(), negators: new Set(), intensifiers: new Map(), longest: 1, folded: { words: new Map(), negators: new Set(), intensifiers: new Map() } }))
    const termWords = words(e.term)
    const key = termWords.join(' ')
    if (!key) continue
    lex.longest = Math.max(lex.longest, termWords.length)
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

/** The tokens of a text, with an empty string where a clause ends. */
function clauseTokens(text: string, language: string | null): string[] {
  // Thai writes a space where other languages put a comma.
  const parts = text.split(language === 'th' ? THAI_CLAUSE_BREAK : CLAUSE_BREAK)
  if (parts.length === 1) return words(text)
  const out: string[] = []
  for (const part of parts) {
    const ws = words(part)
    if (!ws.length) continue
    if (out.length) out.push('')
    for (const w of ws) out.push(w)
  }
  return out
}

/**
 * A negated word: its sign turns, and its strength is damped but kept noticeable, so that "not good"
 * and "ราคาไม่แพง" (not expensive) are read as opinions, and "not bad" only as mildly good.
 */
const negated = (w: number) => -Math.sign(w) * Math.max(Math.abs(w) * 0.7, 1.2)

/**
 * A comment's sentiment from −1 to +1 (0 when no lexicon word occurs), or null without text.
 * Reads the comment word by word: at each position the longest lexicon phrase or, in Vietnamese,
 * the longest word of the word list wins, so a compound is recognised before its syllables ("không
 * gian", a space, is not "không", not). A negator flips the next sentiment word within three words
 * of the same clause; intensifiers scale it, the word after them or, right after a word, that word
 * (Thai and Vietnamese put them after: "ช้ามาก", "ngon lắm"); after "but" the clause counts more.
 */
export function scoreSentiment(text: string | null, language: string | null, lexicons: Lexicons): number | null {
  if (!text || !text.trim()) return null
  const lex = lexicons.get(language ?? 'en') ?? lexicons.get('en')
  if (!lex) return 0
  const compounds = language === 'vi' ? vietnameseCompounds() : null
  const longest = Math.max(lex.longest, compounds ? LONGEST_COMPOUND : 1)
  const ws = clauseTokens(expandContractions(text), language)
  // Whether each token carries a diacritic: text typed without them is compared with the folded terms.
  const plain = ws.map((w) => !MARKED.test(w))
  let before = 0
  let after = 0
  let contrastSeen = false
  let lastNegatorAt = -99
  let boost = 1
  // Words read so far (a compound or a phrase counts as one), for the negator's reach.
  let unit = 0
  // The sentiment word just read: where it ended and what it added, for an intensifier that follows it.
  let last = { end: -1, w: 0, after: false }
  for (let i = 0; i < ws.length; unit++) {
    if (ws[i] === '') {
      lastNegatorAt = -99
      boost = 1
      i++
      continue
    }
    let matched = 0
    let key = ''
    let table: Omit<CompiledLexicon, 'folded' | 'longest'> | null = lex
    let allPlain = true
    let candidate = ''
    for (let n = 1; n <= longest && i + n <= ws.length && ws[i + n - 1] !== ''; n++) {
      candidate = n === 1 ? ws[i] : `${candidate} ${ws[i + n - 1]}`
      allPlain &&= plain[i + n - 1]
      // Text written without diacritics is compared with the folded terms; text with them, only exactly.
      const t = allPlain && !lex.words.has(candidate) ? lex.folded : lex
      if (t.words.has(candidate) || t.negators.has(candidate) || t.intensifiers.has(candidate) || (n === 1 && CONTRAST.has(candidate))) {
        matched = n
        key = candidate
        table = t
      } else if (n > 1 && compounds?.has(candidate)) {
        // A word of the word list, longer than any lexicon term here: one word with no sentiment.
        matched = n
        key = candidate
        table = null
      }
    }
    if (!matched || !table) {
      i += matched || 1
      continue
    }
    if (CONTRAST.has(key) && !table.words.has(key)) {
      contrastSeen = true
      lastNegatorAt = -99
      boost = 1
    } else if (table.negators.has(key)) lastNegatorAt = unit
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
      // A negator within reach flips the word ("not good", "không ngon", "ไม่อร่อย"), and only that one:
      // "ราคาไม่แพง รสชาติดี" is not expensive and tasty.
      if (unit - lastNegatorAt <= NEGATION_REACH) {
        w = negated(w)
        lastNegatorAt = -99
      }
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

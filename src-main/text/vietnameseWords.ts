import { vietnameseWords as list } from './data/vietnameseWords'
import { foldDiacritics } from './fold'

/** Vietnamese words of two to four syllables from a licensed word list (see data/vietnameseWords.ts), built once on first use. */
let words: Set<string> | null = null
export function vietnameseCompounds(): Set<string> {
  words ??= new Set(list.split('\n'))
  return words
}

export const LONGEST_COMPOUND = 4

/**
 * The same words as typed without diacritics ("khong gian", "khong khi"), built once on first use:
 * a comment typed that way must not read the "khong" of a compound as "không" (not).
 */
let folded: Set<string> | null = null
export function foldedVietnameseCompounds(): Set<string> {
  folded ??= new Set([...vietnameseCompounds()].map((w) => foldDiacritics(w)))
  return folded
}

/**
 * The beginnings of those words, as written and folded ("không", "khong", "cà phê" of "cà phê sữa"):
 * the sentiment reader stops looking for a longer word where none begins with what it has.
 */
let prefixes: Set<string> | null = null
export function vietnameseCompoundPrefixes(): Set<string> {
  if (prefixes) return prefixes
  const out = new Set<string>()
  for (const set of [vietnameseCompounds(), foldedVietnameseCompounds()])
    for (const w of set) {
      const parts = w.split(' ')
      for (let k = 1; k < parts.length; k++) out.add(parts.slice(0, k).join(' '))
    }
  return (prefixes = out)
}

/**
 * Syllables that end no content word: a dictionary entry ending in one of them ("nhớ cả") is a
 * phrase the list happens to hold, not a word to group by, unless it is a function word itself ("so với").
 */
const NEVER_ENDS_A_WORD = new Set(['cả', 'của', 'và', 'là', 'thì', 'với', 'những', 'các', 'mà', 'rất', 'nhưng'])
/** Function words of several syllables: grouped as one word, never a theme. */
export const VIETNAMESE_FUNCTION_COMPOUNDS = new Set([
  'chỉ có', 'so với', 'bởi vì', 'vì vậy', 'nhưng mà', 'tuy nhiên', 'cho nên', 'thế nhưng', 'rất là', 'như vậy', 'như thế',
  'có thể', 'cảm ơn', 'của tôi', 'có lẽ', 'một chút', 'một số', 'luôn luôn', 'bây giờ', 'hôm nay', 'lúc nào', 'tại vì', 'thật sự',
])

/**
 * Groups a clause's syllables into words against the word list (and the extra words given, e.g.
 * syllable pairs that recur together in a workspace's comments), with as few words as possible:
 * "không gian yên tĩnh" → ["không gian", "yên tĩnh"]. Between two groupings of as many words, the
 * later word is the longer one — "nhạc nhẹ nhàng" is "nhạc" + "nhẹ nhàng", not "nhạc nhẹ" + a
 * stray "nhàng". A syllable that starts no known word stays a word of its own.
 */
export function groupSyllables(syllables: string[], extra?: Set<string>): string[][] {
  const known = vietnameseCompounds()
  const n = syllables.length
  const isWord = (i: number, k: number) => {
    const candidate = syllables.slice(i, i + k).join(' ')
    if (extra?.has(candidate)) return true
    if (!known.has(candidate)) return false
    return VIETNAMESE_FUNCTION_COMPOUNDS.has(candidate) || !NEVER_ENDS_A_WORD.has(syllables[i + k - 1])
  }
  // fewest[i]: the fewest words syllables i… can be grouped into; step[i]: the first word's length.
  const fewest = new Array<number>(n + 1).fill(0)
  const step = new Array<number>(n + 1).fill(1)
  for (let i = n - 1; i >= 0; i--) {
    fewest[i] = 1 + fewest[i + 1]
    step[i] = 1
    for (let k = 2; k <= Math.min(LONGEST_COMPOUND, n - i); k++) {
      // Strictly fewer only: on a tie the shorter first word wins, leaving the longer word for later.
      if (isWord(i, k) && 1 + fewest[i + k] < fewest[i]) {
        fewest[i] = 1 + fewest[i + k]
        step[i] = k
      }
    }
  }
  const out: string[][] = []
  for (let i = 0; i < n; i += step[i]) out.push(syllables.slice(i, i + step[i]))
  return out
}

import { vietnameseWords as list } from './data/vietnameseWords'

/** Vietnamese words of two to four syllables from a licensed word list (see data/vietnameseWords.ts), built once on first use. */
let words: Set<string> | null = null
export function vietnameseCompounds(): Set<string> {
  words ??= new Set(list.split('\n'))
  return words
}

export const LONGEST_COMPOUND = 4

/**
 * Groups a clause's syllables into words, longest match first against the word list (and the extra
 * words given, e.g. syllable pairs that recur together in a workspace's comments): "không gian yên
 * tĩnh" → ["không gian", "yên tĩnh"]. A syllable that starts no known word stays a word of its own.
 */
export function groupSyllables(syllables: string[], extra?: Set<string>): string[][] {
  const known = vietnameseCompounds()
  const out: string[][] = []
  for (let i = 0; i < syllables.length; ) {
    let n = Math.min(LONGEST_COMPOUND, syllables.length - i)
    for (; n > 1; n--) {
      const candidate = syllables.slice(i, i + n).join(' ')
      if (known.has(candidate) || extra?.has(candidate)) break
    }
    out.push(syllables.slice(i, i + n))
    i += n
  }
  return out
}

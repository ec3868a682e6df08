import { thaiWords as list } from './data/thaiWords'

/**
 * Thai words from a licensed word list (see data/thaiWords.ts: nlp.js's Thai list, MIT), built once
 * on first use. Main process only: the suggested themes read it; the renderer never imports it.
 */
let words: Set<string> | null = null
export function thaiDictionary(): Set<string> {
  words ??= new Set(list.split('\n'))
  return words
}

/** At most this many of ICU's pieces make one dictionary word ("เครื่อง|ปรับ|อากาศ"). */
export const LONGEST_THAI_JOIN = 4

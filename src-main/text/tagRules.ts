import { foldDiacritics } from './fold'
import { words } from './tokens'

export interface TagRule {
  tagId: number
  /** Null: the rule applies to comments in any language. */
  language: string | null
  /** One keyword or phrase per entry. */
  keywords: string[]
}

interface Phrase {
  tagId: number
  language: string | null
  /** The keyword's words after the first, as written and folded. */
  rest: Array<{ exact: string; folded: string }>
}

/** A word of the comment matches a keyword word exactly, or, when the comment's word has no diacritics, the folded keyword word. */
const same = (word: string, k: { exact: string; folded: string }) => word === k.exact || (foldDiacritics(word) === word && word === k.folded)

/**
 * Compiles keyword rules into a matcher that returns the tags a comment earns. Case is ignored;
 * comments typed without diacritics match keywords written with them ("giao tre" finds "giao trễ"),
 * but a word written with diacritics must match exactly ("bạn" is not "bẩn"). Phrases must appear
 * as consecutive words, and Thai keywords are segmented like the comments.
 */
export function compileTagRules(rules: TagRule[]): (comment: string, language: string | null) => number[] {
  const byFirstWord = new Map<string, Array<Phrase & { first: { exact: string; folded: string } }>>()
  for (const rule of rules)
    for (const keyword of rule.keywords) {
      const ws = words(keyword).map((w) => ({ exact: w, folded: foldDiacritics(w) }))
      if (!ws.length) continue
      const phrase = { tagId: rule.tagId, language: rule.language, rest: ws.slice(1) }
      for (const first of new Set([ws[0].exact, ws[0].folded])) byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), { ...phrase, first: ws[0] }])
    }
  return (comment, language) => {
    if (!byFirstWord.size) return []
    const ws = words(comment)
    const found = new Set<number>()
    for (let i = 0; i < ws.length; i++) {
      const candidates = byFirstWord.get(ws[i])
      if (!candidates) continue
      for (const p of candidates) {
        if (found.has(p.tagId) || (p.language !== null && language !== null && p.language !== language)) continue
        if (same(ws[i], p.first) && p.rest.every((w, k) => ws[i + 1 + k] !== undefined && same(ws[i + 1 + k], w))) found.add(p.tagId)
      }
    }
    return [...found]
  }
}

export const splitKeywords = (text: string) =>
  text
    .split(/[\n,;]/)
    .map((k) => k.trim())
    .filter(Boolean)

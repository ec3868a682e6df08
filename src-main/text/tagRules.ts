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
  rest: string[]
}

/**
 * Compiles keyword rules into a matcher that returns the tags a comment earns. Comparison is on
 * folded words (case and Vietnamese diacritics ignored), phrases must appear as consecutive words,
 * and Thai keywords are segmented like the comments, so "ส่งช้า" finds "ส่ง ช้า" in running text.
 */
export function compileTagRules(rules: TagRule[]): (comment: string, language: string | null) => number[] {
  const byFirstWord = new Map<string, Phrase[]>()
  for (const rule of rules)
    for (const keyword of rule.keywords) {
      const ws = words(keyword).map(foldDiacritics)
      if (!ws.length) continue
      const list = byFirstWord.get(ws[0]) ?? []
      list.push({ tagId: rule.tagId, language: rule.language, rest: ws.slice(1) })
      byFirstWord.set(ws[0], list)
    }
  return (comment, language) => {
    if (!byFirstWord.size) return []
    const ws = words(comment).map(foldDiacritics)
    const found = new Set<number>()
    for (let i = 0; i < ws.length; i++) {
      const candidates = byFirstWord.get(ws[i])
      if (!candidates) continue
      for (const p of candidates) {
        if (found.has(p.tagId) || (p.language !== null && language !== null && p.language !== language)) continue
        if (p.rest.every((w, k) => ws[i + 1 + k] === w)) found.add(p.tagId)
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

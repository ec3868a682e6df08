import { delimiters, type Delimiter } from '../../../src-shared/api/imports'

export type { Delimiter }

/**
 * Picks the delimiter that splits the first lines into the same, largest number of fields.
 * Quoted text is skipped, so a comma inside a quoted comment does not count. Excel in locales that
 * write decimals with a comma (Vietnam among them) saves CSV with semicolons.
 */
export function detectDelimiter(sample: string): Delimiter {
  const lines: string[] = []
  let inQuotes = false
  let current = ''
  for (const c of sample) {
    if (c === '"') inQuotes = !inQuotes
    else if (!inQuotes && (c === '\n' || c === '\r')) {
      if (current) lines.push(current)
      current = ''
      if (lines.length >= 20) break
      continue
    }
    if (!inQuotes) current += c
  }
  if (current && lines.length < 20) lines.push(current)
  let best: Delimiter = ','
  let bestScore = 0
  for (const d of delimiters) {
    const counts = lines.map((l) => l.split(d).length - 1)
    if (!counts.length || counts[0] === 0) continue
    const consistent = counts.filter((n) => n === counts[0]).length / counts.length
    const score = consistent * counts[0]
    if (score > bestScore) {
      best = d
      bestScore = score
    }
  }
  return best
}

import type Database from 'better-sqlite3'
import type { ScoreSpec } from '../../src-shared/api/imports'
import { defaultThresholds } from '../../src-shared/domain/scores'

const specKey = (s: ScoreSpec) => `${s.metric}-${s.min}-${s.max}-${s.direction === 'higher_better' ? 'up' : 'down'}`

/**
 * The question for a metric and scale: an existing one with the same metric, scale and direction,
 * else a new one with METRICS.md's default thresholds. Answers on different scales stay separate
 * questions, so they are never mixed in one figure without conversion.
 */
export function ensureQuestions(sqlite: Database.Database, specs: ScoreSpec[], labels: Map<string, string> = new Map()): Map<string, number> {
  const find = sqlite.prepare<[string, number, number, string], { id: number }>(
    'SELECT id FROM questions WHERE metric = ? AND scale_min = ? AND scale_max = ? AND direction = ? ORDER BY id LIMIT 1',
  )
  const insert = sqlite.prepare(
    'INSERT INTO questions (key, metric, label, scale_min, scale_max, direction, good_threshold, poor_threshold) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const out = new Map<string, number>()
  for (const s of specs) {
    const key = specKey(s)
    if (out.has(key)) continue
    let id = find.get(s.metric, s.min, s.max, s.direction)?.id
    if (id === undefined) {
      const t = defaultThresholds(s.metric, s.min, s.max, s.direction)
      const label = labels.get(key) ?? `${s.metric.toUpperCase()} ${s.min}–${s.max}`
      id = Number(insert.run(`${key}-${Date.now().toString(36)}`, s.metric, label.slice(0, 200), s.min, s.max, s.direction, t.good, t.poor).lastInsertRowid)
    }
    out.set(key, id)
  }
  return out
}

export { specKey }

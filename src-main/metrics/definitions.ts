import type { Sqlite, Queries } from '../db/sqlite'
import type { BusinessHours, Definitions, DefinitionsOnly, QuestionDefinitionUpdate } from '../../src-shared/api/metrics'
import { AppError } from '../../src-shared/api/result'
import { listQuestions, type QuestionRow } from '../db/questions'
import { answeredRange, type QuestionDefinitionRow } from './definitionsRepository'
import { factDerivations } from './rollups/derivations'

/** Working hours as they will be stored, or null when they are the same as now (nothing to rebuild). */
export function checkedBusinessHours(current: BusinessHours, next: BusinessHours): BusinessHours | null {
  if (next.enabled && (next.end <= next.start || !next.days.length)) throw new AppError('VALIDATION', 'Working hours must end after they start, on at least one day.')
  const normal = { ...next, days: [...new Set(next.days)].sort() }
  return JSON.stringify(normal) === JSON.stringify({ ...current, days: [...current.days].sort() }) ? null : normal
}

export async function readDefinitions(db: Queries, sqlite: Sqlite, timezone: string): Promise<Definitions> {
  const answered = answeredRange(sqlite)
  const defs = await readDefinitionsOnly(db, sqlite, timezone)
  return {
    ...defs,
    questions: defs.questions.map((q) => ({
      ...q,
      answered: answered.get(q.id)?.n ?? 0,
      answeredMin: answered.get(q.id)?.min ?? null,
      answeredMax: answered.get(q.id)?.max ?? null,
    })),
  }
}

/** The definitions alone, without counting the answers given (which reads every response): what a report's appendix prints. */
export async function readDefinitionsOnly(db: Queries, sqlite: Sqlite, timezone: string): Promise<DefinitionsOnly> {
  return {
    timezone,
    businessHours: factDerivations(sqlite).businessHours,
    questions: (await listQuestions(db)).map((q) => ({
      id: q.id,
      key: q.key,
      metric: q.metric,
      label: q.label,
      scaleMin: q.scale_min,
      scaleMax: q.scale_max,
      direction: q.direction,
      goodThreshold: q.good_threshold,
      poorThreshold: q.poor_threshold,
    })),
  }
}

/**
 * Checks definition changes against METRICS.md and the answers already given, and returns the
 * questions whose definition really changes. NPS buckets are fixed by definition; a scale must
 * hold every answer given on it; "good" and "poor" must not overlap.
 */
export function checkedDefinitionChanges(questions: QuestionRow[], updates: QuestionDefinitionUpdate[], answered: Map<number, { min: number; max: number }>): QuestionDefinitionRow[] {
  const byId = new Map(questions.map((q) => [q.id, q]))
  const changed: QuestionDefinitionRow[] = []
  for (const u of updates) {
    const q = byId.get(u.id)
    if (!q) throw new AppError('NOT_FOUND', `There is no question ${u.id}.`)
    const next: QuestionDefinitionRow = {
      id: q.id,
      label: u.label ?? q.label,
      scale_min: u.scaleMin,
      scale_max: u.scaleMax,
      direction: u.direction,
      good_threshold: u.goodThreshold,
      poor_threshold: u.poorThreshold,
    }
    const same = next.scale_min === q.scale_min && next.scale_max === q.scale_max && next.direction === q.direction && next.good_threshold === q.good_threshold && next.poor_threshold === q.poor_threshold
    if (same && next.label === q.label) continue
    if (q.metric === 'nps' && !same) throw new AppError('VALIDATION', 'NPS is fixed by definition: 0–10, promoters 9–10, detractors 0–6.')
    if (next.scale_max <= next.scale_min || next.scale_max - next.scale_min > 20) throw new AppError('VALIDATION', `The scale of “${next.label}” must go up, by at most 20 points.`)
    const inScale = (v: number) => v >= next.scale_min && v <= next.scale_max
    if (!inScale(next.good_threshold) || !inScale(next.poor_threshold)) throw new AppError('VALIDATION', `The cut-offs of “${next.label}” must be on its scale.`)
    const apart = next.direction === 'higher_better' ? next.poor_threshold < next.good_threshold : next.good_threshold < next.poor_threshold
    if (!apart) throw new AppError('VALIDATION', `The “good” and “poor” answers of “${next.label}” overlap.`)
    const given = answered.get(q.id)
    if (given && (!inScale(given.min) || !inScale(given.max)))
      throw new AppError('VALIDATION', `“${next.label}” already has answers from ${given.min} to ${given.max}; a ${next.scale_min}–${next.scale_max} scale cannot hold them.`)
    changed.push(next)
  }
  return changed
}

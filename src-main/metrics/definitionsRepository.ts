import type { Direction } from '../../src-shared/domain/scores'
import type { Sqlite } from '../db/sqlite'
import { build, rowsOf } from '../db/syncQuery'

/** A score question's definition as stored: its scale, direction and good / poor cut-offs. */
export interface QuestionDefinitionRow {
  id: number
  label: string
  scale_min: number
  scale_max: number
  direction: Direction
  good_threshold: number
  poor_threshold: number
}

// The definitions update runs in the same synchronous transaction as the rollups it invalidates, so
// its statement stays prepared once for all rows; the read is built by Kysely (db/syncQuery.ts).
export function updateQuestionDefinitions(sqlite: Sqlite, rows: QuestionDefinitionRow[]): void {
  const stmt = sqlite.prepare(
    `UPDATE questions SET label = @label, scale_min = @scale_min, scale_max = @scale_max, direction = @direction,
       good_threshold = @good_threshold, poor_threshold = @poor_threshold WHERE id = @id`,
  )
  for (const r of rows) stmt.run(r)
}

/** The lowest and highest score each question has been answered with, to refuse a scale that would not hold them. */
export function answeredRange(sqlite: Sqlite): Map<number, { min: number; max: number; n: number }> {
  // One index lookup per question (min, max and count of an indexed column), not a scan of every response.
  const rows = rowsOf(
    sqlite,
    build.selectFrom('questions as q').select((eb) => {
      const answers = () => eb.selectFrom('responses as r').whereRef('r.question_id', '=', 'q.id')
      return [
        'q.id',
        answers().select((a) => a.fn.min<number | null>('r.score').as('v')).as('min'),
        answers().select((a) => a.fn.max<number | null>('r.score').as('v')).as('max'),
        answers().select((a) => a.fn.countAll<number>().as('v')).as('n'),
      ]
    }),
  )
  return new Map(rows.flatMap((r) => (r.min === null || r.max === null ? [] : [[r.id, { min: r.min, max: r.max, n: r.n ?? 0 }] as const])))
}

import type Database from 'better-sqlite3'
import type { Direction } from '../../src-shared/domain/scores'

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

export function updateQuestionDefinitions(sqlite: Database.Database, rows: QuestionDefinitionRow[]): void {
  const stmt = sqlite.prepare(
    `UPDATE questions SET label = @label, scale_min = @scale_min, scale_max = @scale_max, direction = @direction,
       good_threshold = @good_threshold, poor_threshold = @poor_threshold WHERE id = @id`,
  )
  for (const r of rows) stmt.run(r)
}

/** The lowest and highest score each question has been answered with, to refuse a scale that would not hold them. */
export function answeredRange(sqlite: Database.Database): Map<number, { min: number; max: number; n: number }> {
  const rows = sqlite
    .prepare(
      `SELECT q.id, (SELECT min(score) FROM responses WHERE question_id = q.id) AS min, (SELECT max(score) FROM responses WHERE question_id = q.id) AS max,
        (SELECT count(*) FROM responses WHERE question_id = q.id) AS n FROM questions q`,
    )
    .all() as Array<{ id: number; min: number | null; max: number | null; n: number }>
  return new Map(rows.flatMap((r) => (r.min === null || r.max === null ? [] : [[r.id, { min: r.min, max: r.max, n: r.n }] as const])))
}

import { sql, type Kysely } from 'kysely'
import type { DB } from '../schema'
import type { MetricKind } from '../../../src-shared/domain/scores'

export interface DateScoreCount {
  local_date: string
  score: number
  n: number
}

/** Responses per local date and score value for one metric: the smallest table every period figure can be summed from. */
export async function countsByDateAndScore(
  db: Kysely<DB>,
  metric: MetricKind,
  range: { from?: string; to?: string },
): Promise<DateScoreCount[]> {
  let q = db
    .selectFrom('responses as r')
    .innerJoin('questions as q', 'q.id', 'r.question_id')
    .where('q.metric', '=', metric)
    .where('r.score', 'is not', null)
    .select(['r.local_date', sql<number>`r.score`.as('score'), (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['r.local_date', 'r.score'])
    .orderBy('r.local_date')
  if (range.from) q = q.where('r.local_date', '>=', range.from)
  if (range.to) q = q.where('r.local_date', '<=', range.to)
  return q.execute()
}

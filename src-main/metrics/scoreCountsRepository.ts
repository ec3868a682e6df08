import { sql, type Kysely } from 'kysely'
import type { DB } from '../db/schema'
import type { Direction, MetricKind } from '../../src-shared/domain/scores'
import type { Dimension, FeedbackFilter } from '../../src-shared/api/filters'
import { filteredResponses } from '../db/feedbackFilter'

export interface ScoreCountRow {
  local_date: string
  grp: string | null
  score: number
  /** Null for a response stored without a band. */
  band: -1 | 0 | 1 | null
  scale_min: number
  scale_max: number
  direction: Direction
  n: number
}

type Filtered = ReturnType<typeof filteredResponses>

/**
 * The filtered responses with the value of a dimension as `grp` (NULL without one). For tags each
 * response appears once per tag; the tag join adds rows, not columns selected through the typed
 * API, so the builder keeps its type.
 */
export function byDimension<Q extends Filtered>(base: Q, dim: Dimension | undefined) {
  const source = (dim === 'tag' ? base.innerJoin('response_tags as rt', 'rt.response_id', 'r.id').innerJoin('tags as t', 't.id', 'rt.tag_id') : base) as unknown as Q
  const grp =
    dim === undefined ? sql<string | null>`NULL` : dim === 'tag' ? sql<string | null>`t.name` : dim === 'segment' ? sql<string | null>`c.segment` : sql<string | null>`${sql.ref(`r.${dim}`)}`
  return { source, grp }
}

/**
 * Responses per local date, dimension value, score and scale for one metric: the smallest table
 * every figure in every period and group can be summed from. A response with two tags counts in
 * both tag groups.
 */
export async function scoreCounts(db: Kysely<DB>, metric: MetricKind, opts: { dim?: Dimension; filter?: FeedbackFilter; questionIds?: number[] }): Promise<ScoreCountRow[]> {
  const { dim } = opts
  let base = filteredResponses(db, opts.filter).where('q.metric', '=', metric).where('r.score', 'is not', null)
  if (opts.questionIds) base = opts.questionIds.length ? base.where('r.question_id', 'in', opts.questionIds) : base.where(sql<boolean>`0`)
  const { source, grp } = byDimension(base, dim)
  return source
    .select([
      'r.local_date',
      grp.as('grp'),
      sql<number>`r.score`.as('score'),
      sql<-1 | 0 | 1 | null>`r.band`.as('band'),
      sql<number>`q.scale_min`.as('scale_min'),
      sql<number>`q.scale_max`.as('scale_max'),
      sql<Direction>`q.direction`.as('direction'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .groupBy(['r.local_date', grp, 'r.score', 'r.band', 'q.scale_min', 'q.scale_max', 'q.direction'])
    .execute()
}

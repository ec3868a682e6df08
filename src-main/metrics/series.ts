import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import { scoreCounts } from '../db/repositories/scoreCounts'
import { periodKey, periodStart, type PeriodUnit } from '../../src-shared/domain/periods'
import type { MetricsSeries } from '../../src-shared/api/metrics'
import type { Dimension, FeedbackFilter } from '../../src-shared/api/filters'
import type { MetricKind } from '../../src-shared/domain/scores'
import { ScoreAccumulator } from './accumulator'
import { figureOf } from './figures'

export interface SeriesQuery {
  metric: MetricKind
  by?: PeriodUnit
  dim?: Dimension
  filter?: FeedbackFilter
}

const compare = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1)

/** A score per period and/or group, cut in the workspace's zone (local dates were computed in it when stored). */
export async function metricSeries(db: Kysely<DB>, timezone: string, query: SeriesQuery): Promise<MetricsSeries> {
  const counts = await scoreCounts(db, query.metric, { dim: query.dim, filter: query.filter })
  const cells = new Map<string, { period: string | null; group: string | null; acc: ScoreAccumulator }>()
  const overall = new ScoreAccumulator()
  // With tags, one response can sit in several groups; the overall figure counts it once.
  const seenForOverall = query.dim === 'tag' ? null : overall
  for (const row of counts) {
    const period = query.by ? periodKey(row.local_date, query.by) : null
    const key = `${period}\u0000${row.grp}`
    let cell = cells.get(key)
    if (!cell) cells.set(key, (cell = { period, group: row.grp, acc: new ScoreAccumulator() }))
    cell.acc.add(row)
    seenForOverall?.add(row)
  }
  let overallFigure = figureOf(query.metric, overall)
  if (query.dim === 'tag') {
    const untagged = await metricSeries(db, timezone, { metric: query.metric, filter: query.filter })
    overallFigure = untagged.overall
  }
  const rows = [...cells.values()]
    .sort((a, b) => compare(a.period, b.period) || compare(a.group, b.group))
    .map((c) => ({
      period: c.period,
      periodStart: c.period && query.by ? periodStart(c.period, query.by) : null,
      group: c.group,
      ...figureOf(query.metric, c.acc),
    }))
  return { metric: query.metric, by: query.by ?? null, dim: query.dim ?? null, timezone, rows, overall: overallFigure }
}

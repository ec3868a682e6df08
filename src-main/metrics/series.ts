import type { Sqlite, Queries } from '../db/sqlite'
import { scoreCounts, type ScoreCountRow } from './scoreCountsRepository'
import { periodKey, periodStart, type PeriodUnit } from '../../src-shared/domain/periods'
import type { MetricsSeries } from '../../src-shared/api/metrics'
import type { Dimension, FeedbackFilter } from '../../src-shared/api/filters'
import type { MetricKind } from '../../src-shared/domain/scores'
import { ScoreAccumulator } from './accumulator'
import { figureOf } from './figures'
import { rollupScoreCounts, rollupsCanAnswer } from './rollups/rollupCounts'
import { factDerivations } from './rollups/derivations'
import { readSnapshot } from './rollups/rollupSnapshotRepository'
import { sliceSeriesCells, type SeriesCells } from './rollups/sliceSeries'

/** What the engine reads from: the workspace's connection (both the query builder and the raw handle) and its zone. */
export interface MetricsSource {
  db: Queries
  sqlite: Sqlite
  timezone: string
}

export interface SeriesQuery {
  metric: MetricKind
  by?: PeriodUnit
  dim?: Dimension
  filter?: FeedbackFilter
  /** Only these questions of the metric (the responses to one survey). */
  questionIds?: number[]
}

/** 'auto' reads the summaries whenever they hold what the filter asks; tests and the bench force either side. */
export type CountsSource = 'auto' | 'raw' | 'rollups'

const compare = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1)

/** The count rows behind a series, and where they came from. */
export async function seriesCounts(src: MetricsSource, query: SeriesQuery, from: CountsSource = 'auto'): Promise<{ rows: ScoreCountRow[]; source: 'rollups' | 'raw' }> {
  const useRollups = from === 'rollups' || (from === 'auto' && rollupsCanAnswer(query))
  if (!useRollups) return { rows: await scoreCounts(src.db, query.metric, { dim: query.dim, filter: query.filter, questionIds: query.questionIds }), source: 'raw' }
  // Summaries and journal are read in one transaction, so a fold committing in between cannot be seen half.
  const rows = readSnapshot(src.sqlite, () => rollupScoreCounts(src.sqlite, query, factDerivations(src.sqlite)))
  return { rows, source: 'rollups' }
}

/** A score per period and/or group, cut in the workspace's zone (local dates were computed in it when stored). */
export async function metricSeries(src: MetricsSource, query: SeriesQuery, from: CountsSource = 'auto'): Promise<MetricsSeries> {
  // Straight from the slice packs when one slice holds the whole series (sliceSeries.ts), else from count rows.
  const sliced = from !== 'raw' ? readSnapshot(src.sqlite, () => sliceSeriesCells(src.sqlite, query)) : null
  const { cells, overall, source } = sliced ? { ...sliced, source: 'rollups' as const } : await accumulatedCounts(src, query, from)
  const { by } = query
  // With tags, one response can sit in several groups; the overall figure counts it once.
  const overallFigure = query.dim === 'tag' ? (await metricSeries(src, { ...query, by: undefined, dim: undefined }, from)).overall : figureOf(query.metric, overall)
  const rows = [...cells.entries()]
    .sort(([a], [b]) => compare(a, b))
    .flatMap(([period, groups]) => {
      const start = period && by ? periodStart(period, by) : null
      return [...groups.entries()].sort(([a], [b]) => compare(a, b)).map(([group, acc]) => figureOf(query.metric, acc, { period, periodStart: start, group }))
    })
  return { metric: query.metric, by: query.by ?? null, dim: query.dim ?? null, timezone: src.timezone, rows, overall: overallFigure, source }
}

/** The count rows of a series summed per period and group. */
async function accumulatedCounts(src: MetricsSource, query: SeriesQuery, from: CountsSource): Promise<SeriesCells & { source: 'rollups' | 'raw' }> {
  const { rows: counts, source } = await seriesCounts(src, query, from)
  const cells: SeriesCells['cells'] = new Map()
  const overall = new ScoreAccumulator()
  // Many rows share a date: each date's period key is worked out once.
  const periods = new Map<string, string>()
  const { by } = query
  // Rows come cell by cell (a period's rows together, a group's together): the previous row's cell is usually this one's.
  let last: { date: string | null; grp: string | null; acc: ScoreAccumulator } = { date: null, grp: null, acc: overall }
  for (const row of counts) {
    let acc = last.acc
    if (row.local_date !== last.date || row.grp !== last.grp) {
      let period: string | null = null
      if (by) {
        period = periods.get(row.local_date) ?? null
        if (period === null) periods.set(row.local_date, (period = periodKey(row.local_date, by)))
      }
      let groups = cells.get(period)
      if (!groups) cells.set(period, (groups = new Map()))
      const known = groups.get(row.grp)
      if (known) acc = known
      else groups.set(row.grp, (acc = new ScoreAccumulator()))
      last = { date: row.local_date, grp: row.grp, acc }
    }
    acc.add(row)
    overall.add(row)
  }
  return { cells, overall, source }
}

import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import { countsByDateAndScore } from '../db/repositories/scoreCounts'
import { periodKey, periodStart, type PeriodUnit } from '../../src-shared/domain/periods'
import type { MetricsSeries } from '../../src-shared/api/metrics'
import { addNpsScore, emptyNpsCounts, npsValue, type NpsCounts } from './nps'

/** NPS per period, cut in the workspace's time zone (local dates were computed in that zone when stored). */
export async function npsSeries(
  db: Kysely<DB>,
  timezone: string,
  query: { by: PeriodUnit; from?: string; to?: string },
): Promise<MetricsSeries> {
  const counts = await countsByDateAndScore(db, 'nps', query)
  const periods = new Map<string, NpsCounts>()
  const overall = emptyNpsCounts()
  for (const { local_date, score, n } of counts) {
    const key = periodKey(local_date, query.by)
    let c = periods.get(key)
    if (!c) periods.set(key, (c = emptyNpsCounts()))
    addNpsScore(c, score, n)
    addNpsScore(overall, score, n)
  }
  const rows = [...periods.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([period, c]) => ({ period, periodStart: periodStart(period, query.by), group: null, ...npsValue(c) }))
  return { metric: 'nps', by: query.by, timezone, rows, overall: npsValue(overall) }
}

import type { BusinessHours, TtrRow } from '../../src-shared/api/metrics'
import type { FeedbackFilter } from '../../src-shared/api/filters'
import { periodKey, periodStart, type PeriodUnit } from '../../src-shared/domain/periods'
import { MIN_RELIABLE_N } from '../../src-shared/domain/scores'
import { followUps, type FollowUpRow } from '../db/repositories/followUps'
import { businessMs } from './businessHours'
import type { MetricsSource } from './series'

const HOUR = 3_600_000

/** The middle value (the mean of the two middle values for an even count) of sorted numbers. */
export function median(sorted: number[]): number | null {
  const n = sorted.length
  if (!n) return null
  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
}

/** Nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
export function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]
}

export function ttrFigure(rows: FollowUpRow[], hours: (r: FollowUpRow & { resolved_at: number }) => number): Omit<TtrRow, 'period' | 'periodStart'> {
  const durations: number[] = []
  let stillOpen = 0
  for (const r of rows) {
    if (r.status === 'resolved' && r.resolved_at !== null) durations.push(hours(r as FollowUpRow & { resolved_at: number }))
    else if (r.status === 'new' || r.status === 'in_progress') stillOpen++
  }
  durations.sort((a, b) => a - b)
  return {
    needed: rows.length,
    resolved: durations.length,
    stillOpen,
    medianHours: median(durations),
    p90Hours: percentile(durations, 90),
    lowSample: durations.length < MIN_RELIABLE_N,
  }
}

/**
 * Time to resolution (METRICS.md): resolved_at − submitted_at for the feedback that needed a
 * follow-up, as median and 90th percentile in hours (calendar hours, or working hours when the
 * workspace says so), with the count still open; per period of the feedback's arrival.
 */
export async function ttrSeries(src: MetricsSource, q: { by?: PeriodUnit; filter?: FeedbackFilter }, businessHours: BusinessHours) {
  const rows = await followUps(src.db, q.filter)
  const hours = businessHours.enabled
    ? (r: { submitted_at: number; resolved_at: number }) => businessMs(r.submitted_at, r.resolved_at, businessHours, src.timezone) / HOUR
    : (r: { submitted_at: number; resolved_at: number }) => Math.max(0, r.resolved_at - r.submitted_at) / HOUR
  const byPeriod = new Map<string | null, FollowUpRow[]>()
  for (const r of rows) {
    const key = q.by ? periodKey(r.local_date, q.by) : null
    const list = byPeriod.get(key)
    if (list) list.push(r)
    else byPeriod.set(key, [r])
  }
  const series = [...byPeriod.entries()]
    .sort(([a], [b]) => (a ?? '').localeCompare(b ?? ''))
    .map(([period, list]) => ({ period, periodStart: period && q.by ? periodStart(period, q.by) : null, ...ttrFigure(list, hours) }))
  return { by: q.by ?? null, businessHours: businessHours.enabled, rows: series, overall: { period: null, periodStart: null, ...ttrFigure(rows, hours) } }
}

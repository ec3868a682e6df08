import type { ApiClient } from '../../src-shared/api/contract'
import type { Dimension, FeedbackFilter } from '../../src-shared/api/filters'
import type { PeriodUnit } from '../../src-shared/domain/periods'
import { metricKinds, type MetricKind } from '../../src-shared/domain/scores'
import { UsageError } from './args'

export const cliMetrics = [...metricKinds, 'ttr', 'churn', 'retention'] as const
export type CliMetric = (typeof cliMetrics)[number]

/** One row of `cxdesk metrics --json`: the documented fields first, then what the metric adds (a TTR's p90, a churn's counts). */
export interface CliFigure {
  value: number | null
  n: number
  moe95: number | null
  lowSample: boolean
  [more: string]: unknown
}
export interface CliRow extends CliFigure {
  period: string | null
  group: string | null
}

export interface CliMetrics {
  metric: CliMetric
  by: PeriodUnit | null
  dim: Dimension | null
  rows: CliRow[]
  /** The whole range (and every group) at once. */
  overall: CliFigure
  [more: string]: unknown
}

/**
 * Any metric as the CLI prints it. Scores are metrics.series as it is; TTR's value is the median in
 * hours (n = resolved items, no margin of error for a median); churn's and retention's value is the
 * rate (n = customers at the start of the period).
 */
export async function cliMetric(api: ApiClient, q: { metric: CliMetric; by: PeriodUnit; dim?: Dimension; filter: FeedbackFilter }): Promise<CliMetrics> {
  const { metric, by, dim, filter } = q
  if ((metricKinds as readonly string[]).includes(metric)) return api.call('metrics.series', { metric: metric as MetricKind, by, dim, filter })
  if (metric === 'ttr') {
    const s = await api.call('metrics.ttr', { by, dim, filter })
    const row = ({ period, group, medianHours, resolved, lowSample, ...rest }: (typeof s.rows)[number]): CliRow => ({ period, group, value: medianHours, n: resolved, moe95: null, lowSample, medianHours, ...rest })
    return { metric, by: s.by, dim: s.dim, businessHours: s.businessHours, rows: s.rows.map(row), overall: row(s.overall) }
  }
  if (dim && dim !== 'segment' && dim !== 'location') throw new UsageError(`--dim for ${metric} must be segment or location (the customer's own attributes)`)
  const [series, whole] = await Promise.all([api.call('metrics.lifecycle', { by, dim, filter }), api.call('metrics.lifecycle', { filter })])
  const row = ({ period, group, churnRate, retentionRate, atStart, moe95, lowSample, ...rest }: (typeof series.rows)[number]): CliRow => ({
    period,
    group,
    value: metric === 'churn' ? churnRate : retentionRate,
    n: atStart,
    moe95,
    lowSample,
    churnRate,
    retentionRate,
    ...rest,
  })
  const overall = whole.rows[0] ? row(whole.rows[0]) : { period: null, group: null, value: null, n: 0, moe95: null, lowSample: true }
  return { metric, by: series.by, dim: series.dim, rows: series.rows.map(row), overall, withoutDates: series.withoutDates, ignoredFilters: series.ignoredFilters }
}

import type { LifecycleRow } from '../../src-shared/api/metrics'
import type { FeedbackFilter } from '../../src-shared/api/filters'
import { periodKey, shiftPeriod, type PeriodUnit } from '../../src-shared/domain/periods'
import { MIN_RELIABLE_N } from '../../src-shared/domain/scores'
import { lifecyclePairs } from '../db/repositories/lifecycle'
import { shareMoe } from './figures'
import { rangeOf } from './periodRanges'
import type { MetricsSource } from './series'

/** Filters that say something about a customer; the rest describe feedback and do not apply to customer counts. */
const CUSTOMER_FILTERS = new Set(['from', 'to', 'segment', 'location'])

/** A lifecycle date as a local calendar date: dates are taken as written, timestamps are cut in the workspace's zone. */
function localDay(value: string, localDateOf: (ms: number) => string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? null : localDateOf(ms)
}

/**
 * Churn and retention for one stretch of days (METRICS.md, seed 001), from customers' lifecycle dates:
 * at start = joined before it and not gone before it; lost = left during it; gained = joined during it;
 * at end = joined by its end and not gone by then. Churn = lost ÷ at start; standard retention =
 * (at end − gained) ÷ at start (which is 100 − churn); end ÷ start is seed 001's simpler form.
 */
export function lifecycleFigure(customers: Array<{ since: string; churned: string | null; n: number }>, from: string, to: string): Omit<LifecycleRow, 'period' | 'periodStart' | 'periodEnd'> {
  let atStart = 0
  let lost = 0
  let gained = 0
  let atEnd = 0
  for (const c of customers) {
    if (c.since < from && (c.churned === null || c.churned >= from)) atStart += c.n
    if (c.churned !== null && c.churned >= from && c.churned <= to) lost += c.n
    if (c.since >= from && c.since <= to) gained += c.n
    if (c.since <= to && (c.churned === null || c.churned > to)) atEnd += c.n
  }
  const rate = (x: number) => (atStart ? (100 * x) / atStart : null)
  return {
    atStart,
    lost,
    gained,
    atEnd,
    churnRate: rate(lost),
    retentionRate: rate(atEnd - gained),
    endOverStart: rate(atEnd),
    moe95: atStart && lost <= atStart ? shareMoe(lost, atStart) : null,
    lowSample: atStart < MIN_RELIABLE_N,
  }
}

export function lifecycleSeries(src: MetricsSource & { localDateOf: (ms: number) => string; today: string }, q: { by: PeriodUnit; filter?: FeedbackFilter }) {
  const f = q.filter ?? {}
  const { pairs, withoutDates } = lifecyclePairs(src.sqlite, f)
  const customers = pairs.flatMap((p) => {
    const since = localDay(p.since, src.localDateOf)
    const churned = p.churned === null ? null : localDay(p.churned, src.localDateOf)
    return since === null ? [] : [{ since, churned, n: p.n }]
  })
  const ignoredFilters = Object.entries(f)
    .filter(([k, v]) => !CUSTOMER_FILTERS.has(k) && v !== undefined && v !== '' && !(Array.isArray(v) && !v.length))
    .map(([k]) => k)
  const dates = customers.flatMap((c) => (c.churned ? [c.since, c.churned] : [c.since]))
  const from = f.from ?? (dates.length ? dates.reduce((a, b) => (a < b ? a : b)) : src.today)
  const to = f.to ?? src.today
  const rows: LifecycleRow[] = []
  if (customers.length && from <= to) {
    for (let key = periodKey(from, q.by); key <= periodKey(to, q.by); key = shiftPeriod(key, q.by, 1)) {
      const whole = rangeOf(key, q.by)
      const start = whole.from < from ? from : whole.from
      const end = whole.to > to ? to : whole.to
      rows.push({ period: key, periodStart: start, periodEnd: end, ...lifecycleFigure(customers, start, end) })
    }
  }
  return { by: q.by, rows, withoutDates, ignoredFilters }
}

import type { LifecycleRow } from '../../src-shared/api/metrics'
import type { FeedbackFilter } from '../../src-shared/api/filters'
import { dateOfDayNumber, dayNumber, periodEnd, periodKey, periodStart, shiftPeriod, type PeriodUnit } from '../../src-shared/domain/periods'
import { MIN_RELIABLE_N } from '../../src-shared/domain/scores'
import { customerCount, lifecyclePairs } from './lifecycleRepository'
import { FACT_JOINED, FACT_LEFT } from './rollups/layout'
import { readLeaveJournal, readLeavings, type CustomerDim, type LeavingRange } from './rollups/leaversRepository'
import { useDerivations } from './rollups/rollupMaintainRepository'
import { valueIds, valueNames } from './rollups/rollupReadRepository'
import { readSnapshot } from './rollups/rollupSnapshotRepository'
import { shareMoe } from './figures'
import { rangeOf } from './periodRanges'
import { factDerivations } from './rollups/derivations'
import { readFacts, readFactsAs } from './rollups/rollupCounts'
import type { CountsSource, MetricsSource } from './series'

export type { CustomerDim }

/** Filters that say something about a customer; the rest describe feedback and do not apply to customer counts. */
const CUSTOMER_FILTERS = new Set(['from', 'to', 'segment', 'location'])

/** What one period's cohort did: S at its start, members lost, customers who joined, and all who left (members or not). */
export type Counts = { atStart: number; lost: number; gained: number; left: number }

/**
 * Churn and retention of one period (METRICS.md): the cohort S is the customers active at its start
 * (joined before it, not gone before it); churn = members of S who left during it ÷ S; standard
 * retention = members of S still active at its end ÷ S, so churn + retention = 100; end ÷ start is
 * seed 001's simpler form, which counts new customers as retained and is shown beside it, named.
 * Customers who join during the period are not in S, even when they also leave during it (lostNew).
 */
export function lifecycleFigure({ atStart, lost, gained, left }: Counts): Omit<LifecycleRow, 'period' | 'periodStart' | 'periodEnd' | 'group'> {
  const atEnd = atStart + gained - left
  const retained = atStart - lost
  const rate = (x: number) => (atStart ? (100 * x) / atStart : null)
  return {
    atStart,
    lost,
    gained,
    atEnd,
    retained,
    lostNew: left - lost,
    churnRate: rate(lost),
    retentionRate: rate(retained),
    endOverStart: rate(atEnd),
    moe95: atStart ? shareMoe(lost, atStart) : null,
    lowSample: atStart < MIN_RELIABLE_N,
  }
}

/** A customer placed in time: the local days they joined and (if they did) left. */
export interface Placed {
  joined: string
  left: string | null
}

/**
 * The rule the summaries fold by (layout.ts leaveDaySql, and the FACT_JOINED fold): a customer counts
 * from the day they joined when that is a date; a churn value that is not a date, or a churn before
 * the join, is not counted as leaving. Customers without a join date cannot be placed at all.
 */
export function placedCustomer(localDay: (stamp: string) => string | null, since: string, churned: string | null): Placed | null {
  const joined = localDay(since)
  if (joined === null) return null
  const left = churned === null ? null : localDay(churned)
  return { joined, left: left !== null && left >= joined ? left : null }
}

/** A period of a lifecycle series: its key (null for the whole range) and its first and last local days. */
export interface LifecyclePeriod {
  key: string | null
  start: string
  end: string
}

/** The periods from `first` to `last` (one when there is no unit), cut to them at either end. */
export function lifecyclePeriods(first: string, last: string, by: PeriodUnit | undefined): LifecyclePeriod[] {
  if (!by) return [{ key: null, start: first, end: last }]
  const out: LifecyclePeriod[] = []
  for (let key = periodKey(first, by); key <= periodKey(last, by); key = shiftPeriod(key, by, 1)) {
    const whole = rangeOf(key, by)
    out.push({ key, start: whole.from < first ? first : whole.from, end: whole.to > last ? last : whole.to })
  }
  return out
}

/** The definition applied to placed customers one by one: the reference the summaries are checked against. */
export function countsFromCustomers(customers: ReadonlyArray<Placed & { n: number }>, p: { start: string; end: string }): Counts {
  const c: Counts = { atStart: 0, lost: 0, gained: 0, left: 0 }
  for (const { joined, left, n } of customers) {
    const member = joined < p.start && (left === null || left >= p.start)
    if (member) c.atStart += n
    if (member && left !== null && left <= p.end) c.lost += n
    if (joined >= p.start && joined <= p.end) c.gained += n
    if (left !== null && left >= p.start && left <= p.end) c.left += n
  }
  return c
}

type Grouped<T> = Map<string | null, T>

function rawCounts(src: MetricsSource, f: FeedbackFilter, periods: LifecyclePeriod[], dim?: CustomerDim): Grouped<Counts[]> {
  const derive = factDerivations(src.sqlite)
  const byGroup: Grouped<Array<Placed & { n: number }>> = new Map()
  for (const p of lifecyclePairs(src.sqlite, f, dim)) {
    const placed = placedCustomer(derive.localDay, p.since, p.churned)
    if (!placed) continue
    const list = byGroup.get(p.grp)
    if (list) list.push({ ...placed, n: p.n })
    else byGroup.set(p.grp, [{ ...placed, n: p.n }])
  }
  return new Map([...byGroup].map(([g, list]) => [g, periods.map((p) => countsFromCustomers(list, p))]))
}

/** The calendar unit the week or month summaries are cut in, around a local day. */
function unitOf(grain: 'week' | 'month', day: string): { index: number; start: string; end: string } {
  if (grain === 'month') {
    const start = `${day.slice(0, 7)}-01`
    return { index: Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)), start, end: periodEnd(day.slice(0, 7), 'month') }
  }
  const d = dayNumber(day)
  const monday = d - ((((d + 3) % 7) + 7) % 7)
  return { index: (monday + 3) / 7, start: dateOfDayNumber(monday), end: dateOfDayNumber(monday + 6) }
}

/**
 * From the summaries: joins and leavings before the range (S of its first period), then per period
 * from facts 2 and 3. The members of a cohort who left are told apart by what each leaving keeps of
 * its join day: the day itself in the day cube, the months (weeks) since the join in the month (week)
 * slices — a leaving in a whole month k months after the period's first month was a member when it
 * joined more than k months before; exactly k, in the month the period starts in, only when the
 * period starts on that month's first day or the day cube says it joined before the period's first
 * day. With both customer dimensions in play no slice holds them, and the day cube's leavings index
 * answers every period (the month cube keeps only counts of leavings).
 */
function rollupCounts(src: MetricsSource, f: FeedbackFilter, periods: LifecyclePeriod[], by: PeriodUnit | undefined, dim?: CustomerDim): Grouped<Counts[]> {
  const derive = factDerivations(src.sqlite)
  const first = periods[0].start
  const last = periods[periods.length - 1].end
  const dims: Partial<Record<CustomerDim, string[]>> = {}
  for (const d of ['segment', 'location'] as const) if (f[d]?.length) dims[d] = f[d]
  const unit: PeriodUnit = by === 'day' || by === 'week' ? by : 'month'
  return readSnapshot(src.sqlite, () => {
    const out: Grouped<Counts[]> = new Map()
    const countsOf = (grp: string | null) => {
      let list = out.get(grp)
      if (!list) out.set(grp, (list = periods.map(() => ({ atStart: 0, lost: 0, gained: 0, left: 0 }))))
      return list
    }
    const starts = periods.map((p) => p.start)
    // The period holding a local day (periods are consecutive and sorted).
    const periodOf = (day: string) => {
      let lo = 0
      let hi = starts.length - 1
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1
        if (starts[mid] <= day) lo = mid
        else hi = mid - 1
      }
      return day >= starts[lo] && day <= periods[lo].end ? lo : -1
    }
    const read = (fact: number, range: FeedbackFilter, by?: PeriodUnit) => readFacts(src.sqlite, { fact, questionIds: [0], by, dim, filter: { ...dims, ...range } }, derive)
    // Everything before the range: who was there at its start.
    const before = { to: dateOfDayNumber(dayNumber(first) - 1) }
    for (const r of read(FACT_JOINED, before)) countsOf(r.grp)[0].atStart += r.n
    for (const r of read(FACT_LEFT, before)) countsOf(r.grp)[0].atStart -= r.n
    for (const r of read(FACT_JOINED, { from: first, to: last }, unit)) {
      const i = periodOf(r.local_date)
      if (i >= 0) countsOf(r.grp)[i].gained += r.n
    }
    // Both customer dimensions: the cohort's losses of each period straight from the day cube's leavings.
    if (new Set([...(Object.keys(dims) as CustomerDim[]), ...(dim ? [dim] : [])]).size > 1) {
      for (const r of read(FACT_LEFT, { from: first, to: last }, unit)) {
        const i = periodOf(r.local_date)
        if (i >= 0) countsOf(r.grp)[i].left += r.n
      }
      addLeavings(periods.map((p, i) => ({ i, range: [dayNumber(p.start), dayNumber(p.end), -FAR, dayNumber(p.start) - 1] })))
      useDerivations(src.sqlite, derive)
      for (const [leave, joined, grp, n] of readLeaveJournal(src.sqlite, { dims, groupBy: dim })) {
        const i = periodOf(leave)
        if (i >= 0 && joined < periods[i].start) countsOf(grp)[i].lost += n
      }
      return withStarts(out)
    }
    // Leavings in the range, from the summaries alone (the journal's follow, with their days).
    const unsure = new Map<string, { i: number; range: LeavingRange }>()
    readFactsAs(src.sqlite, { fact: FACT_LEFT, questionIds: [0], by: unit, dim, filter: { ...dims, from: first, to: last }, withJournal: false }, derive, (day, grp, _q, value, _band, n, grain) => {
      const i = periodOf(day)
      if (i < 0) return null
      const c = countsOf(grp)[i]
      c.left += n
      const start = periods[i].start
      if (grain === 'day' || grain === null) {
        if (value < dayNumber(start)) c.lost += n
        return null
      }
      const since = unitOf(grain, start)
      const k = unitOf(grain, day).index - since.index
      if (value > k) c.lost += n
      else if (value === k && since.start !== start) {
        // Joined in the month (week) the period starts in, which it starts after: the day cube knows the day.
        const end = unitOf(grain, day).end
        unsure.set(`${i}:${day}`, { i, range: [dayNumber(day), dayNumber(end < periods[i].end ? end : periods[i].end), dayNumber(since.start), dayNumber(start) - 1] })
      }
      return null
    })
    addLeavings([...unsure.values()])
    useDerivations(src.sqlite, derive)
    for (const [leave, joined, grp, n] of readLeaveJournal(src.sqlite, { dims, groupBy: dim })) {
      const i = periodOf(leave)
      if (i < 0) continue
      countsOf(grp)[i].left += n
      if (joined < periods[i].start) countsOf(grp)[i].lost += n
    }
    return withStarts(out)

    /** Adds to each period's losses the day cube's leavings in its day and join-day ranges. */
    function addLeavings(asked: Array<{ i: number; range: LeavingRange }>) {
      if (!asked.length) return
      const ids: Partial<Record<CustomerDim, number[]>> = {}
      for (const d of Object.keys(dims) as CustomerDim[]) ids[d] = valueIds(src.sqlite, dims[d]!)
      // A filtered value never stored in the summaries matches nothing there.
      if (Object.values(ids).some((list) => !list.length)) return
      const rows = readLeavings(src.sqlite, { ranges: asked.map((a) => a.range), dims: ids, groupBy: dim })
      const names = dim ? valueNames(src.sqlite, rows.map((r) => r[1])) : null
      for (const [index, grp, n] of rows) countsOf(names ? (names.get(grp) ?? null) : null)[asked[index].i].lost += n
    }
  })
}

/** S of each period after the first: S of the one before, with its joins and leavings. */
function withStarts(counts: Grouped<Counts[]>): Grouped<Counts[]> {
  for (const list of counts.values()) for (let i = 1; i < list.length; i++) list[i].atStart = list[i - 1].atStart + list[i - 1].gained - list[i - 1].left
  return counts
}

/** A day number before any real date, for an open start of a join-day range. */
const FAR = 100_000_000

/** Customers who joined at a date that could be placed (to tell how many could not). */
function placedCount(src: MetricsSource, f: FeedbackFilter, from: CountsSource): number {
  const customerFilter = { segment: f.segment, location: f.location }
  if (from === 'raw') {
    const derive = factDerivations(src.sqlite)
    return lifecyclePairs(src.sqlite, customerFilter).reduce((a, p) => a + (derive.localDay(p.since) === null ? 0 : p.n), 0)
  }
  const derive = factDerivations(src.sqlite)
  return readSnapshot(src.sqlite, () => readFacts(src.sqlite, { fact: FACT_JOINED, questionIds: [0], filter: customerFilter }, derive)).reduce((a, r) => a + r.n, 0)
}

/** The first local day anything is known about the customers (a join), or null without any. */
function firstKnownDay(src: MetricsSource, f: FeedbackFilter, from: CountsSource): string | null {
  const customerFilter = { segment: f.segment, location: f.location }
  const derive = factDerivations(src.sqlite)
  const earliest = (days: string[]) => days.reduce<string | null>((a, d) => (a === null || d < a ? d : a), null)
  if (from === 'raw') return earliest(lifecyclePairs(src.sqlite, customerFilter).flatMap((p) => derive.localDay(p.since) ?? []))
  const joins = (filter: FeedbackFilter, by: PeriodUnit) => readFacts(src.sqlite, { fact: FACT_JOINED, questionIds: [0], by, filter }, derive).map((r) => r.local_date)
  return readSnapshot(src.sqlite, () => {
    // The first month with a join, then its first day with one (the months are far fewer rows than the days).
    const month = earliest(joins(customerFilter, 'month'))
    return month === null ? null : earliest(joins({ ...customerFilter, from: month.slice(0, 7) + '-01', to: dateOfDayNumber(dayNumber(month) + 40) }, 'day'))
  })
}

/**
 * Churn and retention per period of the filter's range (to today when it has no end), optionally
 * per segment or location. Without a start, the range starts with the period of the first join
 * known. `withoutDates` counts the customers that cannot be placed in time; the headline tiles skip
 * that count.
 */
export function lifecycleSeries(
  src: MetricsSource & { today: string },
  q: { by?: PeriodUnit; dim?: CustomerDim; filter?: FeedbackFilter },
  from: CountsSource = 'auto',
  opts = { countUndated: true },
) {
  const f = q.filter ?? {}
  const ignoredFilters = Object.entries(f)
    .filter(([k, v]) => !CUSTOMER_FILTERS.has(k) && v !== undefined && v !== '' && !(Array.isArray(v) && !v.length))
    .map(([k]) => k)
  const withoutDates = opts.countUndated ? customerCount(src.sqlite, f) - placedCount(src, f, from) : 0
  const result = { by: q.by ?? null, dim: q.dim ?? null, rows: [] as LifecycleRow[], withoutDates, ignoredFilters }
  const last = f.to ?? src.today
  let first = f.from
  if (!first) {
    const earliest = firstKnownDay(src, f, from)
    if (earliest === null) return result
    first = q.by ? periodStart(periodKey(earliest, q.by), q.by) : earliest
  }
  if (first > last) return result
  const periods = lifecyclePeriods(first, last, q.by)
  const counts = from === 'raw' ? rawCounts(src, f, periods, q.dim) : rollupCounts(src, f, periods, q.by, q.dim)
  // A group nobody was in, joined or left during the range says nothing (nor does a series without any).
  for (const [g, list] of counts) if (list.every((c) => !c.atStart && !c.gained && !c.left)) counts.delete(g)
  const groups = [...counts.keys()].sort((a, b) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1))
  result.rows = periods.flatMap((p, i) =>
    groups.flatMap((g) => {
      const c = counts.get(g)![i]
      // A group with nobody in the period, nobody joining and nobody leaving says nothing.
      if (q.dim && !c.atStart && !c.gained && !c.left) return []
      return [{ period: p.key, periodStart: p.start, periodEnd: p.end, group: q.dim ? g : null, ...lifecycleFigure(c) }]
    }),
  )
  return result
}

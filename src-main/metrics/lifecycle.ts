import type { LifecycleRow } from '../../src-shared/api/metrics'
import type { FeedbackFilter } from '../../src-shared/api/filters'
import { dateOfDayNumber, dayNumber, periodKey, periodStart, shiftPeriod, type PeriodUnit } from '../../src-shared/domain/periods'
import { MIN_RELIABLE_N } from '../../src-shared/domain/scores'
import { customerCount, lifecyclePairs } from '../db/repositories/lifecycle'
import { FACT_JOINED, FACT_LEFT } from '../db/repositories/rollups/layout'
import { shareMoe } from './figures'
import { rangeOf } from './periodRanges'
import { factDerivations } from './rollups/derivations'
import { readFacts } from './rollups/rollupCounts'
import type { CountsSource, MetricsSource } from './series'

/** Filters that say something about a customer; the rest describe feedback and do not apply to customer counts. */
const CUSTOMER_FILTERS = new Set(['from', 'to', 'segment', 'location'])

type Counts = { atStart: number; gained: number; lost: number }

/**
 * Churn and retention for one stretch of days (METRICS.md, seed 001), from customers' lifecycle
 * dates: at start = joined before it and not gone before it; lost = left during it; gained = joined
 * during it; at end = at start + gained − lost. Churn = lost ÷ at start; standard retention = (at
 * end − gained) ÷ at start (so churn + retention = 100); end ÷ start is seed 001's simpler form,
 * which counts new customers as retained.
 */
export function lifecycleFigure({ atStart, gained, lost }: Counts): Omit<LifecycleRow, 'period' | 'periodStart' | 'periodEnd'> {
  const atEnd = atStart + gained - lost
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

/** Customers joining and leaving per local date: [date, joined, left]. */
type Moves = Array<{ date: string; joined: number; left: number }>

/** From the customers themselves, by the same rules as the rollup triggers: a date that is not a date is not counted. */
function movesFromRaw(src: MetricsSource, f: FeedbackFilter): Moves {
  const derive = factDerivations(src.sqlite)
  const moves: Moves = []
  for (const p of lifecyclePairs(src.sqlite, f)) {
    const since = derive.localDay(p.since)
    const churned = p.churned === null ? null : derive.localDay(p.churned)
    if (since !== null) moves.push({ date: since, joined: p.n, left: 0 })
    if (churned !== null) moves.push({ date: churned, joined: 0, left: p.n })
  }
  return moves
}

function movesFromRollups(src: MetricsSource, f: FeedbackFilter, by: PeriodUnit): Moves {
  const derive = factDerivations(src.sqlite)
  const customerFilter: FeedbackFilter = { ...(f.segment ? { segment: f.segment } : {}), ...(f.location ? { location: f.location } : {}) }
  const read = (fact: number, filter: FeedbackFilter, unit?: PeriodUnit) => readFacts(src.sqlite, { fact, questionIds: [0], by: unit, filter }, derive)
  return src.sqlite
    .transaction(() => {
      const moves: Moves = []
      // Everything before the range in one figure (placed on its last day), then the range period by period.
      const before = f.from ? { ...customerFilter, to: dateOfDayNumber(dayNumber(f.from) - 1) } : null
      for (const [fact, key] of [
        [FACT_JOINED, 'joined'],
        [FACT_LEFT, 'left'],
      ] as const) {
        if (before) for (const r of read(fact, before)) moves.push({ date: before.to!, joined: 0, left: 0, [key]: r.n })
        for (const r of read(fact, { ...customerFilter, from: f.from, to: f.to }, by)) moves.push({ date: r.local_date, joined: 0, left: 0, [key]: r.n })
      }
      return moves
    })
    .deferred()
}

/**
 * Churn and retention per period of the filter's range (to today when it has no end). `withoutDates`
 * counts the customers that cannot be placed in time; the headline tiles skip that count.
 */
export function lifecycleSeries(src: MetricsSource & { today: string }, q: { by: PeriodUnit; filter?: FeedbackFilter }, from: CountsSource = 'auto', opts = { countUndated: true }) {
  const f = q.filter ?? {}
  const ignoredFilters = Object.entries(f)
    .filter(([k, v]) => !CUSTOMER_FILTERS.has(k) && v !== undefined && v !== '' && !(Array.isArray(v) && !v.length))
    .map(([k]) => k)
  const last = f.to ?? src.today
  const moves = (from === 'raw' ? movesFromRaw(src, f) : movesFromRollups(src, f, q.by)).filter((m) => m.date <= last)
  // All customers against those who joined at a date that could be placed.
  const everJoined = () => (from === 'raw' ? movesFromRaw(src, f) : movesFromRollups(src, { segment: f.segment, location: f.location }, 'year')).reduce((a, m) => a + m.joined, 0)
  const withoutDates = opts.countUndated ? customerCount(src.sqlite, f) - everJoined() : 0
  const rows: LifecycleRow[] = []
  if (!moves.length) return { by: q.by, rows, withoutDates, ignoredFilters }
  // Without a range, from the start of the period of the first date known.
  const first = f.from ?? periodStart(periodKey(moves.reduce((a, m) => (m.date < a ? m.date : a), moves[0].date), q.by), q.by)
  if (first > last) return { by: q.by, rows, withoutDates, ignoredFilters }
  moves.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  let i = 0
  let atStart = 0
  for (let key = periodKey(first, q.by); key <= periodKey(last, q.by); key = shiftPeriod(key, q.by, 1)) {
    const whole = rangeOf(key, q.by)
    const start = whole.from < first ? first : whole.from
    const end = whole.to > last ? last : whole.to
    for (; i < moves.length && moves[i].date < start; i++) atStart += moves[i].joined - moves[i].left
    let gained = 0
    let lost = 0
    for (; i < moves.length && moves[i].date <= end; i++) {
      gained += moves[i].joined
      lost += moves[i].left
    }
    rows.push({ period: key, periodStart: start, periodEnd: end, ...lifecycleFigure({ atStart, gained, lost }) })
    atStart += gained - lost
  }
  return { by: q.by, rows, withoutDates, ignoredFilters }
}

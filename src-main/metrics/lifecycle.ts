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
import { readSnapshot } from '../db/repositories/rollups/snapshot'
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
export function lifecycleFigure({ atStart, gained, lost }: Counts): Omit<LifecycleRow, 'period' | 'periodStart' | 'periodEnd' | 'group'> {
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

/** Customers joining and leaving per local date (and segment or location, when broken down). */
type Moves = Array<{ date: string; grp: string | null; joined: number; left: number }>

/** Customer counts can be broken down only by what describes a customer. */
export type CustomerDim = 'segment' | 'location'

/** From the customers themselves, by the same rules as the rollup triggers: a date that is not a date is not counted. */
function movesFromRaw(src: MetricsSource, f: FeedbackFilter, dim?: CustomerDim): Moves {
  const derive = factDerivations(src.sqlite)
  const moves: Moves = []
  for (const p of lifecyclePairs(src.sqlite, f, dim)) {
    const since = derive.localDay(p.since)
    const churned = p.churned === null ? null : derive.localDay(p.churned)
    if (since !== null) moves.push({ date: since, grp: p.grp, joined: p.n, left: 0 })
    if (churned !== null) moves.push({ date: churned, grp: p.grp, joined: 0, left: p.n })
  }
  return moves
}

function movesFromRollups(src: MetricsSource, f: FeedbackFilter, by: PeriodUnit, dim?: CustomerDim): Moves {
  const derive = factDerivations(src.sqlite)
  const customerFilter: FeedbackFilter = { ...(f.segment ? { segment: f.segment } : {}), ...(f.location ? { location: f.location } : {}) }
  const read = (fact: number, filter: FeedbackFilter, unit?: PeriodUnit) => readFacts(src.sqlite, { fact, questionIds: [0], by: unit, dim, filter }, derive)
  return readSnapshot(src.sqlite, () => {
      const moves: Moves = []
      // Everything before the range in one figure (placed on its last day), then the range period by period.
      const before = f.from ? { ...customerFilter, to: dateOfDayNumber(dayNumber(f.from) - 1) } : null
      for (const [fact, key] of [
        [FACT_JOINED, 'joined'],
        [FACT_LEFT, 'left'],
      ] as const) {
        if (before) for (const r of read(fact, before)) moves.push({ date: before.to!, grp: r.grp, joined: 0, left: 0, [key]: r.n })
        for (const r of read(fact, { ...customerFilter, from: f.from, to: f.to }, by)) moves.push({ date: r.local_date, grp: r.grp, joined: 0, left: 0, [key]: r.n })
      }
      return moves
    })
}

/** One row per period from `first` to `last`, from the moves of one group (sorted by date). */
function periodRows(moves: Moves, first: string, last: string, by: PeriodUnit | undefined, group: string | null): LifecycleRow[] {
  const rows: LifecycleRow[] = []
  // Without a period unit, the whole range is one period.
  const periods: Array<{ key: string | null; from: string; to: string }> = []
  if (!by) periods.push({ key: null, from: first, to: last })
  else for (let key = periodKey(first, by); key <= periodKey(last, by); key = shiftPeriod(key, by, 1)) periods.push({ ...rangeOf(key, by), key })
  let i = 0
  let atStart = 0
  for (const { key, ...whole } of periods) {
    const start = whole.from < first ? first : whole.from
    const end = whole.to > last ? last : whole.to
    for (; i < moves.length && moves[i].date < start; i++) atStart += moves[i].joined - moves[i].left
    let gained = 0
    let lost = 0
    for (; i < moves.length && moves[i].date <= end; i++) {
      gained += moves[i].joined
      lost += moves[i].left
    }
    rows.push({ period: key, periodStart: start, periodEnd: end, group, ...lifecycleFigure({ atStart, gained, lost }) })
    atStart += gained - lost
  }
  return rows
}

/**
 * Churn and retention per period of the filter's range (to today when it has no end), optionally
 * per segment or location. `withoutDates` counts the customers that cannot be placed in time; the
 * headline tiles skip that count.
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
  const last = f.to ?? src.today
  const moves = (from === 'raw' ? movesFromRaw(src, f, q.dim) : movesFromRollups(src, f, q.by ?? 'month', q.dim)).filter((m) => m.date <= last)
  // All customers against those who joined at a date that could be placed.
  const everJoined = () => (from === 'raw' ? movesFromRaw(src, f) : movesFromRollups(src, { segment: f.segment, location: f.location }, 'year')).reduce((a, m) => a + m.joined, 0)
  const withoutDates = opts.countUndated ? customerCount(src.sqlite, f) - everJoined() : 0
  const result = { by: q.by ?? null, dim: q.dim ?? null, rows: [] as LifecycleRow[], withoutDates, ignoredFilters }
  if (!moves.length) return result
  // Without a range, from the start of the period of the first date known.
  const earliest = moves.reduce((a, m) => (m.date < a ? m.date : a), moves[0].date)
  const first = f.from ?? (q.by ? periodStart(periodKey(earliest, q.by), q.by) : earliest)
  if (first > last) return result
  moves.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  const groups = [...new Set(moves.map((m) => m.grp))].sort((a, b) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1))
  const perGroup = groups.flatMap((g) => periodRows(q.dim ? moves.filter((m) => m.grp === g) : moves, first, last, q.by, q.dim ? g : null))
  result.rows = perGroup.sort((a, b) => ((a.period ?? '') < (b.period ?? '') ? -1 : (a.period ?? '') > (b.period ?? '') ? 1 : 0))
  return result
}

import type { TtrRow } from '../../src-shared/api/metrics'
import type { Dimension, FeedbackFilter } from '../../src-shared/api/filters'
import { periodKey, periodStart, type PeriodUnit } from '../../src-shared/domain/periods'
import { MIN_RELIABLE_N } from '../../src-shared/domain/scores'
import { followUps } from './followUpsRepository'
import { FACT_FOLLOW_UP } from './rollups/layout'
import { factDerivations } from './rollups/derivations'
import { quantileRanks } from './quantileInterval'
import { readSnapshot } from './rollups/rollupSnapshotRepository'
import { questionInfo, readFacts, rollupsCanAnswer } from './rollups/rollupCounts'
import type { CountsSource, MetricsSource } from './series'

export interface TtrQuery {
  by?: PeriodUnit
  dim?: Dimension
  filter?: FeedbackFilter
}

/** Hours to resolution with how many items took them; −1 still open, −2 closed without a resolution time. */
type HoursCount = { value: number; n: number }

/**
 * The figures of a set of follow-ups from their hours to resolution: median (the middle value, or
 * the mean of the two middle values) and nearest-rank 90th percentile (the smallest value with at
 * least 90% of the resolved items at or below it), in whole hours, with counts, and a 95%
 * confidence interval for each from the order statistics (quantileInterval.ts).
 */
export function ttrFigure(cells: HoursCount[]): Omit<TtrRow, 'period' | 'periodStart' | 'group'> {
  let needed = 0
  let stillOpen = 0
  const resolved = new Map<number, number>()
  for (const c of cells) {
    needed += c.n
    if (c.value === -1) stillOpen += c.n
    else if (c.value >= 0) resolved.set(c.value, (resolved.get(c.value) ?? 0) + c.n)
  }
  const sorted = [...resolved.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => a - b)
  const total = sorted.reduce((a, [, n]) => a + n, 0)
  /** The value at a 1-based rank of the sorted items. */
  const at = (rank: number) => {
    let seen = 0
    for (const [value, n] of sorted) if ((seen += n) >= rank) return value
    return null
  }
  const median = total ? (total % 2 ? at((total + 1) / 2)! : (at(total / 2)! + at(total / 2 + 1)!) / 2) : null
  const interval = (p: number) => {
    const ranks = quantileRanks(total, p)
    return ranks ? [at(ranks[0]), at(ranks[1])] : [null, null]
  }
  const [medianLow, medianHigh] = interval(0.5)
  const [p90Low, p90High] = interval(0.9)
  return { needed, resolved: total, stillOpen, medianHours: median, p90Hours: total ? at(Math.ceil(0.9 * total)) : null, medianLow, medianHigh, p90Low, p90High, lowSample: total < MIN_RELIABLE_N }
}

/** The follow-up counts behind TTR, per local date (raw) or period start (summaries). */
async function ttrCells(src: MetricsSource, q: TtrQuery, from: CountsSource): Promise<Array<HoursCount & { local_date: string; grp: string | null }>> {
  const { filter, by, dim } = q
  const derive = factDerivations(src.sqlite)
  if (from === 'raw' || (from === 'auto' && !rollupsCanAnswer({ filter, dim }))) {
    return (await followUps(src.db, filter, dim)).map((r) => ({ local_date: r.local_date, grp: r.grp, value: derive.ttrHours(r.status, r.submitted_at, r.resolved_at), n: 1 }))
  }
  // Feedback without a question counts too, unless the filter asks for some metrics.
  const metrics = filter?.metric
  const questionIds = [...(metrics?.length ? [] : [0]), ...[...questionInfo(src.sqlite).values()].filter((q) => !metrics?.length || metrics.includes(q.metric)).map((q) => q.id)]
  return readSnapshot(src.sqlite, () => readFacts(src.sqlite, { fact: FACT_FOLLOW_UP, questionIds, by, dim, filter }, derive))
}

/**
 * Time to resolution (METRICS.md): resolved_at − submitted_at for the feedback that needed a
 * follow-up (a poor score, or a follow-up taken up), in whole hours (calendar hours, or working
 * hours when the workspace says so), as median and 90th percentile, with the count still open;
 * per period of the feedback's arrival.
 */
export async function ttrSeries(src: MetricsSource, q: TtrQuery, from: CountsSource = 'auto'): Promise<{ by: PeriodUnit | null; dim: Dimension | null; businessHours: boolean; rows: TtrRow[]; overall: TtrRow }> {
  const cells = await ttrCells(src, q, from)
  const groups = new Map<string, { period: string | null; group: string | null; cells: HoursCount[] }>()
  const keys = new Map<string, string>()
  for (const c of cells) {
    let period: string | null = null
    if (q.by) {
      period = keys.get(c.local_date) ?? null
      if (period === null) keys.set(c.local_date, (period = periodKey(c.local_date, q.by)))
    }
    const key = `${period}\u0000${c.grp}`
    const g = groups.get(key)
    if (g) g.cells.push(c)
    else groups.set(key, { period, group: c.grp, cells: [c] })
  }
  const order = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1)
  const rows = [...groups.values()]
    .sort((a, b) => order(a.period, b.period) || order(a.group, b.group))
    .map((g) => ({ period: g.period, periodStart: g.period && q.by ? periodStart(g.period, q.by) : null, group: g.group, ...ttrFigure(g.cells) }))
  // With tags, one item can sit in several groups; the overall figure counts it once.
  const overall: TtrRow = q.dim === 'tag' ? (await ttrSeries(src, { filter: q.filter }, from)).overall : { period: null, periodStart: null, group: null, ...ttrFigure(cells) }
  return { by: q.by ?? null, dim: q.dim ?? null, businessHours: factDerivations(src.sqlite).businessHours.enabled, rows, overall }
}

import type { Comparison, Figure, Tile } from '../../src-shared/api/metrics'
import type { FeedbackFilter } from '../../src-shared/api/filters'
import type { PeriodUnit } from '../../src-shared/domain/periods'
import { metricKinds, MIN_RELIABLE_N } from '../../src-shared/domain/scores'
import { changeBetween, intervalChangeBetween } from './compare'
import { lifecycleSeries } from './lifecycle'
import { comparisonPeriod, currentPeriod } from './periodRanges'
import { isPartial, sameDaysOf } from '../../src-shared/domain/defaultView'
import { responseRateSeries } from './responseRate'
import { metricSeries, type MetricsSource } from './series'
import { ttrSeries } from './ttr'

type Source = MetricsSource & { localDateOf: (ms: number) => string; today: string }
type DateRange = { from: string; to: string }
type Value = { value: number | null; n: number; moe95: number | null; lowSample: boolean }

function tile(metric: Tile['metric'], current: Value, previous: Value | null, missing: Tile['missing'], extra?: Tile['extra'], change = previous ? changeBetween(current, previous) : null): Tile {
  return {
    metric,
    ...current,
    previous: previous ? { value: previous.value, n: previous.n, moe95: previous.moe95 } : null,
    change,
    missing: current.value === null ? missing : null,
    ...(extra ? { extra } : {}),
  }
}

const scoreMissing = (f: Figure): Tile['missing'] => (f.n === 0 ? 'noData' : 'mixedScales')

/**
 * The dashboard's headline figures: each score, TTR, churn, retention and response rate in the
 * current period, against the previous period or the same period a year earlier (a period still
 * running: its days so far, against the same days of the other).
 */
export async function tiles(src: Source, q: { by: PeriodUnit; compare: Comparison; filter?: FeedbackFilter }) {
  const filter = q.filter ?? {}
  const whole = currentPeriod(q.by, filter, src.today)
  const partial = isPartial(whole, src.today)
  const current = partial ? { ...whole, to: src.today } : whole
  const fullComparison = comparisonPeriod(q.by, current, q.compare)
  const comparison = partial && fullComparison ? { ...fullComparison, ...sameDaysOf(fullComparison, current) } : fullComparison
  return { timezone: src.timezone, by: q.by, current, comparison, partial, tiles: await tilesBetween(src, { current, comparison, filter, by: q.by }) }
}

/**
 * The headline figures for any stretch of days against another (a report's period and the one before
 * it); the dashboard's tiles are this for one calendar period. `by` only groups the reads.
 */
export async function tilesBetween(src: Source, q: { current: DateRange; comparison: DateRange | null; filter: FeedbackFilter; by: PeriodUnit }): Promise<Tile[]> {
  const { filter } = q
  const ranges = [q.current, q.comparison].map((r) => (r ? { ...filter, from: r.from, to: r.to } : null))
  const out: Tile[] = []

  for (const metric of metricKinds) {
    const [cur, prev] = await Promise.all(ranges.map((f) => (f ? metricSeries(src, { metric, filter: f }).then((s) => s.overall) : null)))
    out.push(tile(metric, cur!, prev, scoreMissing(cur!)))
  }

  const [ttrCur, ttrPrev] = await Promise.all(ranges.map((f) => (f ? ttrSeries(src, { filter: f }).then((s) => s.overall) : null)))
  const ttrValue = (t: NonNullable<typeof ttrCur>) => ({ value: t.medianHours, n: t.resolved, moe95: null, lowSample: t.resolved < MIN_RELIABLE_N })
  // A median has no margin of error: its change is judged by whether the 95% intervals separate.
  const ttrInterval = (t: NonNullable<typeof ttrCur>) => ({ ...ttrValue(t), interval: t.medianLow === null || t.medianHigh === null ? null : ([t.medianLow, t.medianHigh] as const) })
  const { p90Hours, stillOpen, needed, medianLow, medianHigh, p90Low, p90High } = ttrCur!
  out.push(
    tile('ttr', ttrValue(ttrCur!), ttrPrev ? ttrValue(ttrPrev) : null, 'noData', { p90Hours, stillOpen, needed, medianLow, medianHigh, p90Low, p90High }, ttrPrev ? intervalChangeBetween(ttrInterval(ttrCur!), ttrInterval(ttrPrev)) : null),
  )

  // The whole range as one stretch (a period of the dashboard, or a report's days).
  const [lifeCur, lifePrev] = ranges.map((f) => (f ? lifecycleSeries(src, { filter: f }, 'auto', { countUndated: false }) : null))
  const lifeRow = (l: NonNullable<typeof lifeCur>) => l.rows[0]
  for (const metric of ['churn', 'retention'] as const) {
    const value = (l: typeof lifeCur) => {
      const r = l ? lifeRow(l) : undefined
      return { value: r ? (metric === 'churn' ? r.churnRate : r.retentionRate) : null, n: r?.atStart ?? 0, moe95: r?.moe95 ?? null, lowSample: r?.lowSample ?? true }
    }
    const row = lifeRow(lifeCur!)
    const extra: Tile['extra'] = metric === 'churn' ? { lost: row?.lost ?? null, atStart: row?.atStart ?? null } : { retained: row?.retained ?? null, atStart: row?.atStart ?? null }
    out.push(tile(metric, value(lifeCur), lifePrev ? value(lifePrev) : null, 'noLifecycle', extra))
  }

  const [rateCur, ratePrev] = await Promise.all(ranges.map((f) => (f ? responseRateSeries(src, { by: q.by, filter: f }).then((s) => s.overall) : null)))
  const rateValue = (r: NonNullable<typeof rateCur>) => ({ value: r.rate, n: r.sent, moe95: r.moe95, lowSample: r.sent < MIN_RELIABLE_N })
  out.push(tile('responseRate', rateValue(rateCur!), ratePrev ? rateValue(ratePrev) : null, 'noSends', { sent: rateCur!.sent, responses: rateCur!.responses }))

  return out
}

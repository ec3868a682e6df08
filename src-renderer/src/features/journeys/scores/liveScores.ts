import type { FeedbackFilter } from '../../../../../src-shared/api/filters'
import type { Figure, MetricsSeries } from '../../../../../src-shared/api/metrics'
import type { Card, ScoreLink } from '../../../../../src-shared/domain/journeys/model'
import { dateOfDayNumber, dayNumber, lastTwelveMonths } from '../../../../../src-shared/domain/periods'
import type { MetricKind } from '../../../../../src-shared/domain/scores'
import { marginVerdict } from '../../../../../src-shared/domain/significance'

export const scorePeriods = ['90d', '12m', 'all'] as const
export type ScorePeriod = (typeof scorePeriods)[number]
const PERIOD_DAYS = { '90d': 90 } as const

/** The dates a period covers, ending today in the workspace's zone, and the period of equal length before it (for the trend). */
export function periodRange(period: ScorePeriod, today: string): { current: Pick<FeedbackFilter, 'from' | 'to'>; previous: Pick<FeedbackFilter, 'from' | 'to'> | null } {
  if (period === 'all') return { current: {}, previous: null }
  if (period === '12m') {
    const { range, previous } = lastTwelveMonths(today)
    return { current: range, previous }
  }
  const days = PERIOD_DAYS[period]
  const end = dayNumber(today)
  return {
    current: { from: dateOfDayNumber(end - days + 1), to: today },
    previous: { from: dateOfDayNumber(end - 2 * days + 1), to: dateOfDayNumber(end - days) },
  }
}

export interface ScoreRequest {
  key: string
  req: { metric: MetricKind; dim?: 'touchpoint' | 'channel'; filter: FeedbackFilter }
}

export const linkKey = (l: ScoreLink) => `${l.touchpoint ?? ''}\u0000${l.channel ?? ''}`

/** The feedback filter behind one card's score: what the inbox opens on when the score is clicked. */
export function filterForLink(link: ScoreLink, metric: MetricKind, range: Pick<FeedbackFilter, 'from' | 'to'>): FeedbackFilter {
  return { ...range, metric: [metric], ...(link.touchpoint ? { touchpoint: [link.touchpoint] } : {}), ...(link.channel ? { channel: [link.channel] } : {}) }
}

/**
 * As few metrics.series calls as cover every linked card: one broken down by touchpoint for the
 * cards linked to a touchpoint only, one by channel for those linked to a channel only, and one
 * per card linked to both.
 */
export function scoreRequests(cards: readonly Card[], metric: MetricKind, range: Pick<FeedbackFilter, 'from' | 'to'>, tag: string): ScoreRequest[] {
  const touchpoints = new Set<string>()
  const channels = new Set<string>()
  const both = new Map<string, ScoreLink>()
  for (const c of cards) {
    const l = c.link
    if (!l || (!l.touchpoint && !l.channel)) continue
    if (l.touchpoint && l.channel) both.set(linkKey(l), l)
    else if (l.touchpoint) touchpoints.add(l.touchpoint)
    else if (l.channel) channels.add(l.channel)
  }
  const out: ScoreRequest[] = []
  if (touchpoints.size) out.push({ key: `${tag}:tp`, req: { metric, dim: 'touchpoint', filter: { ...range, touchpoint: [...touchpoints].sort() } } })
  if (channels.size) out.push({ key: `${tag}:ch`, req: { metric, dim: 'channel', filter: { ...range, channel: [...channels].sort() } } })
  for (const [key, l] of both) out.push({ key: `${tag}:both:${key}`, req: { metric, filter: filterForLink(l, metric, range) } })
  return out
}

/** Picks each linked card's figure out of the series those requests returned. */
export function figuresByLink(requests: readonly ScoreRequest[], results: readonly (MetricsSeries | undefined)[]): Map<string, Figure> {
  const out = new Map<string, Figure>()
  requests.forEach((r, i) => {
    const series = results[i]
    if (!series) return
    if (r.req.dim === 'touchpoint') for (const row of series.rows) out.set(linkKey({ touchpoint: row.group, channel: null }), row)
    else if (r.req.dim === 'channel') for (const row of series.rows) out.set(linkKey({ touchpoint: null, channel: row.group }), row)
    else out.set(linkKey({ touchpoint: r.req.filter.touchpoint?.[0] ?? null, channel: r.req.filter.channel?.[0] ?? null }), series.overall)
  })
  return out
}

export const figureForCard = (figures: Map<string, Figure>, card: Card): Figure | undefined => (card.link ? figures.get(linkKey(card.link)) : undefined)

/**
 * A figure on one scale from −1 (as bad as it gets) to +1, so every metric can colour the heat map
 * and sit on the emotion axis: NPS / 100; CSAT's % satisfied from 0–100 % to −1…+1; CES's mean
 * placed on its question's scale, turned round when lower is better.
 */
export function performance(metric: MetricKind, f: Figure): number | null {
  if (f.value === null) return null
  if (metric === 'nps') return f.value / 100
  if (metric === 'csat') return (f.value - 50) / 50
  if (!f.scale) return null
  const p = (f.value - f.scale.min) / (f.scale.max - f.scale.min)
  return (f.scale.direction === 'higher_better' ? p : 1 - p) * 2 - 1
}

export type Heat = 'good' | 'neutral' | 'poor' | 'thin' | 'none'

/**
 * The heat-map colour of a touchpoint. Cut-offs: NPS above +30 good, below 0 poor; CSAT 80 %
 * satisfied good, below 60 % poor; CES in the top 30 % of its scale good, below the middle poor.
 * Fewer than 30 responses is "thin": shown, but not coloured as a verdict.
 */
export function heatOf(metric: MetricKind, f: Figure | undefined): Heat {
  if (!f || f.n === 0) return 'none'
  if (f.lowSample) return 'thin'
  const p = performance(metric, f)
  if (p === null) return 'none'
  const [good, poor] = metric === 'nps' ? [0.3, 0] : metric === 'csat' ? [0.6, 0.2] : [0.4, 0]
  return p > good ? 'good' : p < poor ? 'poor' : 'neutral'
}

/** Whether a change from the previous period is larger than the combined 95 % margins (METRICS.md; never with a margin of 0 or none, nor with fewer than 30 answers). */
export function trendOf(current: Figure | undefined, previous: Figure | undefined): { delta: number; significant: boolean } | null {
  if (!current || !previous || current.value === null || previous.value === null) return null
  const delta = current.value - previous.value
  return { delta, significant: marginVerdict(delta, current.moe95, previous.moe95, current.lowSample || previous.lowSample).significant === true }
}

/**
 * The emotion the customers' own scores suggest at each step: the n-weighted mean of the step's
 * touchpoints' performance, on the emotion axis (−100…+100). Steps without scores are left out.
 */
export function actualEmotions(stepIds: readonly string[], touchpointCards: readonly Card[], figures: Map<string, Figure>, metric: MetricKind): Map<string, { value: number; n: number }> {
  const acc = new Map<string, { sum: number; n: number }>()
  for (const c of touchpointCards) {
    const f = figureForCard(figures, c)
    const p = f ? performance(metric, f) : null
    if (!f || p === null || f.n === 0) continue
    const a = acc.get(c.stepId) ?? { sum: 0, n: 0 }
    a.sum += p * f.n
    a.n += f.n
    acc.set(c.stepId, a)
  }
  const out = new Map<string, { value: number; n: number }>()
  for (const id of stepIds) {
    const a = acc.get(id)
    if (a && a.n > 0) out.set(id, { value: Math.round((a.sum / a.n) * 100), n: a.n })
  }
  return out
}

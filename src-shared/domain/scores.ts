/** Metric kinds a score question can measure (METRICS.md). */
export const metricKinds = ['nps', 'csat', 'ces'] as const
export type MetricKind = (typeof metricKinds)[number]

export type NpsBucket = 'promoter' | 'passive' | 'detractor'

/** NPS buckets are fixed by definition: 9–10 promoters, 7–8 passives, 0–6 detractors. */
export function npsBucket(score: number): NpsBucket {
  if (score >= 9) return 'promoter'
  if (score >= 7) return 'passive'
  return 'detractor'
}

/** Below this many responses a score is flagged as too small a sample to read as a trend. */
export const MIN_RELIABLE_N = 30

export const followUpStatuses = ['new', 'in_progress', 'resolved', 'no_action'] as const
export type FollowUpStatus = (typeof followUpStatuses)[number]

/**
 * Every score question sorts answers into three bands: good (promoters, satisfied, agree / low
 * effort), neutral, and poor (detractors, unsatisfied, disagree / high effort). Poor answers need a
 * follow-up. Stored as 1, 0, −1.
 */
export const scoreBands = ['good', 'neutral', 'poor'] as const
export type ScoreBand = (typeof scoreBands)[number]
export const bandValue: Record<ScoreBand, 1 | 0 | -1> = { good: 1, neutral: 0, poor: -1 }

export type Direction = 'higher_better' | 'lower_better'

export interface Thresholds {
  /** Good from this score on (higher_better) or up to it (lower_better). */
  good: number
  /** Poor up to this score (higher_better) or from it on (lower_better). */
  poor: number
}

/**
 * METRICS.md defaults: NPS 9–10 / 0–6; CSAT top two boxes on 1–5 (4–5 satisfied, 1–2 not);
 * CES agreement 5–7 agree and 1–3 disagree on 1–7, 4–5 / 1–2 on 1–5; CES effort (lower is better)
 * 1–2 low effort, 4–5 high effort on 1–5. Other scales take the top and bottom 40% of points.
 */
export function defaultThresholds(metric: MetricKind, min: number, max: number, direction: Direction): Thresholds {
  if (metric === 'nps') return { good: 9, poor: 6 }
  const points = max - min + 1
  const boxes = metric === 'ces' && points === 7 ? 3 : Math.max(1, Math.floor(points * 0.4))
  return direction === 'higher_better' ? { good: max - boxes + 1, poor: min + boxes - 1 } : { good: min + boxes - 1, poor: max - boxes + 1 }
}

export function bandOf(score: number, direction: Direction, t: Thresholds): 1 | 0 | -1 {
  if (direction === 'higher_better') return score >= t.good ? 1 : score <= t.poor ? -1 : 0
  return score <= t.good ? 1 : score >= t.poor ? -1 : 0
}

/** The standard scales (METRICS.md), used when a row names its metric and the mapping gives no scale. */
export const standardScales: Record<MetricKind, { min: number; max: number }> = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
}

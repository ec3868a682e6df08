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

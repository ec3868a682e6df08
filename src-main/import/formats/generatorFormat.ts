import type { MetricKind } from '../../../src-shared/domain/scores'

/** The CSV written by CX Desk's feedback generator (tools/gen-feedback.mjs and tests/bench/writeFeedbackCsv.ts). */
export const generatorColumns = [
  'response_id',
  'customer_id',
  'customer_email',
  'submitted_at',
  'channel',
  'touchpoint',
  'stage',
  'metric',
  'score',
  'comment',
  'language',
  'status',
  'resolved_at',
  'location',
] as const

/** The standard scales (METRICS.md), used when a row names its metric and the mapping gives no scale. */
export const generatorScales: Record<MetricKind, { min: number; max: number }> = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
}

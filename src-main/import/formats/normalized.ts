import type { FollowUpStatus, MetricKind } from '../../../src-shared/domain/scores'

/** One response as every import format delivers it to the writer, whatever the source's columns were. */
export interface NormalizedResponse {
  dedupKey: string
  externalRef: string | null
  customerRef: string | null
  customerEmail: string | null
  metric: MetricKind | null
  score: number | null
  submittedAt: number
  submittedOffset: number | null
  channel: string | null
  touchpoint: string | null
  stage: string | null
  location: string | null
  language: string | null
  comment: string | null
  status: FollowUpStatus
  resolvedAt: number | null
}

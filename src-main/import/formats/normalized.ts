import type { ScoreSpec } from '../../../src-shared/api/imports'
import type { FollowUpStatus } from '../../../src-shared/domain/scores'

/** One response as every import format delivers it to the writer, whatever the source's columns were. */
export interface NormalizedResponse {
  dedupKey: string
  externalRef: string | null
  customerRef: string | null
  customerEmail: string | null
  customerName: string | null
  customerPhone: string | null
  segment: string | null
  /** The question's metric and scale; null for feedback without a score (a message, a call). */
  question: ScoreSpec | null
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
  owner: string | null
  resolvedAt: number | null
}

/** One customer from a CRM export. */
export interface NormalizedCustomer {
  externalRef: string | null
  name: string | null
  email: string | null
  phone: string | null
  segment: string | null
  location: string | null
  customerSince: string | null
  churnedAt: string | null
}

import type { ScoreSpec } from '../../../src-shared/api/imports'
import type { FollowUpStatus } from '../../../src-shared/domain/scores'
import type { CustomerFacts } from '../../customers/customersRepository'

/** One response as every import format delivers it to the writer, whatever the source's columns were. */
export interface NormalizedResponse {
  dedupKey: string
  /** Keys an older version may have stored the same answer under (only when the workspace has such rows). */
  legacyKeys?: string[] | null
  /** True when the time had no zone of its own and was read in the import's zone. */
  readInZone?: boolean
  externalRef: string | null
  customerRef: string | null
  customerEmail: string | null
  customerName: string | null
  customerPhone: string | null
  segment: string | null
  /** The question's metric and scale; null for feedback without a score (a message, a call). */
  question: ScoreSpec | null
  /**
   * The score column whose header is the question's text, when that column has a scale of its own
   * (two such columns on one scale may ask two questions); null when the row names the metric.
   */
  questionColumn?: number | null
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

/** One customer from a CRM export: every fact the linker knows, present (null when the file has none). */
export type NormalizedCustomer = { [K in keyof CustomerFacts]-?: CustomerFacts[K] | null }

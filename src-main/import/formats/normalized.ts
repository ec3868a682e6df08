import type { ScoreSpec } from '../../../src-shared/api/imports'
import type { ResponseRecord } from '../../../src-shared/domain/response'
import type { CustomerFacts } from '../../customers/customersRepository'

/**
 * One response as every import format delivers it to the writer, whatever the source's columns were:
 * the fields of the one response definition (src-shared/domain/response.ts) a file can give, and in
 * place of the ids the writer resolves, what the file says of the customer and the question.
 */
export interface NormalizedResponse extends Pick<ResponseRecord, FromTheFile> {
  /** Keys an older version may have stored the same answer under (only when the workspace has such rows). */
  legacyKeys?: string[] | null
  /** True when the time had no zone of its own and was read in the import's zone. */
  readInZone?: boolean
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
}

/** The response fields a file gives as they are (the rest are resolved or computed when stored). */
type FromTheFile =
  | 'dedupKey' | 'externalRef' | 'score' | 'submittedAt' | 'submittedOffset' | 'channel' | 'touchpoint' | 'stage'
  | 'location' | 'language' | 'comment' | 'status' | 'owner' | 'resolvedAt'

/** One customer from a CRM export: every fact the linker knows, present (null when the file has none). */
export type NormalizedCustomer = { [K in keyof CustomerFacts]-?: CustomerFacts[K] | null }

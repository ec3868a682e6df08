import type Database from 'better-sqlite3'

/**
 * The CSV fast path's reading, on whichever connection runs it: the app's own (a small export), or
 * an export reader thread's (export/exportWorker.ts: a large one, split into key ranges). The page
 * statement is built once by exportRowsRepository (csvResponseQuery, with Kysely and the inbox's
 * filter) and handed over as SQL text and parameters, so a reader thread needs neither.
 *
 * Kept free of Kysely and the filter code on purpose: it is most of what a reader thread loads.
 */

/** The columns both response readers take after their own first ones, in this order: the response's, then its customer's. */
export const sharedResponseColumns = [
  'score',
  'band',
  'sentiment',
  'comment',
  'channel',
  'touchpoint',
  'stage',
  'location',
  'language',
  'status',
  'owner',
  'status_changed_at',
  'status_changed_by',
  'resolved_at',
  'respondent_email',
  'customer_id',
  'customer_ref',
  'customer_name',
  'customer_email',
  'customer_phone',
  'segment',
] as const

/**
 * The CSV fast path's columns (export/responseCsv.ts): the response's own columns, its question by
 * id (questions are read once: `exportQuestions`), its customer, and tags and notes only when the
 * workspace has any (else two NULLs and no subquery per row).
 */
export const csvResponseColumns = ['id', 'external_ref', 'submitted_at', 'local_date', 'question_id', ...sharedResponseColumns, 'tags', 'notes'] as const
export const csvResponseColumn = Object.fromEntries(csvResponseColumns.map((c, i) => [c, i])) as Record<(typeof csvResponseColumns)[number], number>

/** One response's values, in the order of its query's columns. */
export type ExportResponseRow = Array<string | number | null>

export interface ExportQuestion {
  metric: string
  label: string
  scale_min: number
  scale_max: number
}

/** A place in the export's order (newest first: submitted_at, then id, both descending). */
export interface ExportKey {
  submittedAt: number
  id: number
}

/** Above every key, and below every key: the open ends of the first and the last range. */
export const KEY_ABOVE_ALL: ExportKey = { submittedAt: Number.MAX_SAFE_INTEGER, id: Number.MAX_SAFE_INTEGER }
export const KEY_BELOW_ALL: ExportKey = { submittedAt: Number.MIN_SAFE_INTEGER, id: Number.MIN_SAFE_INTEGER }

/** A page statement as SQL text: its last four parameters are the range's upper key (excluded) and lower key (included). */
export interface CsvPageQuery {
  sql: string
  parameters: unknown[]
}

/** A larger page than the inbox's: fewer statements per million rows, still a few megabytes at most. */
export const EXPORT_PAGE = 2_000

export interface CsvPages {
  /** Up to EXPORT_PAGE rows below `upper` (excluded) and at or above `lower` (included), newest first. */
  page(upper: ExportKey, lower?: ExportKey): ExportResponseRow[]
}

/** Prepares the page statement once on this connection (raw mode: arrays, not objects) and checks its columns. */
export function csvPagesOn(sqlite: Database.Database, query: CsvPageQuery): CsvPages {
  const stmt = sqlite.prepare(query.sql).raw(true)
  const names = stmt.columns().map((c) => c.name)
  if (names.join() !== csvResponseColumns.join()) throw new Error(`export columns out of order: ${names.join()}`)
  const params = query.parameters
  return {
    page: (upper, lower = KEY_BELOW_ALL) => stmt.all(...params, upper.submittedAt, upper.id, lower.submittedAt, lower.id) as ExportResponseRow[],
  }
}

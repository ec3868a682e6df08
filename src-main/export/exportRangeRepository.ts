import type Database from 'better-sqlite3'

/**
 * The CSV fast path's reading, on whichever connection runs it: the app's own (a small export), or
 * an export reader thread's (export/exportWorker.ts: a large one, split into key ranges). The page
 * statement is built once by exportRowsRepository (csvResponseQuery, with Kysely and the inbox's
 * filter) and handed over as SQL text and parameters, so a reader thread needs neither.
 *
 * Kept free of Kysely and the filter code on purpose: it is most of what a reader thread loads.
 */

/** A response's score and comment columns, in this order. */
const scoredColumns = ['score', 'band', 'sentiment', 'comment'] as const
/** Where it came from and its state: the six the CSV fast path reads as one text, `context`. */
const contextColumns = ['channel', 'touchpoint', 'stage', 'location', 'language', 'status'] as const
/** Its follow-up: the four the CSV fast path reads as one text, `workflow` (NULL in most rows). */
const workflowColumns = ['owner', 'status_changed_at', 'status_changed_by', 'resolved_at'] as const
/** Who answered, and its customer's id. */
const respondentColumns = ['respondent_email', 'customer_id'] as const

/** The response's own columns both response readers take after their first ones, in this order. */
export const responseOwnColumns = [...scoredColumns, ...contextColumns, ...workflowColumns, ...respondentColumns] as const

/** Its customer's columns: joined by the general path; the CSV fast path looks them up once per customer (exportLookupsOn). */
export const customerColumns = ['customer_ref', 'customer_name', 'customer_email', 'customer_phone', 'segment'] as const

/** The columns both response readers take after their own first ones, in this order: the response's, then its customer's. */
export const sharedResponseColumns = [...responseOwnColumns, ...customerColumns] as const

/**
 * The CSV fast path's columns (export/responseCsv.ts): the response's own columns, its question by
 * id (questions are read once: `exportQuestions`), its customer by id (customers are read once per
 * export connection: exportLookupsOn), and tags and notes only when the workspace has any (else
 * the statement ends at customer_id: no subquery, no two NULLs per row). `context` is channel,
 * touchpoint, stage, location, language and status in one text (CONTEXT_SEPARATOR between them,
 * NULL as ''): values that repeat across rows, so the line formatter quotes each combination once.
 * `workflow` is owner, status_changed_at, status_changed_by and resolved_at as a JSON array, or NULL
 * when all four are (most rows: one value for better-sqlite3 to make instead of four).
 */
export const csvResponseColumns = ['id', 'external_ref', 'submitted_at', 'local_date', 'question_id', ...scoredColumns, 'context', 'workflow', ...respondentColumns, 'tags', 'notes'] as const
export const csvResponseColumn = Object.fromEntries(csvResponseColumns.map((c, i) => [c, i])) as Record<(typeof csvResponseColumns)[number], number>

/** The `workflow` column's four values, when any is not NULL: owner, status_changed_at, status_changed_by, resolved_at. */
export type ExportWorkflowValues = [string | null, number | null, string | null, number | null]

/** Between the six values of the `context` column (SQLite's char(31), the unit separator). */
export const CONTEXT_SEPARATOR = '\u001f'

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
  const names = stmt.columns().map((c) => c.name).join()
  // Without tags and notes the statement stops before them (a row is then two values shorter).
  if (names !== csvResponseColumns.join() && names !== csvResponseColumns.slice(0, -2).join()) throw new Error(`export columns out of order: ${names}`)
  const params = query.parameters
  return {
    page: (upper, lower = KEY_BELOW_ALL) => stmt.all(...params, upper.submittedAt, upper.id, lower.submittedAt, lower.id) as ExportResponseRow[],
  }
}

/** A customer's values as the CSV line takes them: id, external_ref, name, email, phone, segment. */
export type ExportCustomerValues = [number, string | null, string | null, string | null, string | null, string | null]

/** What the CSV line looks up by id, on the connection that reads the rows. */
export interface ExportLookups {
  /** One customer by id (undefined: none, as the general path's LEFT JOIN finds none). */
  customer(id: number): ExportCustomerValues | undefined
  /** Every customer, in one statement: for an export with at least as many rows as customers. */
  eachCustomer(take: (values: ExportCustomerValues) => void): void
  /** A response's channel, touchpoint, stage, location, language and status, for the rare row whose `context` text is ambiguous. */
  context(id: number): Array<string | null>
}

/**
 * The customer columns of the CSV fast path, by id instead of a join per row: the line formatter
 * (responseCsv.ts) keeps each customer's cells once formatted, so a customer's five values are read
 * and quoted once per export thread rather than once per response (8 responses a customer in the bench).
 */
export function exportLookupsOn(sqlite: Database.Database): ExportLookups {
  const one = sqlite.prepare('SELECT id, external_ref, name, email, phone, segment FROM customers WHERE id = ?').raw(true)
  const all = sqlite.prepare('SELECT id, external_ref, name, email, phone, segment FROM customers').raw(true)
  const context = sqlite.prepare('SELECT channel, touchpoint, stage, location, language, status FROM responses WHERE id = ?').raw(true)
  return {
    customer: (id) => one.get(id) as ExportCustomerValues | undefined,
    eachCustomer: (take) => {
      for (const row of all.iterate()) take(row as ExportCustomerValues)
    },
    context: (id) => context.get(id) as Array<string | null>,
  }
}

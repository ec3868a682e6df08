import type Database from 'better-sqlite3'
import { sql, type Kysely } from 'kysely'
import type { DB } from '../db/schema'
import type { FeedbackFilter } from '../../src-shared/api/filters'
import { filteredResponses } from '../db/feedbackFilter'
import { csvPagesOn, EXPORT_PAGE, sharedResponseColumns, KEY_ABOVE_ALL, type CsvPageQuery, type CsvPages, type ExportKey, type ExportQuestion, type ExportResponseRow } from './exportRangeRepository'

export { csvResponseColumn, csvResponseColumns, EXPORT_PAGE, type ExportQuestion, type ExportResponseRow } from './exportRangeRepository'

/**
 * What an export reads, a keyset page at a time (never OFFSET), so a million rows are read with
 * flat memory and the event loop gets a turn between pages.
 *
 * Responses are read with raw better-sqlite3 on a measured hot path: the query is built once with
 * Kysely (the filter means what it means in the inbox: db/feedbackFilter.ts), compiled, and its
 * statement prepared once and run per page with the cursor bound last, in raw mode (arrays, not
 * objects: see responseColumns). Reading is most of an export's time (bench section `export`).
 */

/**
 * A response as an export reads it: every column, its question, its customer, its tags ('\u001f'-
 * separated, in name order) and its notes (JSON array of [created_at, author, body], oldest first).
 * Rows come as arrays in this order (better-sqlite3's raw mode: a row object per response cost four
 * times as much as the array at a million rows); `responseColumn` gives each field's index.
 */
export const responseColumns = ['id', 'external_ref', 'submitted_at', 'local_date', 'metric', 'question', 'scale_min', 'scale_max', ...sharedResponseColumns, 'tags', 'notes'] as const
export type ResponseColumn = (typeof responseColumns)[number]
export const responseColumn = Object.fromEntries(responseColumns.map((c, i) => [c, i])) as Record<ResponseColumn, number>

const START = Number.MAX_SAFE_INTEGER

export interface ResponsePages {
  /** Rows after the cursor (newest first: the inbox's order); the first page takes no cursor. */
  page(cursor?: { submittedAt: number; id: number }): ExportResponseRow[]
  /** How many rows the filter selects. */
  count(): Promise<number>
}

export function responsePages(db: Kysely<DB>, sqlite: Database.Database, filter: FeedbackFilter): ResponsePages {
  const compiled = filteredResponses(db, filter)
    .select([
      'r.id',
      'r.external_ref',
      'r.submitted_at',
      'r.local_date',
      'q.metric',
      'q.label as question',
      'q.scale_min',
      'q.scale_max',
      'r.score',
      'r.band',
      'r.sentiment',
      'r.comment',
      'r.channel',
      'r.touchpoint',
      'r.stage',
      'r.location',
      'r.language',
      'r.status',
      'r.owner',
      'r.status_changed_at',
      'r.status_changed_by',
      'r.resolved_at',
      'r.respondent_email',
      'r.customer_id',
      'c.external_ref as customer_ref',
      'c.name as customer_name',
      'c.email as customer_email',
      'c.phone as customer_phone',
      'c.segment',
      sql<string | null>`(SELECT group_concat(name, char(31)) FROM (SELECT t.name FROM response_tags rt JOIN tags t ON t.id = rt.tag_id WHERE rt.response_id = r.id ORDER BY t.name))`.as('tags'),
      sql<string | null>`(SELECT json_group_array(json_array(created_at, author, body)) FROM (SELECT n.created_at, n.author, n.body FROM notes n WHERE n.response_id = r.id ORDER BY n.created_at, n.id) HAVING count(*) > 0)`.as('notes'),
    ])
    // The cursor's two values are bound last (nothing after them takes a parameter).
    .where(sql<boolean>`(r.submitted_at, r.id) < (?, ?)`)
    .orderBy('r.submitted_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(sql.lit(EXPORT_PAGE))
    .compile()
  const stmt = sqlite.prepare(compiled.sql).raw(true)
  const names = stmt.columns().map((c) => c.name)
  if (names.join() !== responseColumns.join()) throw new Error(`export columns out of order: ${names.join()}`)
  const params = compiled.parameters as unknown[]
  return {
    page: (cursor) => stmt.all(...params, cursor?.submittedAt ?? START, cursor?.id ?? START) as ExportResponseRow[],
    count: async () => Number((await filteredResponses(db, filter, { joins: false }).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
  }
}

/** Every question, by id: a handful of rows, read once per export instead of joined per response. */
export function exportQuestions(sqlite: Database.Database): Map<number, ExportQuestion> {
  const rows = sqlite.prepare('SELECT id, metric, label, scale_min, scale_max FROM questions').all() as Array<ExportQuestion & { id: number }>
  return new Map(rows.map((q) => [q.id, q]))
}

/** Whether any response has a tag, and any a note: without them the export skips both subqueries. */
export function exportHasTagsAndNotes(sqlite: Database.Database): { tags: boolean; notes: boolean } {
  const row = sqlite.prepare('SELECT EXISTS (SELECT 1 FROM response_tags) AS tags, EXISTS (SELECT 1 FROM notes) AS notes').get() as { tags: number; notes: number }
  return { tags: row.tags === 1, notes: row.notes === 1 }
}

/**
 * The CSV fast path's page statement (columns: csvResponseColumns, in exportRangeRepository with
 * the reading itself): the response's own columns with its question and customer by id (no join:
 * both are read once, exportQuestions and exportLookupsOn; its channel, touchpoint,
 * stage, location, language and status as one text, `context`; its owner and status change times
 * and author as one JSON text, `workflow`, NULL in most rows), and tags and notes only when the
 * workspace has any (else the row ends at customer_id). Same rows, same order as responsePages; its
 * last four parameters are a key range (upper excluded, lower included), so reader threads can each
 * read one range (export/exportThreads.ts) and the app's own connection the whole (KEY_ABOVE_ALL to
 * KEY_BELOW_ALL). Compiled here, prepared wherever it runs (csvPagesOn).
 *
 * Pages of EXPORT_PAGE. Larger pages were measured and cost more (200,000 rows: 10,000-row pages
 * took 2.6–2.9 s of CPU to read and 210–246 MB of RSS, 2,000-row pages 1.9–2.2 s and 101 MB: the
 * bigger arrays outlive the young generation and are collected the slow way).
 */
export function csvResponseQuery(db: Kysely<DB>, filter: FeedbackFilter, has: { tags: boolean; notes: boolean }): CsvPageQuery {
  const tagsAndNotes = has.tags || has.notes
  const compiled = filteredResponses(db, filter, { joins: false })
    .select([
      'r.id',
      'r.external_ref',
      'r.submitted_at',
      'r.local_date',
      'r.question_id',
      'r.score',
      'r.band',
      'r.sentiment',
      'r.comment',
      // exportRangeRepository's CONTEXT_SEPARATOR; '' for NULL (both are an empty cell).
      sql<string>`concat_ws(char(31), ifnull(r.channel, ''), ifnull(r.touchpoint, ''), ifnull(r.stage, ''), ifnull(r.location, ''), ifnull(r.language, ''), ifnull(r.status, ''))`.as('context'),
      // ExportWorkflowValues as JSON, NULL when all four are (the table is STRICT: texts and integers only).
      sql<string | null>`CASE WHEN coalesce(r.owner, r.status_changed_at, r.status_changed_by, r.resolved_at) IS NULL THEN NULL ELSE json_array(r.owner, r.status_changed_at, r.status_changed_by, r.resolved_at) END`.as('workflow'),
      'r.respondent_email',
      'r.customer_id',
    ])
    .$if(tagsAndNotes, (q) =>
      q.select([
        has.tags
          ? sql<string | null>`(SELECT group_concat(name, char(31)) FROM (SELECT t.name FROM response_tags rt JOIN tags t ON t.id = rt.tag_id WHERE rt.response_id = r.id ORDER BY t.name))`.as('tags')
          : sql<null>`NULL`.as('tags'),
        has.notes
          ? sql<string | null>`(SELECT json_group_array(json_array(created_at, author, body)) FROM (SELECT n.created_at, n.author, n.body FROM notes n WHERE n.response_id = r.id ORDER BY n.created_at, n.id) HAVING count(*) > 0)`.as('notes')
          : sql<null>`NULL`.as('notes'),
      ]),
    )
    // The range's two keys are bound last (nothing after them takes a parameter).
    .where(sql<boolean>`(r.submitted_at, r.id) < (?, ?)`)
    .where(sql<boolean>`(r.submitted_at, r.id) >= (?, ?)`)
    .orderBy('r.submitted_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(sql.lit(EXPORT_PAGE))
    .compile()
  return { sql: compiled.sql, parameters: [...compiled.parameters] }
}

/** csvResponseQuery prepared on the app's own connection. */
export function csvResponsePages(db: Kysely<DB>, sqlite: Database.Database, filter: FeedbackFilter, has: { tags: boolean; notes: boolean }): CsvPages {
  return csvPagesOn(sqlite, csvResponseQuery(db, filter, has))
}

/**
 * Splits the filter's rows, in the export's order, into ranges of `every` rows: the key of each
 * range's last row (the next range starts below it), in order; the rows after the last key are the
 * last range. One statement per range, stepping over `every` entries of an index (responses_newest,
 * or the filter's own) without reading the rows: a few milliseconds per hundred thousand rows.
 */
export function exportRangeEnds(db: Kysely<DB>, sqlite: Database.Database, filter: FeedbackFilter, every: number): ExportKey[] {
  const step = Math.max(1, Math.trunc(every))
  const compiled = filteredResponses(db, filter, { joins: false })
    .select(['r.submitted_at', 'r.id'])
    .where(sql<boolean>`(r.submitted_at, r.id) < (?, ?)`)
    .orderBy('r.submitted_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(sql.lit(1))
    .offset(sql.lit(step - 1))
    .compile()
  const stmt = sqlite.prepare(compiled.sql).raw(true)
  const params = compiled.parameters as unknown[]
  const ends: ExportKey[] = []
  let key = KEY_ABOVE_ALL
  for (;;) {
    const row = stmt.get(...params, key.submittedAt, key.id) as [number, number] | undefined
    if (!row) return ends
    key = { submittedAt: row[0], id: row[1] }
    ends.push(key)
  }
}

export interface ExportCustomerRow {
  id: number
  external_ref: string | null
  name: string | null
  email: string | null
  phone: string | null
  segment: string | null
  location: string | null
  customer_since: string | null
  churned_at: string | null
  created_at: number
  updated_at: number
  responses: number
}

/** Customers in id order, a page after `afterId`. */
export function customersPage(db: Kysely<DB>, afterId: number): Promise<ExportCustomerRow[]> {
  return db
    .selectFrom('customers as c')
    .select((eb) => [
      'c.id',
      'c.external_ref',
      'c.name',
      'c.email',
      'c.phone',
      'c.segment',
      'c.location',
      'c.customer_since',
      'c.churned_at',
      'c.created_at',
      'c.updated_at',
      eb.selectFrom('responses as r').select(eb.fn.countAll<number>().as('n')).whereRef('r.customer_id', '=', 'c.id').as('responses'),
    ])
    .where('c.id', '>', afterId)
    .orderBy('c.id')
    .limit(EXPORT_PAGE)
    .execute() as Promise<ExportCustomerRow[]>
}

export async function customerCount(db: Kysely<DB>): Promise<number> {
  return Number((await db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
}

export interface ExportNoteRow {
  id: number
  response_id: number
  response_ref: string | null
  author: string | null
  body: string
  created_at: number
}

/** Notes in id order, a page after `afterId`, with their response's own reference. */
export function notesPage(db: Kysely<DB>, afterId: number): Promise<ExportNoteRow[]> {
  return db
    .selectFrom('notes as n')
    .innerJoin('responses as r', 'r.id', 'n.response_id')
    .select(['n.id', 'n.response_id', 'r.external_ref as response_ref', 'n.author', 'n.body', 'n.created_at'])
    .where('n.id', '>', afterId)
    .orderBy('n.id')
    .limit(EXPORT_PAGE)
    .execute()
}

export async function noteCount(db: Kysely<DB>): Promise<number> {
  return Number((await db.selectFrom('notes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
}

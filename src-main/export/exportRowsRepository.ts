import type Database from 'better-sqlite3'
import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { DB } from '../db/schema'
import type { FeedbackFilter } from '../../src-shared/api/filters'
import { filteredResponses } from '../db/feedbackFilter'

/**
 * What an export reads, a keyset page at a time (never OFFSET), so a million rows are read with
 * flat memory and the event loop gets a turn between pages.
 *
 * Responses are read with raw better-sqlite3 on a measured hot path: the query is built once with
 * Kysely (the filter means what it means in the inbox: db/feedbackFilter.ts), compiled, and its
 * statement prepared once and run per page with the cursor bound last, in raw mode (arrays, not
 * objects: see responseColumns). Reading is most of an export's time (bench section `export`).
 */

/** Columns both readers take, in this order, after their own first ones: [name, source]. */
const sharedTail = [
  ['score', 'r.score'],
  ['band', 'r.band'],
  ['sentiment', 'r.sentiment'],
  ['comment', 'r.comment'],
  ['channel', 'r.channel'],
  ['touchpoint', 'r.touchpoint'],
  ['stage', 'r.stage'],
  ['location', 'r.location'],
  ['language', 'r.language'],
  ['status', 'r.status'],
  ['owner', 'r.owner'],
  ['status_changed_at', 'r.status_changed_at'],
  ['status_changed_by', 'r.status_changed_by'],
  ['resolved_at', 'r.resolved_at'],
  ['respondent_email', 'r.respondent_email'],
  ['customer_id', 'r.customer_id'],
  ['customer_ref', 'c.external_ref'],
  ['customer_name', 'c.name'],
  ['customer_email', 'c.email'],
  ['customer_phone', 'c.phone'],
  ['segment', 'c.segment'],
] as const
type SharedColumn = (typeof sharedTail)[number][0]
const sharedNames = sharedTail.map(([name]) => name) as SharedColumn[]

/** A response's tags, '\u001f'-separated in name order, and its notes, JSON [created_at, author, body] oldest first. */
const TAGS = sql<string | null>`(SELECT group_concat(name, char(31)) FROM (SELECT t.name FROM response_tags rt JOIN tags t ON t.id = rt.tag_id WHERE rt.response_id = r.id ORDER BY t.name))`
const NOTES = sql<string | null>`(SELECT json_group_array(json_array(created_at, author, body)) FROM (SELECT n.created_at, n.author, n.body FROM notes n WHERE n.response_id = r.id ORDER BY n.created_at, n.id) HAVING count(*) > 0)`

/**
 * A response as an export reads it: every column, its question, its customer, its tags and its
 * notes. Rows come as arrays in this order (better-sqlite3's raw mode: a row object per response
 * cost four times as much as the array at a million rows); `responseColumn` gives each field's index.
 */
export const responseColumns = ['id', 'external_ref', 'submitted_at', 'local_date', 'metric', 'question', 'scale_min', 'scale_max', ...sharedNames, 'tags', 'notes'] as const
export type ResponseColumn = (typeof responseColumns)[number]
export const responseColumn = Object.fromEntries(responseColumns.map((c, i) => [c, i])) as Record<ResponseColumn, number>
/** One response's values, in responseColumns' order. */
export type ExportResponseRow = Array<string | number | null>

/** A larger page than the inbox's: fewer statements per million rows, still a few megabytes at most. */
export const EXPORT_PAGE = 2_000
const START = Number.MAX_SAFE_INTEGER

export interface ResponsePages {
  /** Rows after the cursor (newest first: the inbox's order); the first page takes no cursor. */
  page(cursor?: { submittedAt: number; id: number }): ExportResponseRow[]
  /** How many rows the filter selects. */
  count(): Promise<number>
}

/**
 * The filter's responses with `head` first, then the shared columns, then tags and notes: the
 * query built once with Kysely (the filter means what it means in the inbox: db/feedbackFilter.ts),
 * its statement prepared once in raw mode and run per page with the cursor's two values bound last.
 * Throws if the statement's columns are not `names` (a select edited out of step with its list).
 */
function pagedResponses(
  db: Kysely<DB>,
  sqlite: Database.Database,
  filter: FeedbackFilter,
  head: ReadonlyArray<readonly [string, string]>,
  tail: { tags: RawBuilder<string | null>; notes: RawBuilder<string | null> },
  names: readonly string[],
): ResponsePages['page'] {
  const columns = [...head, ...sharedTail].map(([name, source]) => sql.ref(source).as(name))
  const compiled = filteredResponses(db, filter)
    .select([...columns, tail.tags.as('tags'), tail.notes.as('notes')])
    // The cursor's two values are bound last (nothing after them takes a parameter).
    .where(sql<boolean>`(r.submitted_at, r.id) < (?, ?)`)
    .orderBy('r.submitted_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(sql.lit(EXPORT_PAGE))
    .compile()
  const stmt = sqlite.prepare(compiled.sql).raw(true)
  const got = stmt.columns().map((c) => c.name)
  if (got.join() !== names.join()) throw new Error(`export columns out of order: ${got.join()}`)
  const params = compiled.parameters as unknown[]
  return (cursor) => stmt.all(...params, cursor?.submittedAt ?? START, cursor?.id ?? START) as ExportResponseRow[]
}

export function responsePages(db: Kysely<DB>, sqlite: Database.Database, filter: FeedbackFilter): ResponsePages {
  const head = [
    ['id', 'r.id'],
    ['external_ref', 'r.external_ref'],
    ['submitted_at', 'r.submitted_at'],
    ['local_date', 'r.local_date'],
    ['metric', 'q.metric'],
    ['question', 'q.label'],
    ['scale_min', 'q.scale_min'],
    ['scale_max', 'q.scale_max'],
  ] as const
  return {
    page: pagedResponses(db, sqlite, filter, head, { tags: TAGS, notes: NOTES }, responseColumns),
    count: async () => Number((await filteredResponses(db, filter, { joins: false }).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
  }
}

/**
 * The CSV fast path's columns (export/responseCsv.ts): the response's own columns, its question by
 * id (questions are read once: `exportQuestions`), its customer, and tags and notes only when the
 * workspace has any (else two NULLs and no subquery per row). Same rows, same order as
 * responsePages.
 */
export const csvResponseColumns = ['id', 'external_ref', 'submitted_at', 'local_date', 'question_id', ...sharedNames, 'tags', 'notes'] as const
export const csvResponseColumn = Object.fromEntries(csvResponseColumns.map((c, i) => [c, i])) as Record<(typeof csvResponseColumns)[number], number>

export interface ExportQuestion {
  metric: string
  label: string
  scale_min: number
  scale_max: number
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
 * responsePages for the CSV fast path: csvResponseColumns, in pages of EXPORT_PAGE. Larger pages
 * were measured and cost more (200,000 rows: 10,000-row pages took 2.6–2.9 s of CPU to read and
 * 210–246 MB of RSS, 2,000-row pages 1.9–2.2 s and 101 MB: the bigger arrays outlive the young
 * generation and are collected the slow way).
 */
export function csvResponsePages(db: Kysely<DB>, sqlite: Database.Database, filter: FeedbackFilter, has: { tags: boolean; notes: boolean }): Pick<ResponsePages, 'page'> {
  const head = [
    ['id', 'r.id'],
    ['external_ref', 'r.external_ref'],
    ['submitted_at', 'r.submitted_at'],
    ['local_date', 'r.local_date'],
    ['question_id', 'r.question_id'],
  ] as const
  const none = sql<null>`NULL`
  return { page: pagedResponses(db, sqlite, filter, head, { tags: has.tags ? TAGS : none, notes: has.notes ? NOTES : none }, csvResponseColumns) }
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

import type Database from 'better-sqlite3'
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely'
import type { DB } from '../db/schema'
import { activeFilterKeys, type FeedbackFilter } from '../../src-shared/api/filters'
import type { FeedbackEvent, Note } from '../../src-shared/api/feedback'
import { filteredResponses, metricQuestionIds } from '../db/feedbackFilter'
import { matchExpression } from '../text/tokens'

const columns = [
  'r.id',
  'r.submitted_at',
  'r.local_date',
  'q.metric',
  'r.score',
  'q.scale_min',
  'q.scale_max',
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
  'r.customer_id',
  'c.name as customer_name',
  'c.external_ref as customer_ref',
  'c.email as customer_email',
  'c.phone as customer_phone',
] as const

/** Responses with their question and customer: the one select list every inbox row is read with. */
const inboxRows = (db: Kysely<DB>) =>
  db.selectFrom('responses as r').leftJoin('questions as q', 'q.id', 'r.question_id').leftJoin('customers as c', 'c.id', 'r.customer_id').select(columns)

/** A row of the inbox as read, its type derived from the select list and db/schema.ts (feedbackService turns it into the contract's FeedbackItem). */
export type InboxRow = Awaited<ReturnType<ReturnType<typeof inboxRows>['executeTakeFirstOrThrow']>>

/** One page of the filter's responses, newest first, after the cursor (keyset: never OFFSET). */
export async function inboxPage(
  db: Kysely<DB>,
  filter: FeedbackFilter,
  limit: number,
  cursor?: { submittedAt: number; id: number },
  opts: { membershipScan?: boolean; where?: Expression<SqlBool> } = {},
): Promise<InboxRow[]> {
  let q = filteredResponses(db, filter, opts).select(columns).orderBy('r.submitted_at', 'desc').orderBy('r.id', 'desc').limit(limit)
  if (opts.where) q = q.where(opts.where)
  if (cursor) q = q.where(sql<boolean>`(r.submitted_at, r.id) < (${cursor.submittedAt}, ${cursor.id})`)
  return q.execute()
}

/**
 * The exact number of items a filter selects. A search alone, or a tag alone, is counted from its
 * own index (the full-text index, the tag index) without visiting the responses.
 */
export async function inboxCount(db: Kysely<DB>, filter: FeedbackFilter, sqlite?: Database.Database, where?: Expression<SqlBool>): Promise<number> {
  if (where) {
    const row = await filteredResponses(db, filter, { joins: false }).where(where).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    return Number(row.n)
  }
  const keys = activeFilterKeys(filter)
  if (sqlite && keys.length === 1 && keys[0] === 'text' && filter.text) {
    const match = matchExpression(filter.text)
    if (!match) return 0
    return (sqlite.prepare('SELECT count(*) n FROM feedback_fts WHERE feedback_fts MATCH ?').get(match) as { n: number }).n
  }
  if (sqlite && keys.length === 1 && keys[0] === 'tag' && filter.tag?.length)
    return (
      sqlite
        .prepare(`SELECT count(DISTINCT rt.response_id) n FROM response_tags rt JOIN tags t ON t.id = rt.tag_id WHERE t.name IN (${filter.tag.map(() => '?').join(',')})`)
        .get(...filter.tag) as { n: number }
    ).n
  const metricIds = sqlite && filter.metric?.length ? metricQuestionIds(sqlite, filter.metric) : undefined
  const row = await filteredResponses(db, filter, { joins: false, metricQuestionIds: metricIds })
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}


export async function rowById(db: Kysely<DB>, id: number): Promise<InboxRow | undefined> {
  return inboxRows(db).where('r.id', '=', id).executeTakeFirst()
}

/** What the detail pane shows beyond the row: contact, follow-up stamps, the question asked. */
export async function detailOf(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('responses as r')
    .leftJoin('questions as q', 'q.id', 'r.question_id')
    .select(['r.respondent_email', 'r.status_changed_at', 'r.status_changed_by', 'r.resolved_at', 'r.submitted_at', 'q.label'])
    .where('r.id', '=', id)
    .executeTakeFirstOrThrow()
}

export async function notesOf(db: Kysely<DB>, responseId: number): Promise<Note[]> {
  return db
    .selectFrom('notes')
    .select(['id', 'author', 'body', 'created_at as createdAt'])
    .where('response_id', '=', responseId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

export async function eventsOf(db: Kysely<DB>, responseId: number): Promise<FeedbackEvent[]> {
  return db.selectFrom('response_events').select(['kind', 'value', 'actor', 'at']).where('response_id', '=', responseId).orderBy('at').orderBy('id').execute()
}

export async function rowsByCustomer(db: Kysely<DB>, customerId: number, limit: number): Promise<InboxRow[]> {
  return inboxRows(db).where('r.customer_id', '=', customerId).orderBy('r.submitted_at', 'desc').orderBy('r.id', 'desc').limit(limit).execute()
}

/** Tag names per response id, for a page of items. */
export function tagsOf(sqlite: Database.Database, ids: number[]): Map<number, string[]> {
  const out = new Map<number, string[]>()
  if (!ids.length) return out
  const rows = sqlite
    .prepare(`SELECT rt.response_id id, t.name FROM response_tags rt JOIN tags t ON t.id = rt.tag_id WHERE rt.response_id IN (${ids.map(() => '?').join(',')}) ORDER BY t.name`)
    .all(...ids) as Array<{ id: number; name: string }>
  for (const r of rows) out.set(r.id, [...(out.get(r.id) ?? []), r.name])
  return out
}

/** Calls `work` with slices of at most 500 ids (SQLite limits the number of bound parameters). */
export function inChunks<T>(ids: number[], work: (chunk: number[]) => T[]): T[] {
  const out: T[] = []
  for (let i = 0; i < ids.length; i += 500) out.push(...work(ids.slice(i, i + 500)))
  return out
}

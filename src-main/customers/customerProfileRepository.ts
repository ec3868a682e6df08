import { sql, type Kysely, type SqlBool, type ExpressionBuilder } from 'kysely'
import type { CustomerCursor, CustomerFilter, CustomerInput, CustomerNote, TimelineItem } from '../../src-shared/api/customers'
import type { Customer } from '../../src-shared/api/feedback'
import type { DB } from '../db/schema'

const DAY = 86_400_000
const sortKey = sql<string>`ifnull(c.name, '')`

/** The list's row before its risk is added: the facts and the last response, read per row from the index. */
export interface CustomerListRow extends Customer {
  lastAt: number | null
  lastBand: -1 | 0 | 1 | null
  lastScore: number | null
  lastMetric: string | null
}

const lastAt = sql<number | null>`(SELECT max(r.submitted_at) FROM responses r WHERE r.customer_id = c.id)`
const lastScored = (col: 'band' | 'score') =>
  sql.raw(`(SELECT r.${col} FROM responses r WHERE r.customer_id = c.id AND r.band IS NOT NULL ORDER BY r.submitted_at DESC, r.id DESC LIMIT 1)`)
/** The last contact of any kind: a response or a contact log entry (surveys sent, calls, messages, follow-ups). */
const lastContactAt = sql<number | null>`(SELECT max(t) FROM (SELECT max(r.submitted_at) AS t FROM responses r WHERE r.customer_id = c.id UNION ALL SELECT max(k.contacted_at) FROM customer_contacts k WHERE k.customer_id = c.id AND k.deleted_at IS NULL))`
/** Consent for feedback surveys as contactService resolves it: the stored entry, or the kiosk's tick when later (matched by e-mail), else unknown. */
const kioskConsentAt = sql`(SELECT max(ifnull(sa.consent_at, sa.received_at)) FROM survey_answers sa WHERE sa.consent = 1 AND sa.contact_email IS NOT NULL AND sa.contact_email = lower(trim(c.email)))`
const storedFeedback = (col: 'state' | 'at') => sql.raw(`(SELECT k.${col} FROM customer_consents k WHERE k.customer_id = c.id AND k.purpose = 'feedback')`)
const feedbackConsent = sql<string>`(CASE WHEN ${storedFeedback('state')} IS NOT NULL AND (${kioskConsentAt} IS NULL OR ${storedFeedback('at')} >= ${kioskConsentAt}) THEN ${storedFeedback('state')} WHEN ${kioskConsentAt} IS NOT NULL THEN 'given' ELSE 'unknown' END)`
const lastMetric = sql<string | null>`(SELECT q.metric FROM questions q WHERE q.id = (SELECT r.question_id FROM responses r WHERE r.customer_id = c.id AND r.band IS NOT NULL ORDER BY r.submitted_at DESC, r.id DESC LIMIT 1))`

function where(eb: ExpressionBuilder<DB & { c: DB['customers'] }, 'c'>, f: CustomerFilter, now: number, riskIds: number[] | null) {
  const parts = []
  if (f.search?.trim()) {
    const like = `%${f.search.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%`
    parts.push(sql<SqlBool>`(c.name LIKE ${like} ESCAPE '\\' OR c.email LIKE ${like} ESCAPE '\\' OR c.phone LIKE ${like} ESCAPE '\\' OR c.external_ref LIKE ${like} ESCAPE '\\')`)
  }
  if (f.segment) parts.push(eb('c.segment', '=', f.segment))
  if (f.location) parts.push(eb('c.location', '=', f.location))
  if (f.lifecycle === 'churned') parts.push(eb('c.churned_at', 'is not', null))
  if (f.lifecycle === 'active') parts.push(eb.and([eb('c.churned_at', 'is', null), eb('c.customer_since', 'is not', null)]))
  if (f.lifecycle === 'unknown') parts.push(eb.and([eb('c.churned_at', 'is', null), eb('c.customer_since', 'is', null)]))
  if (f.band) {
    const band = { poor: -1, neutral: 0, good: 1, none: null }[f.band]
    parts.push(band === null ? sql<SqlBool>`${lastScored('band')} IS NULL` : sql<SqlBool>`${lastScored('band')} = ${band}`)
  }
  if (f.lastContact) {
    const since = (days: number) => now - days * DAY
    parts.push(
      f.lastContact === 'never'
        ? sql<SqlBool>`${lastContactAt} IS NULL`
        : f.lastContact === 'older'
          ? sql<SqlBool>`${lastContactAt} < ${since(365)}`
          : sql<SqlBool>`${lastContactAt} >= ${since(f.lastContact === '30d' ? 30 : f.lastContact === '90d' ? 90 : 365)}`,
    )
  }
  if (f.consent === 'marketingGiven') parts.push(sql<SqlBool>`EXISTS (SELECT 1 FROM customer_consents k WHERE k.customer_id = c.id AND k.purpose = 'marketing' AND k.state = 'given')`)
  else if (f.consent) parts.push(sql<SqlBool>`${feedbackConsent} = ${{ feedbackGiven: 'given', feedbackWithdrawn: 'withdrawn', feedbackUnknown: 'unknown' }[f.consent]}`)
  if (riskIds) parts.push(sql<SqlBool>`c.id IN (SELECT value FROM json_each(${JSON.stringify(riskIds)}))`)
  return eb.and(parts)
}

const customerColumns = [
  'c.id',
  'c.external_ref as ref',
  'c.name',
  'c.email',
  'c.phone',
  'c.segment',
  'c.location',
  'c.customer_since as customerSince',
  'c.churned_at as churnedAt',
] as const

/** Customers as a list row shows them: their columns, how many responses, and their latest scored one. */
const customerListRows = (db: Kysely<DB>) =>
  db
    .selectFrom('customers as c')
    .select(customerColumns)
    .select([
      sql<number>`(SELECT count(*) FROM responses r WHERE r.customer_id = c.id)`.as('responses'),
      lastAt.as('lastAt'),
      sql<-1 | 0 | 1 | null>`${lastScored('band')}`.as('lastBand'),
      sql<number | null>`${lastScored('score')}`.as('lastScore'),
      lastMetric.as('lastMetric'),
    ])

/** One keyset page by name then id; `riskIds` (when given) limits it to those customers. */
export async function customerPage(db: Kysely<DB>, f: CustomerFilter, opts: { limit: number; cursor?: CustomerCursor; now: number; riskIds: number[] | null }): Promise<CustomerListRow[]> {
  let q = customerListRows(db).where((eb) => where(eb, f, opts.now, opts.riskIds))
  const cursor = opts.cursor
  if (cursor) q = q.where(sql<SqlBool>`(${sortKey} > ${cursor.name} OR (${sortKey} = ${cursor.name} AND c.id > ${cursor.id}))`)
  const rows = await q.orderBy(sortKey).orderBy('c.id').limit(opts.limit).execute()
  return rows.map((r) => ({ ...r, responses: Number(r.responses) }))
}

export async function customerCount(db: Kysely<DB>, f: CustomerFilter, now: number, riskIds: number[] | null): Promise<number> {
  const row = await db
    .selectFrom('customers as c')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => where(eb, f, now, riskIds))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function customerFacets(db: Kysely<DB>): Promise<{ segments: string[]; locations: string[] }> {
  const segments = await db.selectFrom('customers').select('segment').distinct().where('segment', 'is not', null).orderBy('segment').execute()
  const locations = await db.selectFrom('customers').select('location').distinct().where('location', 'is not', null).orderBy('location').execute()
  return { segments: segments.map((r) => r.segment as string), locations: locations.map((r) => r.location as string) }
}

export async function customerRowById(db: Kysely<DB>, id: number): Promise<CustomerListRow | null> {
  const rows = await customerListRows(db).where('c.id', '=', id).execute()
  return rows[0] ? { ...rows[0], responses: Number(rows[0].responses) } : null
}

/** These customers' rows (those still stored), in one query: the at-risk list's page. */
export async function customerRowsByIds(db: Kysely<DB>, ids: readonly number[]): Promise<Map<number, CustomerListRow>> {
  if (!ids.length) return new Map()
  const rows = await customerListRows(db)
    .where(sql<SqlBool>`c.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`)
    .execute()
  return new Map(rows.map((r) => [r.id, { ...r, responses: Number(r.responses) }]))
}

/** A customer's responses across channels, newest first. */
export async function customerTimeline(db: Kysely<DB>, customerId: number, limit: number): Promise<Array<Omit<TimelineItem, 'band'> & { band: -1 | 0 | 1 | null }>> {
  return db
    .selectFrom('responses as r')
    .leftJoin('questions as q', 'q.id', 'r.question_id')
    .select([
      'r.id',
      'r.submitted_at as submittedAt',
      'r.channel',
      'r.touchpoint',
      'q.metric',
      'r.score',
      'q.scale_min as scaleMin',
      'q.scale_max as scaleMax',
      'r.band',
      'r.comment',
      'r.status',
      'r.owner',
      'r.resolved_at as resolvedAt',
    ])
    .where('r.customer_id', '=', customerId)
    .orderBy('r.submitted_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute()
}

export async function customerNotes(db: Kysely<DB>, customerId: number): Promise<CustomerNote[]> {
  const notes = await db
    .selectFrom('customer_notes')
    .select(['id', 'author', 'body', 'created_at as createdAt', sql<'note'>`'note'`.as('kind')])
    .where('customer_id', '=', customerId)
    .execute()
  const actions = await db
    .selectFrom('customer_actions')
    .select(['id', 'actor as author', 'body', 'created_at as createdAt', sql<'winback'>`'winback'`.as('kind')])
    .where('customer_id', '=', customerId)
    .execute()
  return [...notes, ...actions].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id)
}

export async function insertCustomerNote(db: Kysely<DB>, customerId: number, note: { body: string; author: string | null; kind: 'note' | 'winback' }, now: number): Promise<number> {
  const r =
    note.kind === 'winback'
      ? await db.insertInto('customer_actions').values({ customer_id: customerId, kind: 'winback', body: note.body, actor: note.author, created_at: now }).executeTakeFirstOrThrow()
      : await db.insertInto('customer_notes').values({ customer_id: customerId, body: note.body, author: note.author, created_at: now }).executeTakeFirstOrThrow()
  return Number(r.insertId)
}

export async function customerExists(db: Kysely<DB>, id: number): Promise<boolean> {
  return !!(await db.selectFrom('customers').select('id').where('id', '=', id).executeTakeFirst())
}

/** The customers table's columns for a customer's details as the form gives them. */
export const customerColumnsOf = (c: CustomerInput) => ({
  external_ref: c.ref || null,
  name: c.name || null,
  email: c.email || null,
  phone: c.phone || null,
  segment: c.segment || null,
  location: c.location || null,
  customer_since: c.customerSince,
  churned_at: c.churnedAt,
})

export async function insertCustomer(db: Kysely<DB>, c: CustomerInput, now: number): Promise<number> {
  const r = await db
    .insertInto('customers')
    .values({ ...customerColumnsOf(c), created_at: now, updated_at: now })
    .executeTakeFirstOrThrow()
  return Number(r.insertId)
}

export async function refTaken(db: Kysely<DB>, ref: string, exceptId: number | null): Promise<boolean> {
  let q = db.selectFrom('customers').select('id').where('external_ref', '=', ref)
  if (exceptId !== null) q = q.where('id', '!=', exceptId)
  return !!(await q.executeTakeFirst())
}

import type Database from 'better-sqlite3'
import type { Kysely } from 'kysely'
import type { ContactEntry, ContactRules, SurveyListRequest } from '../../src-shared/api/customerContacts'
import type { CustomerConsentsTable, DB } from '../db/schema'
import { readMeta, writeMeta } from '../db/meta'
import { statement } from '../db/statements'
import type { Sqlite } from '../db/sqlite'

const RULES_KEY = 'customers.contactRules'

/** The workspace's contact rules (JSON), or null when they were never changed. */
export async function storedContactRules(db: Kysely<DB>): Promise<string | null> {
  return (await readMeta(db))[RULES_KEY] ?? null
}

export async function storeContactRules(db: Kysely<DB>, rules: ContactRules): Promise<void> {
  await writeMeta(db, { [RULES_KEY]: JSON.stringify(rules) })
}

const entryColumns = ['id', 'kind', 'purpose', 'channel', 'contacted_at as contactedAt', 'note', 'source', 'actor'] as const

/** A customer's contact log (deleted entries left out), newest first. */
export async function contactEntries(db: Kysely<DB>, customerId: number): Promise<ContactEntry[]> {
  return db
    .selectFrom('customer_contacts')
    .select(entryColumns)
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .orderBy('contacted_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
}

export async function contactEntry(db: Kysely<DB>, id: number): Promise<ContactEntry | null> {
  return (await db.selectFrom('customer_contacts').select(entryColumns).where('id', '=', id).executeTakeFirst()) ?? null
}

export async function insertContact(
  db: Kysely<DB>,
  c: { customerId: number; kind: ContactEntry['kind']; purpose: ContactEntry['purpose']; channel: string | null; contactedAt: number; note: string | null; actor: string | null },
  now: number,
): Promise<number> {
  const r = await db
    .insertInto('customer_contacts')
    .values({ customer_id: c.customerId, kind: c.kind, purpose: c.purpose, channel: c.channel, contacted_at: c.contactedAt, note: c.note, source: 'manual', send_id: null, actor: c.actor, created_at: now, deleted_at: null })
    .executeTakeFirstOrThrow()
  return Number(r.insertId)
}

/** Marks an entry deleted (`at`) or back (null); false when there is no such entry in that state. */
export async function setContactDeleted(db: Kysely<DB>, id: number, at: number | null): Promise<boolean> {
  const r = await db
    .updateTable('customer_contacts')
    .set({ deleted_at: at })
    .where('id', '=', id)
    .where('deleted_at', at === null ? 'is not' : 'is', null)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) > 0
}

/** Local dates and kinds of a customer's contacts (entries and responses) from `sinceMs` on. */
export async function contactDatesOf(db: Kysely<DB>, customerId: number, sinceMs: number, sinceDate: string) {
  const entries = await db
    .selectFrom('customer_contacts')
    .select(['kind', 'contacted_at as at'])
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .where('contacted_at', '>=', sinceMs)
    .execute()
  const responses = await db.selectFrom('responses').select('local_date as date').where('customer_id', '=', customerId).where('local_date', '>=', sinceDate).execute()
  return { entries, responseDates: responses.map((r) => r.date) }
}

export type ConsentRow = Pick<CustomerConsentsTable, 'purpose' | 'state' | 'at' | 'source'>

export async function consentRows(db: Kysely<DB>, customerId: number): Promise<ConsentRow[]> {
  return db.selectFrom('customer_consents').select(['purpose', 'state', 'at', 'source']).where('customer_id', '=', customerId).execute()
}

/** Consent given on the shop's survey page by someone with this e-mail: the latest tick, and the days they answered from `sinceMs` on. */
export async function kioskConsentOf(db: Kysely<DB>, email: string | null, sinceMs: number): Promise<{ at: number | null; answeredAt: number[] }> {
  if (!email?.trim()) return { at: null, answeredAt: [] }
  const rows = await db
    .selectFrom('survey_answers')
    .select(['consent_at', 'received_at'])
    .where('consent', '=', 1)
    .where('contact_email', '=', email.trim().toLowerCase())
    .execute()
  let at: number | null = null
  for (const r of rows) {
    const t = r.consent_at ?? r.received_at
    if (at === null || t > at) at = t
  }
  return { at, answeredAt: rows.filter((r) => r.received_at >= sinceMs).map((r) => r.received_at) }
}

export async function putConsent(db: Kysely<DB>, customerId: number, c: { purpose: 'feedback' | 'marketing'; state: 'given' | 'withdrawn'; at: number; source: 'manual' | 'crm' | 'kiosk' }, now: number): Promise<void> {
  const dates = c.state === 'given' ? { given_at: c.at } : { withdrawn_at: c.at }
  await db
    .insertInto('customer_consents')
    .values({ customer_id: customerId, purpose: c.purpose, state: c.state, at: c.at, source: c.source, given_at: null, withdrawn_at: null, ...dates, updated_at: now })
    .onConflict((oc) => oc.columns(['customer_id', 'purpose']).doUpdateSet({ state: c.state, at: c.at, source: c.source, ...dates, updated_at: now }))
    .execute()
}

export async function removeConsent(db: Kysely<DB>, customerId: number, purpose: 'feedback' | 'marketing'): Promise<void> {
  await db.deleteFrom('customer_consents').where('customer_id', '=', customerId).where('purpose', '=', purpose).execute()
}

/** A customer's win-back actions, and the facts that say what followed: when they left, and their responses' times. */
export async function winbackFacts(db: Kysely<DB>, customerId: number) {
  const actions = await db.selectFrom('customer_actions').select(['id', 'body', 'created_at as at']).where('customer_id', '=', customerId).where('kind', '=', 'winback').orderBy('created_at').execute()
  if (!actions.length) return { actions, churnedAt: null, responses: [] as Array<{ at: number; date: string }> }
  const customer = await db.selectFrom('customers').select('churned_at').where('id', '=', customerId).executeTakeFirst()
  const responses = await db
    .selectFrom('responses')
    .select(['submitted_at as at', 'local_date as date'])
    .where('customer_id', '=', customerId)
    .where('submitted_at', '>=', actions[0].at)
    .orderBy('submitted_at')
    .execute()
  return { actions, churnedAt: customer?.churned_at ?? null, responses }
}

/** The survey list's filter of customers: a segment and a location, each optional. */
type ListFilter = Pick<SurveyListRequest, 'segment' | 'location'>

function filterSql(req: ListFilter) {
  const where = [req.segment ? 'segment = @segment' : null, req.location ? 'location = @location' : null].filter(Boolean)
  return {
    where: where.length ? ` WHERE ${where.join(' AND ')}` : '',
    params: { ...(req.segment ? { segment: req.segment } : {}), ...(req.location ? { location: req.location } : {}) },
  }
}

/** One customer as the survey list decides on them: [id, email, phone, churned_at]. */
export type SurveyListCustomer = [id: number, email: string | null, phone: string | null, churnedAt: string | null]

/**
 * Every customer of the segment and location, in no particular order (a plain pass over the table:
 * 125,000 rows at the benchmark's scale, no index lookups), with what the rules ask of them. Raw
 * better-sqlite3 on a measured path: rows come as arrays.
 */
export function surveyListCustomers(sqlite: Sqlite, req: ListFilter): SurveyListCustomer[] {
  const f = filterSql(req)
  return statement(sqlite, `SELECT id, email, phone, churned_at FROM customers${f.where}`, 'raw').all(f.params) as SurveyListCustomer[]
}

/** One row of the list as shown and written: [id, external_ref, name, email, phone, segment, location]. */
export type SurveyListEntry = [id: number, ref: string | null, name: string | null, email: string | null, phone: string | null, segment: string | null, location: string | null]

/**
 * The same customers in the list's order (name, then id; through customers_sort, or the segment's or
 * location's sort index), one at a time: a preview stops after its first rows. Break out of the loop
 * (or finish it) before the next call: the statement is shared.
 */
export function surveyListInOrder(sqlite: Sqlite, req: ListFilter): IterableIterator<SurveyListEntry> {
  const f = filterSql(req)
  return statement(sqlite, `SELECT id, external_ref, name, email, phone, segment, location FROM customers${f.where} ORDER BY ifnull(name, ''), id`, 'raw').iterate(f.params) as IterableIterator<SurveyListEntry>
}

/** The highest customer id (0 without customers): the size of the per-customer tallies. */
export function maxCustomerId(sqlite: Sqlite): number {
  return statement(sqlite, 'SELECT coalesce(max(id), 0) FROM customers', 'pluck').get() as number
}

/** Stored consent for feedback surveys (few rows: most customers have none): [customer_id, state, at]. */
export function feedbackConsents(sqlite: Sqlite): Array<[number, 'given' | 'withdrawn', number]> {
  return statement(sqlite, `SELECT customer_id, state, at FROM customer_consents WHERE purpose = 'feedback'`, 'raw').all() as Array<[number, 'given' | 'withdrawn', number]>
}

/** The kiosk's consented answers by e-mail: [contact_email, consent_at, received_at] (the latest consent, and every answer's time from `sinceMs` on, are worked out from them). */
export function kioskConsents(sqlite: Sqlite): Array<[string, number | null, number]> {
  return statement(sqlite, 'SELECT contact_email, consent_at, received_at FROM survey_answers WHERE consent = 1 AND contact_email IS NOT NULL', 'raw').all() as Array<[string, number | null, number]>
}

/**
 * Customer and local date of every response dated `sinceDate` or later: [customer_id, local_date].
 * Read from the covering index responses_newest (2026-12-11-survey-list-covering) as a range on
 * submitted_at from `fromMs` — which must lie before `sinceDate` began in the workspace's zone — with
 * local_date tested exactly; no table row is read. (`+customer_id`: that test is no index's range.)
 */
export function recentResponseDays(sqlite: Sqlite, fromMs: number, sinceDate: string): Array<[number, string]> {
  return statement(sqlite, 'SELECT customer_id, local_date FROM responses WHERE submitted_at >= ? AND local_date >= ? AND +customer_id IS NOT NULL', 'raw').all(fromMs, sinceDate) as Array<[number, string]>
}

/** Every contact entry (deleted ones left out) from `sinceMs` on: [customer_id, kind, contacted_at]. */
export function recentContactEntries(sqlite: Sqlite, sinceMs: number): Array<[number, ContactEntry['kind'], number]> {
  return statement(sqlite, 'SELECT customer_id, kind, contacted_at FROM customer_contacts WHERE deleted_at IS NULL AND contacted_at >= ?', 'raw').all(sinceMs) as Array<[number, ContactEntry['kind'], number]>
}

/**
 * Records a confirmed send: one survey contact per customer, under one send that undo takes back
 * whole. With `exportToken`, in the same transaction, that exported list is marked sent (its ids let
 * go); null, and nothing recorded, when its send was recorded already.
 */
export async function recordSend(db: Kysely<DB>, send: { channel: string; filter: string; actor: string | null; customerIds: number[]; exportToken?: string }, now: number): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    if (send.exportToken !== undefined) {
      const open = await trx.selectFrom('survey_list_exports').select('token').where('token', '=', send.exportToken).where('send_id', 'is', null).executeTakeFirst()
      if (!open) return null
    }
    const r = await trx.insertInto('contact_sends').values({ channel: send.channel, filter: send.filter, recorded: send.customerIds.length, actor: send.actor, created_at: now, undone_at: null }).executeTakeFirstOrThrow()
    const sendId = Number(r.insertId)
    for (let i = 0; i < send.customerIds.length; i += 500) {
      const values = send.customerIds.slice(i, i + 500).map((customerId) => ({
        customer_id: customerId,
        kind: 'survey' as const,
        purpose: 'feedback' as const,
        channel: send.channel,
        contacted_at: now,
        note: null,
        source: 'survey_list' as const,
        send_id: sendId,
        actor: send.actor,
        created_at: now,
        deleted_at: null,
      }))
      await trx.insertInto('customer_contacts').values(values).execute()
    }
    if (send.exportToken !== undefined) await trx.updateTable('survey_list_exports').set({ send_id: sendId, customer_ids: null }).where('token', '=', send.exportToken).execute()
    return sendId
  })
}

/** Takes a send's contacts back; 'not_found' or 'undone' when there is nothing to take back. */
export async function undoSend(db: Kysely<DB>, sendId: number, now: number): Promise<number | 'not_found' | 'undone'> {
  return db.transaction().execute(async (trx) => {
    const send = await trx.selectFrom('contact_sends').select(['id', 'undone_at']).where('id', '=', sendId).executeTakeFirst()
    if (!send) return 'not_found' as const
    if (send.undone_at !== null) return 'undone' as const
    const r = await trx.deleteFrom('customer_contacts').where('send_id', '=', sendId).executeTakeFirst()
    await trx.updateTable('contact_sends').set({ undone_at: now }).where('id', '=', sendId).execute()
    return Number(r.numDeletedRows)
  })
}

export async function customerEmailOf(db: Kysely<DB>, id: number): Promise<{ email: string | null } | null> {
  return (await db.selectFrom('customers').select('email').where('id', '=', id).executeTakeFirst()) ?? null
}

/**
 * Consent from a CRM's columns, written during a customers import (raw statement, prepared once, run
 * per row). Stored with source `crm`; the later entry says: a CRM value dated before the stored one
 * (set by hand, or an earlier import) is ignored, and the same state again changes nothing (its
 * original date is kept, so re-importing a file does not move consent dates).
 */
export function crmConsentWriter(sqlite: Database.Database, now: number): (customerId: number, purpose: 'feedback' | 'marketing', state: 'given' | 'withdrawn', at: number) => boolean {
  const put = sqlite.prepare(`INSERT INTO customer_consents (customer_id, purpose, state, at, source, given_at, withdrawn_at, updated_at)
      VALUES (@customerId, @purpose, @state, @at, 'crm', CASE WHEN @state = 'given' THEN @at END, CASE WHEN @state = 'withdrawn' THEN @at END, @now)
    ON CONFLICT (customer_id, purpose) DO UPDATE SET state = excluded.state, at = excluded.at, source = 'crm',
      given_at = coalesce(excluded.given_at, customer_consents.given_at), withdrawn_at = coalesce(excluded.withdrawn_at, customer_consents.withdrawn_at), updated_at = excluded.updated_at
    WHERE excluded.at >= customer_consents.at AND excluded.state <> customer_consents.state`)
  return (customerId, purpose, state, at) => put.run({ customerId, purpose, state, at, now }).changes > 0
}

/** Which of these customers still exist, and existed at `createdBy` (in the order given): an id freed by an erasure and given to a newer customer is not the one a list named. */
export async function existingCustomerIds(db: Kysely<DB>, ids: number[], createdBy: number): Promise<number[]> {
  const found = new Set<number>()
  for (let i = 0; i < ids.length; i += 500)
    for (const r of await db.selectFrom('customers').select('id').where('id', 'in', ids.slice(i, i + 500)).where('created_at', '<=', createdBy).execute()) found.add(r.id)
  return ids.filter((id) => found.has(id))
}

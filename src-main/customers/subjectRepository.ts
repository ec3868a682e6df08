import { sql, type Kysely } from 'kysely'
import type { DB } from '../db/schema'

/**
 * What a subject-access export reads (customers/subjectAccessService.ts): one person's records in
 * every table that holds them. Read-only; Kysely throughout (one person: a few hundred rows at most).
 */

const likeOf = (text: string) => `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`

export async function subjectCustomer(db: Kysely<DB>, id: number) {
  return db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst()
}

const candidateColumns = (db: Kysely<DB>) =>
  db
    .selectFrom('customers as c')
    .select(['c.id', 'c.external_ref as ref', 'c.name', 'c.email', 'c.phone', 'c.location', sql<number>`(SELECT count(*) FROM responses r WHERE r.customer_id = c.id)`.as('responses')])

/** Candidates for a request: by id, reference, or e-mail (any case), with their response counts. */
export async function subjectCandidates(db: Kysely<DB>, q: { id: number | null; text: string; email: string | null }) {
  const base = candidateColumns(db)
  const byId = q.id !== null ? await base.where('c.id', '=', q.id).execute() : []
  const byRef = await base.where('c.external_ref', '=', q.text).execute()
  const byEmail = q.email ? await base.where(sql`lower(c.email)`, '=', q.email).execute() : []
  return { byId, byRef, byEmail }
}

/**
 * Every customer's name: the caller compares them as people write them (any case, any spacing, in
 * Unicode — SQLite's lower() folds ASCII only, so "NGUYỄN" would not meet "Nguyễn" in SQL). Read
 * once per request for access, a rare act.
 */
export async function customerNames(db: Kysely<DB>) {
  return db.selectFrom('customers').select(['id', 'name']).where('name', 'is not', null).orderBy('id').execute()
}

export async function candidatesByIds(db: Kysely<DB>, ids: number[]) {
  if (!ids.length) return []
  return candidateColumns(db).where('c.id', 'in', ids).orderBy('c.id').execute()
}

/** Every customer with a phone: the caller compares numbers written differently (+84 912… and 0912…). */
export async function customersWithPhone(db: Kysely<DB>) {
  return db
    .selectFrom('customers as c')
    .select(['c.id', 'c.external_ref as ref', 'c.name', 'c.email', 'c.phone', 'c.location', sql<number>`(SELECT count(*) FROM responses r WHERE r.customer_id = c.id)`.as('responses')])
    .where('c.phone', 'is not', null)
    .execute()
}

/** Their responses: linked to their record, or carrying one of their e-mails (any case) as the respondent's without being linked to anyone. */
export async function subjectResponses(db: Kysely<DB>, customerId: number, emails: string[]) {
  return db
    .selectFrom('responses as r')
    .leftJoin('questions as q', 'q.id', 'r.question_id')
    .select([
      'r.id',
      'r.customer_id as customerId',
      'r.submitted_at as submittedAt',
      'r.channel',
      'r.touchpoint',
      'r.stage',
      'r.location',
      'r.language',
      'q.metric',
      'q.label as question',
      'r.score',
      'q.scale_min as scaleMin',
      'q.scale_max as scaleMax',
      'r.comment',
      'r.respondent_email as respondentEmail',
      'r.band',
      'r.status',
      'r.owner',
      'r.status_changed_at as statusChangedAt',
      'r.status_changed_by as statusChangedBy',
      'r.resolved_at as resolvedAt',
    ])
    .where((eb) =>
      emails.length
        ? eb.or([eb('r.customer_id', '=', customerId), eb.and([eb('r.customer_id', 'is', null), eb(sql`lower(r.respondent_email)`, 'in', emails.map((e) => e.toLowerCase()))])])
        : eb('r.customer_id', '=', customerId),
    )
    .orderBy('r.submitted_at')
    .orderBy('r.id')
    .execute()
}

export async function responseTags(db: Kysely<DB>, responseIds: number[]) {
  if (!responseIds.length) return []
  return db.selectFrom('response_tags as rt').innerJoin('tags as t', 't.id', 'rt.tag_id').select(['rt.response_id as responseId', 't.name']).where('rt.response_id', 'in', responseIds).orderBy('t.name').execute()
}

export async function responseNotes(db: Kysely<DB>, responseIds: number[]) {
  if (!responseIds.length) return []
  return db.selectFrom('notes').select(['response_id as responseId', 'author', 'body', 'created_at as createdAt']).where('response_id', 'in', responseIds).orderBy('created_at').orderBy('id').execute()
}

export async function responseEvents(db: Kysely<DB>, responseIds: number[]) {
  if (!responseIds.length) return []
  return db.selectFrom('response_events').select(['response_id as responseId', 'kind', 'value', 'actor', 'at']).where('response_id', 'in', responseIds).orderBy('at').orderBy('id').execute()
}

export async function subjectCustomerNotes(db: Kysely<DB>, customerId: number) {
  const notes = await db.selectFrom('customer_notes').select(['author', 'body', 'created_at as createdAt', sql<'note'>`'note'`.as('kind')]).where('customer_id', '=', customerId).execute()
  const actions = await db
    .selectFrom('customer_actions')
    .select(['actor as author', 'body', 'created_at as createdAt', sql<'winback'>`'winback'`.as('kind')])
    .where('customer_id', '=', customerId)
    .execute()
  return [...notes, ...actions].sort((a, b) => a.createdAt - b.createdAt)
}

/**
 * Notes attached to other people's responses or records whose text contains one of `needles` (their
 * name, e-mail, phone as written): a note that names them is data about them too.
 */
export async function notesNaming(db: Kysely<DB>, needles: string[], customerId: number, ownResponseIds: number[]) {
  if (!needles.length) return { onResponses: [], onCustomers: [] }
  const any = (col: 'n.body') => sql<boolean>`(${sql.join(needles.map((n) => sql`${sql.ref(col)} LIKE ${likeOf(n)} ESCAPE '\\'`), sql` OR `)})`
  let onResponses = db.selectFrom('notes as n').select(['n.response_id as onId', 'n.author', 'n.body', 'n.created_at as createdAt']).where(any('n.body'))
  if (ownResponseIds.length) onResponses = onResponses.where('n.response_id', 'not in', ownResponseIds)
  const onCustomers = db
    .selectFrom('customer_notes as n')
    .select(['n.customer_id as onId', 'n.author', 'n.body', 'n.created_at as createdAt'])
    .where(any('n.body'))
    .where('n.customer_id', '!=', customerId)
  return { onResponses: await onResponses.orderBy('n.created_at').execute(), onCustomers: await onCustomers.orderBy('n.created_at').execute() }
}

export async function subjectMerges(db: Kysely<DB>, customerId: number) {
  return db
    .selectFrom('customer_merges')
    .select(['id', 'kept_id as keptId', 'merged_id as mergedId', 'merged_row as mergedRow', 'actor', 'created_at as createdAt', 'undone_at as undoneAt'])
    .where((eb) => eb.or([eb('kept_id', '=', customerId), eb('merged_id', '=', customerId)]))
    .orderBy('created_at')
    .execute()
}

export async function subjectRectifications(db: Kysely<DB>, customerId: number) {
  return db
    .selectFrom('customer_rectifications')
    .select(['field', 'old_value as oldValue', 'new_value as newValue', 'reason', 'actor', 'changed_at as changedAt'])
    .where('customer_id', '=', customerId)
    .orderBy('changed_at')
    .orderBy('id')
    .execute()
}

/** Every phone written as a contact in a shop answer, as written (the caller compares them by key). */
export async function surveyContactPhones(db: Kysely<DB>): Promise<string[]> {
  const rows = await db.selectFrom('survey_answers').select('contact_phone').distinct().where('contact_phone', 'is not', null).execute()
  return rows.map((r) => r.contact_phone).filter((p): p is string => p !== null)
}

/** Answers collected in the shop: on their responses, or giving one of their e-mails or phones (as written) as the contact. */
export async function subjectSurveyAnswers(db: Kysely<DB>, responseIds: number[], emails: string[], phones: string[]) {
  return db
    .selectFrom('survey_answers as a')
    .innerJoin('surveys as s', 's.id', 'a.survey_id')
    .select([
      'a.response_id as responseId',
      's.name as survey',
      'a.language',
      'a.contact_name as contactName',
      'a.contact_email as contactEmail',
      'a.contact_phone as contactPhone',
      'a.consent',
      'a.consent_at as consentAt',
      'a.received_at as receivedAt',
    ])
    .where((eb) => {
      const parts = []
      if (responseIds.length) parts.push(eb('a.response_id', 'in', responseIds))
      if (emails.length) parts.push(eb(sql`lower(a.contact_email)`, 'in', emails.map((e) => e.toLowerCase())))
      if (phones.length) parts.push(eb('a.contact_phone', 'in', phones))
      return parts.length ? eb.or(parts) : sql<boolean>`0`
    })
    .orderBy('a.received_at')
    .execute()
}

import { randomBytes } from 'node:crypto'
import type { Sqlite } from '../db/sqlite'
import { build, rowsOf, runOf } from '../db/syncQuery'
import { statement } from '../db/statements'

/**
 * Erasure as a list of steps, one per table that holds a person's data (issue 17). Each step takes
 * the target (the customers and the responses found for the person) and the mode, and returns how
 * many rows it touched. The service runs them in order inside one transaction, then cleans the file
 * (fileHygieneRepository.ts).
 *
 * A table added later that is keyed by customer id (a contact log, consent history) slots in with
 * one line in CUSTOMER_KEYED_TABLES; a table of free text where someone may have typed an e-mail or
 * a phone number, with one line in REDACTED_TEXT_COLUMNS. Anything else gets a step of its own here.
 *
 * Kysely builds the statements (db/syncQuery.ts), run at once inside better-sqlite3's synchronous
 * transaction; the full-text index and generic per-table steps use raw SQL (feedback_fts is a
 * virtual table the schema does not describe, and the table lists name their own tables).
 */

export type ErasureMode = 'delete' | 'anonymise'

export interface ErasureTarget {
  customerIds: number[]
  responseIds: number[]
  /** E-mails and phone numbers as stored: redacted where they were typed into free text elsewhere. */
  redact: string[]
  /** Retention keeps the rows' dedup keys and source ids (a re-import then finds them and adds nothing back); erasure replaces them. */
  keepKeys: boolean
  now: number
}

export interface ErasureStep {
  /** The table (or part) the step cleans, as counted in the result and the audit log. */
  name: string
  run(sqlite: Sqlite, target: ErasureTarget, mode: ErasureMode): number
}

/** Tables of rows about one customer, keyed by customer_id: deleted with them. One line per table. */
export const CUSTOMER_KEYED_TABLES: ReadonlyArray<{ table: string; column: string }> = [
  { table: 'customer_notes', column: 'customer_id' },
  { table: 'customer_actions', column: 'customer_id' },
  // Old and new values of corrected details (customers/rectificationRepository.ts).
  { table: 'customer_rectifications', column: 'customer_id' },
  // The contact log (with its notes) and consent per purpose (customers/contactRepository.ts).
  { table: 'customer_contacts', column: 'customer_id' },
  { table: 'customer_consents', column: 'customer_id' },
]

/** Free text where a person's e-mail or phone may have been typed: redacted to "[erased]". One line per column. */
export const REDACTED_TEXT_COLUMNS: ReadonlyArray<{ table: string; column: string }> = [
  { table: 'notes', column: 'body' },
  { table: 'customer_notes', column: 'body' },
  { table: 'response_events', column: 'value' },
  { table: 'saved_views', column: 'query' },
  { table: 'report_templates', column: 'options' },
  { table: 'import_mappings', column: 'mapping' },
  { table: 'imports', column: 'mapping' },
  { table: 'imports', column: 'file_name' },
]

const CHUNK = 500
/** Runs `work` over the ids 500 at a time (SQLite's bound-parameter limit), summing what it returns. */
function perChunk(ids: number[], work: (chunk: number[]) => number): number {
  let n = 0
  for (let i = 0; i < ids.length; i += CHUNK) n += work(ids.slice(i, i + CHUNK))
  return n
}

const tableExists = (sqlite: Sqlite, table: string) => statement(sqlite, `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table) !== undefined
const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`

export const ERASED_TEXT = '[erased]'

/** The steps, in the order they run: children before the responses, the responses before the customers. */
export const erasureSteps: ErasureStep[] = [
  {
    // Notes on their responses are about them: gone in both modes.
    name: 'notes',
    run: (sqlite, t) => perChunk(t.responseIds, (c) => runOf(sqlite, build.deleteFrom('notes').where('response_id', 'in', c)).changes),
  },
  {
    // The activity history: all of it with the response; a note's text (kind 'note') when anonymising.
    name: 'response_events',
    run: (sqlite, t, mode) =>
      perChunk(t.responseIds, (c) => {
        let q = build.deleteFrom('response_events').where('response_id', 'in', c)
        if (mode === 'anonymise') q = q.where('kind', '=', 'note')
        return runOf(sqlite, q).changes
      }),
  },
  {
    // What the kiosk collected beside each response: contact details, the device's client id.
    name: 'survey_answers',
    run: (sqlite, t, mode) =>
      perChunk(t.responseIds, (c) =>
        mode === 'delete'
          ? runOf(sqlite, build.deleteFrom('survey_answers').where('response_id', 'in', c)).changes
          : c.reduce(
              (n, id) =>
                n +
                runOf(
                  sqlite,
                  build
                    .updateTable('survey_answers')
                    .set({ contact_name: null, contact_email: null, contact_phone: null, consent: 0, consent_at: null, client_id: `anon-${randomBytes(12).toString('hex')}` })
                    .where('response_id', '=', id),
                ).changes,
              0,
            ),
      ),
  },
  {
    // The full-text index holds the comment's words: an anonymised row's entry goes (a deleted row's
    // goes by the responses_fts_delete trigger). The words stay in the index's segments until it is
    // optimised, which the file's clean-up does (fileHygieneRepository.ts).
    name: 'feedback_fts',
    run: (sqlite, t, mode) => {
      if (mode === 'delete') return 0
      return perChunk(t.responseIds, (c) => {
        const withText = rowsOf(sqlite, build.selectFrom('responses').select('id').where('id', 'in', c).where('comment', 'is not', null))
        const del = statement(sqlite, 'DELETE FROM feedback_fts WHERE rowid = ?')
        for (const r of withText) del.run(r.id)
        return withText.length
      })
    },
  },
  {
    // Deleted, or kept for the figures without anything that leads back to the person: no comment,
    // no e-mail, no customer; the dedup key random (a re-import is stopped by the tombstones instead).
    // The rollup triggers move or remove the counts (a row leaving its customer leaves their segment).
    name: 'responses',
    run: (sqlite, t, mode) =>
      perChunk(t.responseIds, (c) => {
        if (mode === 'delete') return runOf(sqlite, build.deleteFrom('responses').where('id', 'in', c)).changes
        if (t.keepKeys)
          return runOf(sqlite, build.updateTable('responses').set({ comment: null, respondent_email: null, customer_id: null, updated_at: t.now }).where('id', 'in', c)).changes
        const update = statement(sqlite, 'UPDATE responses SET comment = NULL, respondent_email = NULL, customer_id = NULL, external_ref = NULL, dedup_key = ?, updated_at = ? WHERE id = ?')
        let n = 0
        for (const id of c) n += update.run(`anon:${randomBytes(16).toString('base64url')}`, t.now, id).changes
        return n
      }),
  },
  {
    // A merge's record holds both customers' rows as they were (for its undo).
    name: 'customer_merges',
    run: (sqlite, t) =>
      perChunk(t.customerIds, (c) => runOf(sqlite, build.deleteFrom('customer_merges').where((eb) => eb.or([eb('kept_id', 'in', c), eb('merged_id', 'in', c)]))).changes),
  },
  ...CUSTOMER_KEYED_TABLES.map(
    ({ table, column }): ErasureStep => ({
      name: table,
      run: (sqlite, t) => {
        if (!t.customerIds.length || !tableExists(sqlite, table)) return 0
        return perChunk(t.customerIds, (c) => statement(sqlite, `DELETE FROM ${quoted(table)} WHERE ${quoted(column)} IN (${c.map(() => '?').join(', ')})`).run(...c).changes)
      },
    }),
  ),
  {
    name: 'customers',
    run: (sqlite, t) => perChunk(t.customerIds, (c) => runOf(sqlite, build.deleteFrom('customers').where('id', 'in', c)).changes),
  },
  {
    // An e-mail or phone typed elsewhere (a note on someone else's response, a saved search, a report's title).
    name: 'redacted_text',
    run: (sqlite, t) => {
      const needles = [...new Set(t.redact.map((s) => s.trim()).filter((s) => s.length >= 5))]
      if (!needles.length) return 0
      let n = 0
      for (const { table, column } of REDACTED_TEXT_COLUMNS) {
        if (!tableExists(sqlite, table)) continue
        const where = needles.map(() => `instr(lower(${quoted(column)}), ?) > 0`).join(' OR ')
        const rows = statement(sqlite, `SELECT rowid AS k, ${quoted(column)} AS v FROM ${quoted(table)} WHERE ${where}`).all(...needles.map((s) => s.toLowerCase())) as Array<{ k: number; v: string }>
        const put = statement(sqlite, `UPDATE ${quoted(table)} SET ${quoted(column)} = ? WHERE rowid = ?`)
        for (const r of rows) {
          let v = r.v
          for (const s of needles) v = v.replace(new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), ERASED_TEXT)
          n += put.run(v, r.k).changes
        }
      }
      return n
    },
  },
]

/** Runs every step; the rows each touched, by step name. */
export function runErasureSteps(sqlite: Sqlite, target: ErasureTarget, mode: ErasureMode): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const step of erasureSteps) counts[step.name] = (counts[step.name] ?? 0) + step.run(sqlite, target, mode)
  return counts
}

// Finding a person.

export interface IdentityRow {
  id: number
  name: string | null
  email: string | null
  phone: string | null
  external_ref: string | null
}

export function customerIdentities(sqlite: Sqlite): IdentityRow[] {
  return rowsOf(sqlite, build.selectFrom('customers').select(['id', 'name', 'email', 'phone', 'external_ref']))
}

export function customerIdentity(sqlite: Sqlite, id: number): IdentityRow | undefined {
  return rowsOf(sqlite, build.selectFrom('customers').select(['id', 'name', 'email', 'phone', 'external_ref']).where('id', '=', id))[0]
}

/** Responses of these customers, and rows linked to no customer that carry one of these e-mails. */
export function responsesOf(sqlite: Sqlite, customerIds: number[], emails: string[]): Array<{ id: number; dedup_key: string }> {
  const out = new Map<number, string>()
  perChunk(customerIds, (c) => {
    for (const r of rowsOf(sqlite, build.selectFrom('responses').select(['id', 'dedup_key']).where('customer_id', 'in', c))) out.set(r.id, r.dedup_key)
    return 0
  })
  if (emails.length) {
    const lower = emails.map((e) => e.toLowerCase())
    const unlinked = statement(
      sqlite,
      `SELECT id, dedup_key FROM responses WHERE customer_id IS NULL AND respondent_email IS NOT NULL AND lower(respondent_email) IN (${lower.map(() => '?').join(', ')})`,
    ).all(...lower) as Array<{ id: number; dedup_key: string }>
    for (const r of unlinked) out.set(r.id, r.dedup_key)
  }
  return [...out].map(([id, dedup_key]) => ({ id, dedup_key }))
}

/** The kiosk's answers with contact details: matched to the person by e-mail or phone in the service. */
export function surveyContacts(sqlite: Sqlite): Array<{ response_id: number; contact_email: string | null; contact_phone: string | null; dedup_key: string }> {
  return rowsOf(
    sqlite,
    build
      .selectFrom('survey_answers as a')
      .innerJoin('responses as r', 'r.id', 'a.response_id')
      .select(['a.response_id', 'a.contact_email', 'a.contact_phone', 'r.dedup_key'])
      .where((eb) => eb.or([eb('a.contact_email', 'is not', null), eb('a.contact_phone', 'is not', null)])),
  )
}

/** How many comments and notes these responses carry (for the preview). */
export function responseContentCounts(sqlite: Sqlite, ids: number[]): { comments: number; notes: number } {
  let comments = 0
  let notes = 0
  perChunk(ids, (c) => {
    comments += Number(rowsOf(sqlite, build.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).where('id', 'in', c).where('comment', 'is not', null))[0]?.n ?? 0)
    notes += Number(rowsOf(sqlite, build.selectFrom('notes').select((eb) => eb.fn.countAll<number>().as('n')).where('response_id', 'in', c))[0]?.n ?? 0)
    return 0
  })
  return { comments, notes }
}

// Retention: responses older than a cutoff that still hold personal data.

/** Responses of local days before `before` (YYYY-MM-DD, the workspace's zone) that still carry a comment, an e-mail, a customer, notes or kiosk contact details. */
export function responsesHoldingPersonalData(sqlite: Sqlite, before: string): number[] {
  return (
    statement(
      sqlite,
      `SELECT r.id FROM responses r WHERE r.local_date < ? AND (
         r.comment IS NOT NULL OR r.respondent_email IS NOT NULL OR r.customer_id IS NOT NULL
         OR EXISTS (SELECT 1 FROM notes n WHERE n.response_id = r.id)
         OR EXISTS (SELECT 1 FROM response_events e WHERE e.response_id = r.id AND e.kind = 'note')
         OR EXISTS (SELECT 1 FROM survey_answers a WHERE a.response_id = r.id AND (a.contact_email IS NOT NULL OR a.contact_phone IS NOT NULL OR a.contact_name IS NOT NULL)))
       ORDER BY r.id`,
      'pluck',
    ).all(before) as number[]
  )
}

export function contactCounts(sqlite: Sqlite, ids: number[]): number {
  return perChunk(ids, (c) =>
    Number(
      rowsOf(
        sqlite,
        build
          .selectFrom('survey_answers')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('response_id', 'in', c)
          .where((eb) => eb.or([eb('contact_email', 'is not', null), eb('contact_phone', 'is not', null), eb('contact_name', 'is not', null)])),
      )[0]?.n ?? 0,
    ),
  )
}

// The summaries' dimension values.

const VALUE_DIMS = ['channel', 'touchpoint', 'stage', 'location', 'language', 'segment', 'owner'] as const
const RESPONSE_VALUE_DIMS = ['channel', 'touchpoint', 'stage', 'location', 'language', 'owner'] as const

/**
 * Removes dimension values (rollup_values: a location, segment or owner as text) that no response or
 * customer holds any more and no summary row points to: an erased person's segment or a place only
 * their rows named would otherwise stay in the file after the rows themselves are gone. Run after
 * the journal is folded (a value the summaries still count is kept; the next erasure or retention
 * run takes it). Returns how many values went.
 */
export function pruneRollupValues(sqlite: Sqlite): number {
  const used = [
    ...['rollup_day', 'rollup_month'].flatMap((t) => VALUE_DIMS.map((d) => `SELECT ${d} FROM ${t}`)),
    // A slice's group is a value id for the value dimensions (a tag id for tags: kept alike, harmlessly).
    'SELECT grp FROM rollup_slices',
  ].join(' UNION ')
  const held = [...RESPONSE_VALUE_DIMS.map((d) => `SELECT ${d} FROM responses WHERE ${d} IS NOT NULL`), 'SELECT segment FROM customers WHERE segment IS NOT NULL'].join(' UNION ')
  return statement(sqlite, `DELETE FROM rollup_values WHERE id NOT IN (${used}) AND value NOT IN (${held})`).run().changes
}

import type { Kysely, Selectable } from 'kysely'
import type { CustomerConsentsTable, CustomersTable, DB } from '../db/schema'

type ConsentRow = Selectable<CustomerConsentsTable>
/** What a merge did to consents, for undo: the merged customer's entries, and the kept one's entries that a later one of the merged replaced (null: there was none). */
interface ConsentMove {
  merged: ConsentRow[]
  replaced: Array<{ purpose: ConsentRow['purpose']; before: ConsentRow | null }>
}

type CustomerRow = Selectable<CustomersTable>
const facts = ['external_ref', 'name', 'email', 'phone', 'segment', 'location', 'customer_since', 'churned_at'] as const

export type MergeOutcome = { merge: number; movedResponses: number } | 'not_found' | 'same'

/**
 * Merges one customer into another in one transaction: the merged customer's responses, notes and
 * win-back actions move to the kept one, facts the kept one lacks are taken from the merged one, and
 * the merged customer is removed (their rectification log moves too). Everything undoing it needs is recorded (customer_merges). The
 * rollup triggers move the responses' counts with them (a response's customer is a dimension).
 */
export async function mergeCustomers(db: Kysely<DB>, keepId: number, mergeId: number, actor: string | null, now: number): Promise<MergeOutcome> {
  if (keepId === mergeId) return 'same'
  return db.transaction().execute(async (trx) => {
    const kept = await trx.selectFrom('customers').selectAll().where('id', '=', keepId).executeTakeFirst()
    const merged = await trx.selectFrom('customers').selectAll().where('id', '=', mergeId).executeTakeFirst()
    if (!kept || !merged) return 'not_found' as const
    const responses = (await trx.selectFrom('responses').select('id').where('customer_id', '=', mergeId).execute()).map((r) => r.id)
    const notes = (await trx.selectFrom('customer_notes').select('id').where('customer_id', '=', mergeId).execute()).map((r) => r.id)
    const actions = (await trx.selectFrom('customer_actions').select('id').where('customer_id', '=', mergeId).execute()).map((r) => r.id)
    await trx.updateTable('responses').set({ customer_id: keepId }).where('customer_id', '=', mergeId).execute()
    await trx.updateTable('customer_notes').set({ customer_id: keepId }).where('customer_id', '=', mergeId).execute()
    await trx.updateTable('customer_actions').set({ customer_id: keepId }).where('customer_id', '=', mergeId).execute()
    // The contact log moves too; for consent, per purpose, the later entry of the two says (a withdrawal by either person's record is kept).
    const contacts = (await trx.selectFrom('customer_contacts').select('id').where('customer_id', '=', mergeId).execute()).map((r) => r.id)
    await trx.updateTable('customer_contacts').set({ customer_id: keepId }).where('customer_id', '=', mergeId).execute()
    // The rectification log follows the person (deleting the merged customer would cascade it away).
    const rectifications = (await trx.selectFrom('customer_rectifications').select('id').where('customer_id', '=', mergeId).execute()).map((r) => r.id)
    await trx.updateTable('customer_rectifications').set({ customer_id: keepId }).where('customer_id', '=', mergeId).execute()
    const consents: ConsentMove = { merged: await trx.selectFrom('customer_consents').selectAll().where('customer_id', '=', mergeId).execute(), replaced: [] }
    for (const c of consents.merged) {
      const before = (await trx.selectFrom('customer_consents').selectAll().where('customer_id', '=', keepId).where('purpose', '=', c.purpose).executeTakeFirst()) ?? null
      if (before && before.at >= c.at) continue
      consents.replaced.push({ purpose: c.purpose, before })
      await trx.deleteFrom('customer_consents').where('customer_id', '=', keepId).where('purpose', '=', c.purpose).execute()
      await trx.insertInto('customer_consents').values({ ...c, customer_id: keepId }).execute()
    }
    await trx.deleteFrom('customers').where('id', '=', mergeId).execute()
    const fill: Partial<Record<(typeof facts)[number], string | null>> = {}
    for (const k of facts) if (kept[k] === null && merged[k] !== null) fill[k] = merged[k]
    if (Object.keys(fill).length) await trx.updateTable('customers').set({ ...fill, updated_at: now }).where('id', '=', keepId).execute()
    const r = await trx
      .insertInto('customer_merges')
      .values({
        kept_id: keepId,
        merged_id: mergeId,
        merged_row: JSON.stringify(merged),
        kept_row: JSON.stringify(kept),
        moved_responses: JSON.stringify(responses),
        moved_notes: JSON.stringify({ notes, actions, contacts, consents, rectifications }),
        actor,
        created_at: now,
      })
      .executeTakeFirstOrThrow()
    return { merge: Number(r.insertId), movedResponses: responses.length }
  })
}

export type UndoOutcome = { restored: number } | 'not_found' | 'undone' | 'kept_gone'

/**
 * Undoes a merge: the kept customer's facts as they were before it, the merged customer back (with
 * their old id when it is still free), and their responses, notes, actions, contacts and
 * rectification log back to them (those
 * still with the kept customer).
 */
export async function undoMerge(db: Kysely<DB>, mergeRecord: number, now: number): Promise<UndoOutcome> {
  return db.transaction().execute(async (trx) => {
    const m = await trx.selectFrom('customer_merges').selectAll().where('id', '=', mergeRecord).executeTakeFirst()
    if (!m) return 'not_found' as const
    if (m.undone_at !== null) return 'undone' as const
    if (!(await trx.selectFrom('customers').select('id').where('id', '=', m.kept_id).executeTakeFirst())) return 'kept_gone' as const
    const kept = JSON.parse(m.kept_row) as CustomerRow
    const merged = JSON.parse(m.merged_row) as CustomerRow
    const restore = (row: CustomerRow) => Object.fromEntries(facts.map((k) => [k, row[k]])) as Pick<CustomerRow, (typeof facts)[number]>
    await trx
      .updateTable('customers')
      .set({ ...restore(kept), updated_at: now })
      .where('id', '=', m.kept_id)
      .execute()
    const free = !(await trx.selectFrom('customers').select('id').where('id', '=', m.merged_id).executeTakeFirst())
    const ins = await trx
      .insertInto('customers')
      .values({ ...(free ? { id: m.merged_id } : {}), ...restore(merged), created_at: merged.created_at, updated_at: now })
      .executeTakeFirstOrThrow()
    const backTo = Number(ins.insertId)
    const responses = JSON.parse(m.moved_responses) as number[]
    const { notes, actions, contacts = [], consents, rectifications = [] } = JSON.parse(m.moved_notes) as { notes: number[]; actions: number[]; contacts?: number[]; consents?: ConsentMove; rectifications?: number[] }
    let restored = 0
    for (let i = 0; i < responses.length; i += 500) {
      const r = await trx
        .updateTable('responses')
        .set({ customer_id: backTo })
        .where('customer_id', '=', m.kept_id)
        .where('id', 'in', responses.slice(i, i + 500))
        .executeTakeFirst()
      restored += Number(r.numUpdatedRows)
    }
    if (notes.length) await trx.updateTable('customer_notes').set({ customer_id: backTo }).where('customer_id', '=', m.kept_id).where('id', 'in', notes).execute()
    if (actions.length) await trx.updateTable('customer_actions').set({ customer_id: backTo }).where('customer_id', '=', m.kept_id).where('id', 'in', actions).execute()
    if (contacts.length) await trx.updateTable('customer_contacts').set({ customer_id: backTo }).where('customer_id', '=', m.kept_id).where('id', 'in', contacts).execute()
    for (let i = 0; i < rectifications.length; i += 500)
      await trx.updateTable('customer_rectifications').set({ customer_id: backTo }).where('customer_id', '=', m.kept_id).where('id', 'in', rectifications.slice(i, i + 500)).execute()
    for (const r of consents?.replaced ?? []) {
      await trx.deleteFrom('customer_consents').where('customer_id', '=', m.kept_id).where('purpose', '=', r.purpose).execute()
      if (r.before) await trx.insertInto('customer_consents').values(r.before).execute()
    }
    for (const c of consents?.merged ?? []) await trx.insertInto('customer_consents').values({ ...c, customer_id: backTo }).execute()
    await trx.updateTable('customer_merges').set({ undone_at: now }).where('id', '=', mergeRecord).execute()
    return { restored }
  })
}

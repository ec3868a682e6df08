import type { Kysely } from 'kysely'
import type { CustomerInput, Rectification, RectifiableField } from '../../src-shared/api/customers'
import type { DB } from '../db/schema'
import { customerColumnsOf } from './customerProfileRepository'

export interface FieldChange {
  field: RectifiableField
  oldValue: string | null
  newValue: string | null
}

/**
 * Changes a customer's details and logs each changed field (old → new, when, who, why) in the same
 * transaction, so the log cannot miss an edit nor record one that did not happen. False: no such customer.
 */
export async function updateCustomerLogged(
  db: Kysely<DB>,
  id: number,
  c: CustomerInput,
  changes: FieldChange[],
  by: { actor: string | null; reason: string | null },
  now: number,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('customers')
      .set({ ...customerColumnsOf(c), updated_at: now })
      .where('id', '=', id)
      .executeTakeFirst()
    if (Number(r.numUpdatedRows) === 0) return false
    if (changes.length)
      await trx
        .insertInto('customer_rectifications')
        .values(changes.map((ch) => ({ customer_id: id, field: ch.field, old_value: ch.oldValue, new_value: ch.newValue, reason: by.reason, actor: by.actor, changed_at: now })))
        .execute()
    return true
  })
}

/** A customer's rectification log, newest first. */
export async function rectificationsOf(db: Kysely<DB>, customerId: number): Promise<Rectification[]> {
  const rows = await db
    .selectFrom('customer_rectifications')
    .select(['id', 'field', 'old_value as oldValue', 'new_value as newValue', 'reason', 'actor', 'changed_at as changedAt'])
    .where('customer_id', '=', customerId)
    .orderBy('changed_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  return rows.map((r) => ({ ...r, field: r.field as RectifiableField }))
}

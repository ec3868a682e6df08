import type { Kysely } from 'kysely'
import type { ContactImport } from '../../src-shared/api/sendLists'
import type { DB } from '../db/schema'

/** Every customer's keys a send list may name them by: the source's id, the e-mail and the phone. */
export async function customerKeys(db: Kysely<DB>) {
  return db.selectFrom('customers').select(['id', 'external_ref as ref', 'email', 'phone']).execute()
}

/** Survey contacts in the log (deleted entries left out) between two times: who, through which channel, when. */
export async function surveyContactsBetween(db: Kysely<DB>, fromMs: number, toMs: number) {
  return db
    .selectFrom('customer_contacts')
    .select(['customer_id as customerId', 'channel', 'contacted_at as at'])
    .where('kind', '=', 'survey')
    .where('deleted_at', 'is', null)
    .where('contacted_at', '>=', fromMs)
    .where('contacted_at', '<', toMs)
    .execute()
}

/** Records an imported send list: the import and one survey contact per new row, in one transaction. */
export async function recordContactImport(
  db: Kysely<DB>,
  i: { fileName: string; rowsRead: number; already: number; rejected: number; actor: string | null; contacts: Array<{ customerId: number; channel: string; at: number }> },
  now: number,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('contact_imports')
      .values({ file_name: i.fileName, rows_read: i.rowsRead, recorded: i.contacts.length, already: i.already, rejected: i.rejected, actor: i.actor, created_at: now, undone_at: null })
      .executeTakeFirstOrThrow()
    const importId = Number(r.insertId)
    for (let k = 0; k < i.contacts.length; k += 500) {
      const values = i.contacts.slice(k, k + 500).map((c) => ({
        customer_id: c.customerId,
        kind: 'survey' as const,
        purpose: 'feedback' as const,
        channel: c.channel,
        contacted_at: c.at,
        note: null,
        source: 'send_list' as const,
        send_id: null,
        import_id: importId,
        actor: i.actor,
        created_at: now,
        deleted_at: null,
      }))
      await trx.insertInto('customer_contacts').values(values).execute()
    }
    return importId
  })
}

/** Takes an import's contacts back; 'not_found' or 'undone' when there is nothing to take back. */
export async function undoContactImport(db: Kysely<DB>, importId: number, now: number): Promise<number | 'not_found' | 'undone'> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('contact_imports').select(['id', 'undone_at']).where('id', '=', importId).executeTakeFirst()
    if (!row) return 'not_found' as const
    if (row.undone_at !== null) return 'undone' as const
    const r = await trx.deleteFrom('customer_contacts').where('import_id', '=', importId).executeTakeFirst()
    await trx.updateTable('contact_imports').set({ undone_at: now }).where('id', '=', importId).execute()
    return Number(r.numDeletedRows)
  })
}

export async function contactImports(db: Kysely<DB>, limit: number): Promise<ContactImport[]> {
  return db
    .selectFrom('contact_imports')
    .select(['id', 'file_name as fileName', 'rows_read as rowsRead', 'recorded', 'already', 'rejected', 'actor', 'created_at as createdAt', 'undone_at as undoneAt'])
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}

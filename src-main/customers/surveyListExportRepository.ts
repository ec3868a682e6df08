import { sql, type Kysely } from 'kysely'
import type { DB } from '../db/schema'

/** An exported survey list as stored: its filter, file, and the customers it held (null once its send was recorded). */
export interface StoredExport {
  token: string
  channel: string
  filter: string
  fileName: string
  rows: number
  customerIds: number[] | null
  createdAt: number
  sendId: number | null
}

/** Customer ids as 32-bit little-endian integers: 4 bytes each (500 KB for 125,000), read back without parsing. */
export function packIds(ids: readonly number[]): Buffer {
  const buf = Buffer.alloc(ids.length * 4)
  for (let i = 0; i < ids.length; i++) buf.writeUInt32LE(ids[i], i * 4)
  return buf
}

export function unpackIds(buf: Buffer): number[] {
  const out = new Array<number>(buf.length >> 2)
  for (let i = 0; i < out.length; i++) out[i] = buf.readUInt32LE(i * 4)
  return out
}

/**
 * Stores an export under its token and drops the ones no longer kept: those created before
 * `keepFrom`, and all but the newest `keep`. One transaction.
 */
export async function storeExport(db: Kysely<DB>, e: Omit<StoredExport, 'sendId'>, keepFrom: number, keep: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('survey_list_exports')
      .values({ token: e.token, channel: e.channel, filter: e.filter, file_name: e.fileName, rows: e.rows, customer_ids: packIds(e.customerIds ?? []), created_at: e.createdAt, send_id: null })
      .execute()
    await trx.deleteFrom('survey_list_exports').where('created_at', '<', keepFrom).execute()
    const kept = trx.selectFrom('survey_list_exports').select('token').orderBy('created_at', 'desc').orderBy(sql`rowid`, 'desc').limit(keep)
    await trx.deleteFrom('survey_list_exports').where('token', 'not in', kept).execute()
  })
}

export async function storedExport(db: Kysely<DB>, token: string): Promise<StoredExport | null> {
  const r = await db.selectFrom('survey_list_exports').selectAll().where('token', '=', token).executeTakeFirst()
  if (!r) return null
  return { token: r.token, channel: r.channel, filter: r.filter, fileName: r.file_name, rows: r.rows, customerIds: r.customer_ids ? unpackIds(r.customer_ids) : null, createdAt: r.created_at, sendId: r.send_id }
}

/** Exports created from `since` on whose send is not recorded yet, newest first. */
export async function pendingExports(db: Kysely<DB>, since: number, limit: number) {
  return db
    .selectFrom('survey_list_exports')
    .select(['token', 'filter', 'file_name as fileName', 'rows', 'created_at as createdAt'])
    .where('send_id', 'is', null)
    .where('created_at', '>=', since)
    .orderBy('created_at', 'desc')
    .orderBy(sql`rowid`, 'desc')
    .limit(limit)
    .execute()
}

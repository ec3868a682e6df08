import type { Kysely } from 'kysely'
import type { DB } from './schema'

export async function readMeta(db: Kysely<DB>): Promise<Record<string, string>> {
  const rows = await db.selectFrom('meta').select(['key', 'value']).execute()
  return Object.fromEntries(rows.map((r) => [r.key, r.value]))
}

export async function writeMeta(db: Kysely<DB>, entries: Record<string, string>): Promise<void> {
  for (const [key, value] of Object.entries(entries)) {
    await db
      .insertInto('meta')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute()
  }
}

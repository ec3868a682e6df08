import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import type { Sqlite } from '../db/sqlite'

/**
 * The mapping last used for a source (stored as JSON), or null. Raw and synchronous: the import
 * worker's thread asks for the mapping through a synchronous callback once it has inspected the file.
 */
export function storedMapping(sqlite: Sqlite, sourceKey: string): string | null {
  return (sqlite.prepare('SELECT mapping FROM import_mappings WHERE source_key = ?').get(sourceKey) as { mapping: string } | undefined)?.mapping ?? null
}

export async function storeMapping(db: Kysely<DB>, row: { sourceKey: string; label: string; mapping: string; now: number }): Promise<void> {
  await db
    .insertInto('import_mappings')
    .values({ source_key: row.sourceKey, label: row.label, mapping: row.mapping, updated_at: row.now })
    .onConflict((oc) => oc.column('source_key').doUpdateSet((eb) => ({ label: eb.ref('excluded.label'), mapping: eb.ref('excluded.mapping'), updated_at: eb.ref('excluded.updated_at') })))
    .execute()
}

import type { Kysely } from 'kysely'
import type { DB } from './schema'
import type { Sqlite } from './sqlite'
import { statement } from './statements'

// The one accessor of the `meta` table (workspace settings and the versions of derived data).
// The synchronous forms serve code that runs inside better-sqlite3's transactions (opening, rebuilds),
// where Kysely's asynchronous driver cannot take part.

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

export function readMetaValue(sqlite: Sqlite, key: string): string | null {
  return (statement(sqlite, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null
}

/** The values of these keys that are set (read per metrics query: the statement is prepared once per connection). */
export function readMetaValues(sqlite: Sqlite, keys: readonly string[]): Array<{ key: string; value: string }> {
  return statement(sqlite, `SELECT key, value FROM meta WHERE key IN (${keys.map(() => '?').join(', ')})`).all(...keys) as Array<{ key: string; value: string }>
}

export function writeMetaValue(sqlite: Sqlite, key: string, value: string): void {
  statement(sqlite, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value)
}

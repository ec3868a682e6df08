import Database from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { CXDESK_APPLICATION_ID } from '../../src-main/db/connect'
import { migrations, POSITIONAL_MIGRATIONS } from '../../src-main/db/migrations/index'

/**
 * A workspace file as an app from before migrations were recorded by name left it: the first
 * `version` migrations applied by position, PRAGMA user_version = version, no schema_migrations.
 * Runs the production migrations themselves (frozen in time), in a rollback journal like files at rest.
 */
export async function positionalWorkspace(path: string, version: number, fill?: (sqlite: Database.Database) => void): Promise<void> {
  if (version > POSITIONAL_MIGRATIONS.length) throw new Error(`positional versions end at ${POSITIONAL_MIGRATIONS.length}`)
  const sqlite = new Database(path)
  // A test file: no flush per migration (the content is what matters).
  sqlite.pragma('synchronous = OFF')
  sqlite.pragma(`application_id = ${CXDESK_APPLICATION_ID}`)
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- historical schemas have no types
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) })
  for (const name of POSITIONAL_MIGRATIONS.slice(0, version)) {
    const migration = migrations.find(([n]) => n === name)?.[1]
    if (!migration) throw new Error(`no migration ${name}`)
    await migration.up(db)
  }
  sqlite.pragma(`user_version = ${version}`)
  fill?.(sqlite)
  await db.destroy()
}

import { sql, type Kysely } from 'kysely'
import { migrations } from './migrations/index'
import { AppError } from '../../src-shared/api/result'

/**
 * Applies every migration after the file's PRAGMA user_version, each in its own transaction
 * together with the version bump, so a crash mid-way leaves the file at a whole version.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any historical schema
export async function migrateToLatest(db: Kysely<any>): Promise<number> {
  const { rows } = await sql<{ user_version: number }>`PRAGMA user_version`.execute(db)
  const current = rows[0]?.user_version ?? 0
  if (current > migrations.length) throw new AppError('NEWER_WORKSPACE', 'This workspace was saved by a newer version of CX Desk.')
  for (let version = current + 1; version <= migrations.length; version++) {
    const [, migration] = migrations[version - 1]
    await db.transaction().execute(async (trx) => {
      await migration.up(trx)
      await sql.raw(`PRAGMA user_version = ${version}`).execute(trx)
    })
  }
  return migrations.length
}

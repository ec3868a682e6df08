import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add a new one instead.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  // Tombstones of erased people (privacy/, issue 17): an HMAC under the workspace's own secret key of a
  // row key or a person key (never the data), so a re-import of an old file or export skips them.
  await sql`CREATE TABLE privacy_tombstones (
    hash BLOB PRIMARY KEY,
    created_at INTEGER NOT NULL
  ) STRICT, WITHOUT ROWID`.execute(db)
  // The audit log of actions on personal data: who, when, what, why, and counts; never the identifiers.
  await sql`CREATE TABLE privacy_audit (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor TEXT,
    action TEXT NOT NULL,
    reason TEXT,
    detail TEXT NOT NULL
  ) STRICT`.execute(db)
  await sql`CREATE INDEX privacy_audit_at ON privacy_audit (at)`.execute(db)
}

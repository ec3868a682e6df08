import { createHmac, randomBytes } from 'node:crypto'
import type { Sqlite } from '../db/sqlite'
import { build, rowsOf, runOf } from '../db/syncQuery'
import { statement } from '../db/statements'
import { readMetaValue, writeMetaValue } from '../db/meta'

// Tombstones, the audit log, the workspace's secret key and the file's clean-up after an erasure.
// Kysely builds the statements (db/syncQuery.ts); pragmas, the full-text index's command and VACUUM
// are raw (no builder has them).

const SECRET_KEY = 'privacy.secret'

/** The workspace's own key for tombstones (32 random bytes, made on first use, kept in meta). */
export function tombstoneSecret(sqlite: Sqlite, create: boolean): Buffer | null {
  const stored = readMetaValue(sqlite, SECRET_KEY)
  if (stored) return Buffer.from(stored, 'base64')
  if (!create) return null
  const secret = randomBytes(32)
  writeMetaValue(sqlite, SECRET_KEY, secret.toString('base64'))
  return secret
}

/** A keyed hash of a row or person key: the tombstone, from which the key cannot be read back. */
export const tombstoneHash = (secret: Buffer, key: string): Buffer => createHmac('sha256', secret).update(key).digest().subarray(0, 20)

export function addTombstones(sqlite: Sqlite, hashes: Buffer[], now: number): number {
  const ins = statement(sqlite, 'INSERT OR IGNORE INTO privacy_tombstones (hash, created_at) VALUES (?, ?)')
  let n = 0
  for (const h of hashes) n += ins.run(h, now).changes
  return n
}

/**
 * Whether any of these keys is tombstoned (the import asks per row, the survey server per answer:
 * one index seek per key, the statements cached per connection). Null when the workspace has erased
 * no one (nothing to check).
 */
export function tombstoneLookup(sqlite: Sqlite): ((keys: Array<string | null>) => boolean) | null {
  const secret = tombstoneSecret(sqlite, false)
  if (!secret || statement(sqlite, 'SELECT EXISTS (SELECT 1 FROM privacy_tombstones)', 'pluck').get() !== 1) return null
  const has = statement(sqlite, 'SELECT 1 FROM privacy_tombstones WHERE hash = ?', 'pluck')
  return (keys) => keys.some((k) => k !== null && has.get(tombstoneHash(secret, k)) !== undefined)
}

// The audit log.

export interface AuditRow {
  id: number
  at: number
  actor: string | null
  action: string
  reason: string | null
  detail: string
}

export function insertAudit(sqlite: Sqlite, row: Omit<AuditRow, 'id'>): number {
  return runOf(sqlite, build.insertInto('privacy_audit').values(row)).lastInsertRowid
}

/** The latest entries first; `before` pages back by id. */
export function auditPage(sqlite: Sqlite, limit: number, before?: number): AuditRow[] {
  let q = build.selectFrom('privacy_audit').select(['id', 'at', 'actor', 'action', 'reason', 'detail']).orderBy('id', 'desc').limit(limit)
  if (before !== undefined) q = q.where('id', '<', before)
  return rowsOf(sqlite, q)
}

/** Every entry, oldest first, a page at a time (the export). */
export function* auditPages(sqlite: Sqlite): Generator<AuditRow[]> {
  let after = 0
  for (;;) {
    const rows = rowsOf(sqlite, build.selectFrom('privacy_audit').select(['id', 'at', 'actor', 'action', 'reason', 'detail']).where('id', '>', after).orderBy('id').limit(2_000))
    if (!rows.length) return
    yield rows
    after = rows[rows.length - 1].id
  }
}

// The retention rule.

const RETENTION_KEY = 'privacy.retention'

export const readRetentionRule = (sqlite: Sqlite): string | null => readMetaValue(sqlite, RETENTION_KEY)
export const writeRetentionRule = (sqlite: Sqlite, json: string): void => writeMetaValue(sqlite, RETENTION_KEY, json)

// The file.

/** Runs `work` with SQLite's secure_delete on: freed pages and cells are overwritten with zeros. */
export function withSecureDelete<T>(sqlite: Sqlite, work: () => T): T {
  const before = sqlite.pragma('secure_delete', { simple: true }) as number
  sqlite.pragma('secure_delete = ON')
  try {
    return work()
  } finally {
    sqlite.pragma(`secure_delete = ${before ? 'ON' : 'OFF'}`)
  }
}

/**
 * Merges the full-text index's segments into one: a deleted entry's words stay in the old segments
 * (contentless_delete only marks them) until they are merged away.
 */
export function optimiseSearchIndex(sqlite: Sqlite): void {
  sqlite.prepare(`INSERT INTO feedback_fts (feedback_fts) VALUES ('optimize')`).run()
}

/** Tables whose indexes hold personal values (the customers' e-mails, the kiosk's client ids). */
const STATISTICS_OF_PERSONAL_DATA = ['customers', 'responses', 'survey_answers']

/**
 * Leaves no erased byte in the file or its WAL: the WAL checkpointed and truncated, the file rebuilt
 * (VACUUM: no free page keeps old content) with secure_delete on, and the WAL truncated again.
 * False when another connection kept the checkpoint from finishing (the WAL may still hold old pages
 * until the workspace is closed).
 */
export function compactFile(sqlite: Sqlite, vacuum: boolean): { checkpointed: boolean } {
  const checkpoint = () => (sqlite.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>)[0]?.busy === 0
  // The planner's statistics (STAT4) keep sample index entries, e-mails among them: sampled again.
  if (statement(sqlite, `SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat4'`).get() !== undefined)
    for (const table of STATISTICS_OF_PERSONAL_DATA) sqlite.exec(`ANALYZE ${table}`)
  checkpoint()
  if (vacuum) sqlite.exec('VACUUM')
  return { checkpointed: checkpoint() }
}

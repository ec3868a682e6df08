import { sql, type Kysely, type KyselyPlugin, type Migration } from 'kysely'
import { migrations as allMigrations, POSITIONAL_MIGRATIONS } from './migrations/index'
import { AppError } from '../../src-shared/api/result'
import type Database from 'better-sqlite3'

/**
 * Migrations are recorded by name in the workspace itself, so a migration written on a branch may
 * land at any position in the list. PRAGMA user_version holds how many migrations the file has had
 * (a generation that only grows): for files from before names were recorded it is also the
 * position in the frozen POSITIONAL_MIGRATIONS, and it lets the header alone refuse a file from a
 * newer app (more migrations than this app knows).
 */
export const MIGRATIONS_TABLE = 'schema_migrations'

type MigrationList = ReadonlyArray<readonly [name: string, migration: Migration]>
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any historical schema
type AnyDb = Kysely<any>

export interface MigrationState {
  userVersion: number
  /** Names in schema_migrations; null when the file has no such table (it predates it, or is new). */
  recorded: string[] | null
}

export interface MigrationPlan {
  /** Applied before names were recorded (implied by user_version), to be recorded now. */
  record: string[]
  /** This app's migrations the file has not had, in list order. */
  pending: string[]
  /** Applied to the file but unknown to this app: a newer (or another branch's) app wrote it. */
  unknown: string[]
  /** Migrations the version counts but no name accounts for: likewise written by an app this one does not know. */
  unnamed: number
  /** How many migrations the file has had, by name. */
  applied: number
}

export async function readMigrationState(db: AnyDb): Promise<MigrationState> {
  const { rows } = await sql<{ user_version: number }>`PRAGMA user_version`.execute(db)
  const userVersion = rows[0]?.user_version ?? 0
  const table = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ${MIGRATIONS_TABLE}`.execute(db)
  if (!table.rows[0]?.n) return { userVersion, recorded: null }
  const names = await sql<{ name: string }>`SELECT name FROM schema_migrations`.execute(db)
  return { userVersion, recorded: names.rows.map((r) => r.name) }
}

/**
 * True when opening this file involves any migration work (names to record, migrations to apply)
 * or would be refused for migrations this app does not know: such a file takes the usual way in.
 * Synchronous, for a read-only connection (the CLI's read-only opens).
 */
export function pendingMigrationsIn(sqlite: Database.Database): boolean {
  const userVersion = sqlite.pragma('user_version', { simple: true }) as number
  const hasTable = sqlite.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = '${MIGRATIONS_TABLE}'`).get() as { n: number }
  const recorded = hasTable.n ? (sqlite.prepare(`SELECT name FROM ${MIGRATIONS_TABLE}`).all() as Array<{ name: string }>).map((r) => r.name) : null
  const plan = planMigrations({ userVersion, recorded }, allMigrations.map(([name]) => name))
  return plan.record.length > 0 || plan.pending.length > 0 || plan.unknown.length > 0 || plan.unnamed > 0 || recorded === null
}

/** What opening a file with `state` involves for an app that knows `names` (in list order). Pure. */
export function planMigrations(state: MigrationState, names: readonly string[]): MigrationPlan {
  const recorded = state.recorded ?? []
  // Without names, or with fewer names than the version counts (an app from before names were
  // recorded migrated it since), the version is a position in the frozen list.
  const positional = state.recorded === null || state.userVersion > recorded.length
  const implied = positional ? POSITIONAL_MIGRATIONS.slice(0, Math.min(Math.max(state.userVersion, 0), POSITIONAL_MIGRATIONS.length)) : []
  const applied = new Set([...implied, ...recorded])
  const known = new Set(names)
  return {
    record: implied.filter((n) => !recorded.includes(n)),
    pending: names.filter((n) => !applied.has(n)),
    unknown: [...applied].filter((n) => !known.has(n)),
    unnamed: Math.max(0, state.userVersion - applied.size),
    applied: applied.size,
  }
}

/** Refuses, before anything is written, a file that has had migrations this app does not know. */
export function assertKnownMigrations(plan: MigrationPlan, where: string): void {
  if (!plan.unknown.length && !plan.unnamed) return
  const what = plan.unknown.length ? `changes this version does not know (${plan.unknown.join(', ')})` : 'changes this version cannot identify'
  throw new AppError('NEWER_WORKSPACE', `${where} was saved by a newer version of CX Desk: it has ${what}. Update the app to open it. Nothing was changed.`, {
    unknownMigrations: plan.unknown,
    unnamedMigrations: plan.unnamed,
  })
}

export interface MigrateOptions {
  /** The list to follow (tests pass their own); this app's by default. */
  migrations?: MigrationList
  /** Recorded with each migration applied. */
  appVersion?: string
  now?: number
  /** Read before each statement: a cancelled migration's transaction rolls back. */
  isCancelled?: () => boolean
  onProgress?: (p: { done: number; total: number; migration: string | null }) => void
  /** After each migration's transaction commits. */
  onApplied?: (name: string) => void
  /** Where the file is, for messages. */
  where?: string
}

export interface MigrationOutcome {
  /** Names applied by this call, in order. */
  applied: string[]
  /** The file's generation (PRAGMA user_version) afterwards. */
  version: number
}

export function cancelledError(): AppError {
  return new AppError('CANCELLED', 'Cancelled.')
}

/** Makes every statement through the returned Kysely fail once `isCancelled()` is true, so the transaction around it rolls back. */
function cancellable(db: AnyDb, isCancelled: () => boolean): AnyDb {
  const plugin: KyselyPlugin = {
    transformQuery({ node }) {
      if (isCancelled()) throw cancelledError()
      return node
    },
    transformResult: async ({ result }) => result,
  }
  return db.withPlugin(plugin)
}

/**
 * Applies every listed migration the file has not had, in list order, each in its own transaction
 * together with its record and the generation number, so a crash or a cancel mid-way leaves the
 * file at a whole version; records the names of those applied by position (older files) with the
 * first of them, or alone when none is due. Refuses a file with migrations this app does not know,
 * without writing.
 */
export async function migrateToLatest(db: AnyDb, opts: MigrateOptions = {}): Promise<MigrationOutcome> {
  const list = opts.migrations ?? allMigrations
  const byName = new Map(list)
  const state = await readMigrationState(db)
  const plan = planMigrations(state, [...byName.keys()])
  assertKnownMigrations(plan, opts.where ?? 'This workspace')
  const isCancelled = opts.isCancelled ?? (() => false)
  const cdb = opts.isCancelled ? cancellable(db, isCancelled) : db
  const now = opts.now ?? Date.now()
  const appVersion = opts.appVersion ?? null
  // Recording the names applied by position is done with the first migration (or alone when none
  // is due), so that a cancel before the first migration commits leaves the file exactly as it was.
  let bookkeeping = plan.record.length > 0 || state.recorded === null
  const keepBooks = async (trx: AnyDb) => {
    if (!bookkeeping) return
    await sql`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        name TEXT PRIMARY KEY,
        -- When, and by which CX Desk version; NULL for those applied before names were recorded.
        applied_at INTEGER,
        app_version TEXT
      ) STRICT`.execute(trx)
    for (const name of plan.record) await sql`INSERT OR IGNORE INTO schema_migrations (name) VALUES (${name})`.execute(trx)
  }
  let version = plan.applied
  const total = plan.pending.length
  for (const [done, name] of plan.pending.entries()) {
    if (isCancelled()) throw cancelledError()
    opts.onProgress?.({ done, total, migration: name })
    const migration = byName.get(name) as Migration
    await cdb.transaction().execute(async (trx) => {
      await keepBooks(trx)
      await migration.up(trx)
      await sql`INSERT INTO schema_migrations (name, applied_at, app_version) VALUES (${name}, ${now}, ${appVersion})`.execute(trx)
      await sql.raw(`PRAGMA user_version = ${version + 1}`).execute(trx)
    })
    bookkeeping = false
    version++
    opts.onApplied?.(name)
  }
  if (bookkeeping) {
    if (isCancelled()) throw cancelledError()
    await db.transaction().execute(keepBooks)
  }
  opts.onProgress?.({ done: total, total, migration: null })
  return { applied: plan.pending, version }
}

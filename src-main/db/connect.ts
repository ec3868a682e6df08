import Database from 'better-sqlite3'
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { AppError } from '../../src-shared/api/result'
import type { DB } from './schema'
import { migrateToLatest, pendingMigrationsIn, type MigrateOptions } from './migrate'
import { CXDESK_APPLICATION_ID, checkIntegrity, checkWorkspaceFile, describeFsError } from './fileChecks'
import type { IntegrityMemo } from './integrityMemo'

export { CXDESK_APPLICATION_ID }

export interface SqliteOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string
  /** Files that passed quick_check and have not been written since are not checked again (the CLI's read-only opens). */
  integrity?: IntegrityMemo
}

export interface WorkspaceDb {
  readonly path: string
  readonly sqlite: Database.Database
  readonly db: Kysely<DB>
  close(): Promise<void>
}

/** A connection with its query builder; close() leaves the file self-contained (see below). */
export function wrap(path: string, sqlite: Database.Database): WorkspaceDb {
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) })
  let closed = false
  return {
    path,
    sqlite,
    db,
    async close() {
      if (closed) return
      closed = true
      if (path !== ':memory:' && !sqlite.readonly) {
        // Leave a single self-contained file at rest: fold the WAL back in and drop WAL mode,
        // so the file can be copied or e-mailed and inspected without side files appearing.
        // If another process (the CLI beside the app) still has it open, that one does it later.
        try {
          sqlite.pragma('wal_checkpoint(TRUNCATE)')
          sqlite.pragma('journal_mode = DELETE')
        } catch (e) {
          if (!String((e as { code?: string }).code).startsWith('SQLITE_BUSY')) throw e
        }
      }
      await db.destroy()
    },
  }
}

function configure(sqlite: Database.Database, inMemory: boolean): void {
  if (!inMemory) sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  // Tables with triggers (the metrics rollups) give every write a statement journal; in memory it
  // costs a copy, in a temporary file a system call per statement.
  sqlite.pragma('temp_store = MEMORY')
  // REPLACE deletes the row it replaces; only with this on do delete triggers (the rollups) see it.
  sqlite.pragma('recursive_triggers = ON')
}

/**
 * A second connection to a workspace that is already open, for a worker thread: the same settings
 * as the main connection (WAL, foreign keys, triggers that see REPLACE), so a worker's writes keep
 * the rollups exact like every other writer's.
 */
export function openWorkerConnection(
  path: string,
  opts: SqliteOptions & { busyTimeoutMs?: number; cacheSizeKiB?: number; tempStore?: 'MEMORY' | 'FILE' } = {},
): Database.Database {
  const sqlite = new Database(path, { fileMustExist: true, nativeBinding: opts.nativeBinding })
  try {
    configure(sqlite, false)
    if (opts.busyTimeoutMs !== undefined) sqlite.pragma(`busy_timeout = ${Math.round(opts.busyTimeoutMs)}`)
    if (opts.cacheSizeKiB !== undefined) sqlite.pragma(`cache_size = -${Math.round(opts.cacheSizeKiB)}`)
    if (opts.tempStore) sqlite.pragma(`temp_store = ${opts.tempStore}`)
    return sqlite
  } catch (e) {
    sqlite.close()
    throw e
  }
}

/**
 * The connection that does a workspace's open-time work (migrations, derived data) before the app's
 * own connection opens it. It keeps the file's journal mode (a rollback journal at rest): a
 * transaction that is cancelled or interrupted then leaves the file byte for byte as it was.
 */
export function openUpgradeConnection(path: string, opts: SqliteOptions = {}): Database.Database {
  const sqlite = new Database(path, { fileMustExist: true, nativeBinding: opts.nativeBinding })
  try {
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
    sqlite.pragma('temp_store = MEMORY')
    sqlite.pragma('recursive_triggers = ON')
    return sqlite
  } catch (e) {
    sqlite.close()
    throw e
  }
}

/** The app's connection to a workspace whose open-time work is done (see workspace/opening). */
export function connectWorkspace(path: string, opts: SqliteOptions = {}): WorkspaceDb {
  const sqlite = new Database(path, { fileMustExist: true, nativeBinding: opts.nativeBinding })
  try {
    configure(sqlite, false)
  } catch (e) {
    sqlite.close()
    throw e
  }
  return wrap(path, sqlite)
}

/**
 * Builds a new workspace file at `path` (which must not exist): marked as CX Desk's, migrated, then
 * filled by `init`, and closed as a single file. The caller gives a temporary name and renames it.
 */
export async function buildWorkspaceFile(path: string, init: (ws: WorkspaceDb) => Promise<void>, opts: SqliteOptions & Pick<MigrateOptions, 'appVersion' | 'now' | 'isCancelled'> = {}): Promise<void> {
  const sqlite = new Database(path, { nativeBinding: opts.nativeBinding })
  const ws = wrap(path, sqlite)
  try {
    // Nothing needs to survive a crash until the file is whole (it has a temporary name until then):
    // no journal on disk and no flush per transaction; the finished file is flushed once, below.
    sqlite.pragma('journal_mode = MEMORY')
    sqlite.pragma('synchronous = OFF')
    sqlite.pragma(`application_id = ${CXDESK_APPLICATION_ID}`)
    await migrateToLatest(ws.db, { appVersion: opts.appVersion, now: opts.now, isCancelled: opts.isCancelled })
    await init(ws)
  } finally {
    await ws.close()
  }
  const fd = openSync(path, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Creates a new workspace atomically: built under a temporary name, then renamed into place, and opened. */
export async function createWorkspaceFile(
  path: string,
  init: (ws: WorkspaceDb) => Promise<void>,
  opts: SqliteOptions & Pick<MigrateOptions, 'appVersion' | 'now'> = {},
): Promise<WorkspaceDb> {
  if (existsSync(path)) throw new AppError('FILE_EXISTS', `A file already exists at ${path}.`, { path })
  const tmp = `${path}.creating-${process.pid}`
  rmSync(tmp, { force: true })
  try {
    await buildWorkspaceFile(tmp, init, opts)
    renameSync(tmp, path)
  } catch (e) {
    rmSync(tmp, { force: true })
    throw e
  }
  return connectWorkspace(path, opts)
}

/** SQLite caps this at its own limit (2 GB by default); the mapping never goes past the file's end. */
const READ_MMAP_BYTES = 2 ** 31

/**
 * Opens a workspace for reading only (the CLI's metrics and reports), or null when it has to be
 * opened the usual way: a migration is due, a -wal or -journal file beside it needs SQLite to
 * recover or share it, or `ready` says an upkeep is due. Nothing is written (no switch to WAL, no
 * checkpoint), so the file, and what the integrity memo knows of it, stays as it was. Integrity is
 * checked after `ready`, so a file going the usual way is checked once, there; pages are also
 * checked as they are read (cell_size_check).
 */
export function openWorkspaceForReading(path: string, opts: SqliteOptions, ready: (sqlite: Database.Database) => boolean): WorkspaceDb | null {
  checkWorkspaceFile(path)
  if (existsSync(`${path}-wal`) || existsSync(`${path}-journal`)) return null
  let sqlite: Database.Database | undefined
  try {
    sqlite = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: opts.nativeBinding })
    sqlite.pragma('busy_timeout = 5000')
    sqlite.pragma('temp_store = MEMORY')
    sqlite.pragma('cell_size_check = ON')
    // Pages straight from the OS's cache instead of a read() and a copy each: a short command on a
    // large file spends most of its time fetching pages. Safe here: the mapping is read-only.
    sqlite.pragma(`mmap_size = ${READ_MMAP_BYTES}`)
    if (pendingMigrationsIn(sqlite) || !ready(sqlite)) {
      sqlite.close()
      return null
    }
    const state = opts.integrity?.stateOf(path) ?? null
    if (!(state && opts.integrity?.isVerified(path, state))) {
      const startedAt = Date.now()
      checkIntegrity(sqlite, path)
      if (state) opts.integrity?.remember(path, state, startedAt)
    }
    return wrap(path, sqlite)
  } catch (e) {
    sqlite?.close()
    throw describeFsError(e, path)
  }
}

/** A fresh, migrated workspace in memory, for tests and throwaway work. */
export async function openInMemoryWorkspace(opts: SqliteOptions & Pick<MigrateOptions, 'appVersion' | 'now'> = {}): Promise<WorkspaceDb> {
  const sqlite = new Database(':memory:', { nativeBinding: opts.nativeBinding })
  configure(sqlite, true)
  sqlite.pragma(`application_id = ${CXDESK_APPLICATION_ID}`)
  const ws = wrap(':memory:', sqlite)
  await migrateToLatest(ws.db, { appVersion: opts.appVersion, now: opts.now })
  return ws
}

export async function schemaVersionOf(db: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{ user_version: number }>`PRAGMA user_version`.execute(db)
  return rows[0]?.user_version ?? 0
}

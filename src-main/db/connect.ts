import Database from 'better-sqlite3'
import { existsSync, renameSync, rmSync } from 'node:fs'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { AppError } from '../../src-shared/api/result'
import type { DB } from './schema'
import { LATEST_SCHEMA_VERSION } from './migrations/index'
import { migrateToLatest } from './migrate'
import { looksTruncated, readSqliteHeader, type SqliteHeader } from './sqliteHeader'
import type { IntegrityMemo } from './integrityMemo'

/** Stored in PRAGMA application_id so a CX Desk workspace is told apart from any other SQLite file ('CXDS'). */
export const CXDESK_APPLICATION_ID = 0x43584453

export interface SqliteOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string
  /** Files that passed quick_check and have not been written since are not checked again (the CLI). */
  integrity?: IntegrityMemo
}

export interface WorkspaceDb {
  readonly path: string
  readonly sqlite: Database.Database
  readonly db: Kysely<DB>
  close(): Promise<void>
}

function wrap(path: string, sqlite: Database.Database): WorkspaceDb {
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
 * Checks a file before anything writes to it: it exists, is SQLite, is whole, is a CX Desk
 * workspace, is not from a newer version, and passes quick_check. Throws AppError otherwise.
 */
export function inspectWorkspaceFile(path: string, opts: SqliteOptions = {}): { schemaVersion: number } {
  inspectHeader(path)
  let ro: Database.Database | undefined
  try {
    ro = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: opts.nativeBinding })
    checkIntegrity(path, ro, opts.integrity)
    return { schemaVersion: ro.pragma('user_version', { simple: true }) as number }
  } catch (e) {
    throw asOpenError(path, e)
  } finally {
    ro?.close()
  }
}

/** What the first 100 bytes tell without SQLite opening the file: a CX Desk workspace, whole, not from a newer version. */
function inspectHeader(path: string): SqliteHeader {
  if (!existsSync(path)) throw new AppError('FILE_NOT_FOUND', `There is no file at ${path}.`, { path })
  const header = readSqliteHeader(path)
  if (!header) throw new AppError('NOT_A_WORKSPACE', `${path} is not a CX Desk workspace.`, { path })
  if (looksTruncated(header)) throw new AppError('CORRUPT_WORKSPACE', `${path} is damaged: the file is incomplete.`, { path })
  if (header.applicationId !== CXDESK_APPLICATION_ID)
    throw new AppError('NOT_A_WORKSPACE', `${path} is a database, but not a CX Desk workspace.`, { path })
  if (header.userVersion > LATEST_SCHEMA_VERSION)
    throw new AppError('NEWER_WORKSPACE', `${path} was saved by a newer version of CX Desk. Update the app to open it.`, {
      path,
      fileVersion: header.userVersion,
      appVersion: LATEST_SCHEMA_VERSION,
    })
  return header
}

/** quick_check, unless the memo knows this very file passed it and nothing has written to it since. */
function checkIntegrity(path: string, sqlite: Database.Database, memo: IntegrityMemo | undefined): void {
  const state = memo?.stateOf(path) ?? null
  if (state && memo?.isVerified(path, state)) return
  const startedAt = Date.now()
  const check = sqlite.pragma('quick_check', { simple: true })
  if (check !== 'ok') throw new AppError('CORRUPT_WORKSPACE', `${path} is damaged: ${String(check)}`, { path })
  if (state) memo?.remember(path, state, startedAt)
}

function asOpenError(path: string, e: unknown): AppError {
  if (e instanceof AppError) return e
  const code = (e as { code?: string }).code ?? ''
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return new AppError('CORRUPT_WORKSPACE', `${path} is damaged and cannot be opened.`, { path })
  return new AppError('IO', `Could not read ${path}: ${(e as Error).message}`, { path })
}

/** Creates a new workspace atomically: built under a temporary name, then renamed into place. */
export async function createWorkspaceFile(
  path: string,
  init: (ws: WorkspaceDb) => Promise<void>,
  opts: SqliteOptions = {},
): Promise<WorkspaceDb> {
  if (existsSync(path)) throw new AppError('FILE_EXISTS', `A file already exists at ${path}.`, { path })
  const tmp = `${path}.creating-${process.pid}`
  rmSync(tmp, { force: true })
  try {
    const sqlite = new Database(tmp, { nativeBinding: opts.nativeBinding })
    sqlite.pragma(`application_id = ${CXDESK_APPLICATION_ID}`)
    const ws = wrap(tmp, sqlite)
    await migrateToLatest(ws.db)
    await init(ws)
    await ws.close()
    renameSync(tmp, path)
  } catch (e) {
    rmSync(tmp, { force: true })
    throw e
  }
  return openWorkspaceFile(path, opts)
}

/** Opens an existing workspace: inspect (read-only), back up if a migration is due, then open read-write and migrate. */
export async function openWorkspaceFile(
  path: string,
  opts: SqliteOptions & { backupBeforeMigration?: (fromVersion: number, ro: Database.Database) => Promise<void> } = {},
): Promise<WorkspaceDb> {
  const { schemaVersion } = inspectWorkspaceFile(path, opts)
  if (schemaVersion < LATEST_SCHEMA_VERSION && opts.backupBeforeMigration) {
    const ro = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: opts.nativeBinding })
    try {
      await opts.backupBeforeMigration(schemaVersion, ro)
    } finally {
      ro.close()
    }
  }
  const sqlite = new Database(path, { fileMustExist: true, nativeBinding: opts.nativeBinding })
  configure(sqlite, false)
  const ws = wrap(path, sqlite)
  try {
    await migrateToLatest(ws.db)
  } catch (e) {
    await ws.close()
    throw e
  }
  return ws
}

/**
 * Opens a workspace for reading only (the CLI's metrics and reports), or null when it has to be
 * opened read-write: it needs migrating, a -wal or -journal file beside it needs SQLite to recover
 * or share it, or `ready` says an upkeep is due. Nothing is written (no switch to WAL, no
 * checkpoint), so the file, and what the integrity memo knows of it, stays as it was. Integrity is
 * checked after `ready`, so a file going the read-write way is checked once, there; pages are also
 * checked as they are read (cell_size_check).
 */
/** SQLite caps this at its own limit (2 GB by default); the mapping never goes past the file's end. */
const READ_MMAP_BYTES = 2 ** 31

export function openWorkspaceForReading(path: string, opts: SqliteOptions, ready: (sqlite: Database.Database) => boolean): WorkspaceDb | null {
  const header = inspectHeader(path)
  if (header.userVersion < LATEST_SCHEMA_VERSION || existsSync(`${path}-wal`) || existsSync(`${path}-journal`)) return null
  let sqlite: Database.Database | undefined
  try {
    sqlite = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: opts.nativeBinding })
    sqlite.pragma('busy_timeout = 5000')
    sqlite.pragma('temp_store = MEMORY')
    sqlite.pragma('cell_size_check = ON')
    // Pages straight from the OS's cache instead of a read() and a copy each: a short command on a
    // large file spends most of its time fetching pages. Safe here: the mapping is read-only.
    sqlite.pragma(`mmap_size = ${READ_MMAP_BYTES}`)
    if (!ready(sqlite)) {
      sqlite.close()
      return null
    }
    checkIntegrity(path, sqlite, opts.integrity)
    return wrap(path, sqlite)
  } catch (e) {
    sqlite?.close()
    throw asOpenError(path, e)
  }
}

/** A fresh, migrated workspace in memory, for tests and throwaway work. */
export async function openInMemoryWorkspace(opts: SqliteOptions = {}): Promise<WorkspaceDb> {
  const sqlite = new Database(':memory:', { nativeBinding: opts.nativeBinding })
  configure(sqlite, true)
  sqlite.pragma(`application_id = ${CXDESK_APPLICATION_ID}`)
  const ws = wrap(':memory:', sqlite)
  await migrateToLatest(ws.db)
  return ws
}

export async function schemaVersionOf(db: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{ user_version: number }>`PRAGMA user_version`.execute(db)
  return rows[0]?.user_version ?? 0
}

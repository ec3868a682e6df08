import { accessSync, closeSync, constants, existsSync, fstatSync, openSync, readSync, statSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import type Database from 'better-sqlite3'
import { AppError } from '../../src-shared/api/result'
import { LATEST_SCHEMA_VERSION } from './migrations/index'
import { looksTruncated, parseSqliteHeader, sideFileKind, type SqliteHeader } from './sqliteHeader'

/** Stored in PRAGMA application_id so a CX Desk workspace is told apart from any other SQLite file ('CXDS'). */
export const CXDESK_APPLICATION_ID = 0x43584453

/** How much of a file whose header is all zeros is read to tell a zero-filled file from a foreign one. */
const ZERO_SCAN_BYTES = 1 << 20

const unchanged = 'Nothing was changed.'

/**
 * What can be known about a file before SQLite opens it, each failure in plain words: it exists, is
 * a readable regular file, is not empty, zero-filled or one of SQLite's side files, is SQLite, is
 * whole, is a CX Desk workspace, and has not had more migrations than this app knows. Cheap (the
 * first bytes only), so it runs on the main thread before any open-time work is started.
 */
export function checkWorkspaceFile(path: string): SqliteHeader {
  let fd: number
  try {
    if (statSync(path).isDirectory()) throw new AppError('NOT_A_WORKSPACE', `${path} is a folder, not a workspace file. Choose a .cxdesk file instead.`, { path })
    fd = openSync(path, 'r')
  } catch (e) {
    throw describeFsError(e, path)
  }
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile()) throw new AppError('NOT_A_WORKSPACE', `${path} is not a regular file (it is a device, a pipe or a socket), so it is not a workspace.`, { path })
    if (stat.size === 0)
      throw new AppError('NOT_A_WORKSPACE', `${path} is empty (0 bytes), so it holds no workspace. If it should, its content was lost (an interrupted copy, for example): open a backup of it instead. ${unchanged}`, { path })
    const start = Buffer.alloc(Math.min(stat.size, 4096))
    readSync(fd, start, 0, start.length, 0)
    const header = parseSqliteHeader(start, stat.size)
    if (!header) throw notSqlite(path, fd, start, stat.size)
    if (looksTruncated(header)) throw new AppError('CORRUPT_WORKSPACE', `${path} is damaged: the file is incomplete (shorter than its header says). ${unchanged}`, { path })
    if (header.applicationId !== CXDESK_APPLICATION_ID) throw new AppError('NOT_A_WORKSPACE', `${path} is a database, but not a CX Desk workspace.`, { path })
    if (header.userVersion > LATEST_SCHEMA_VERSION)
      throw new AppError('NEWER_WORKSPACE', `${path} was saved by a newer version of CX Desk. Update the app to open it. ${unchanged}`, {
        path,
        fileVersion: header.userVersion,
        appVersion: LATEST_SCHEMA_VERSION,
      })
    return header
  } catch (e) {
    throw describeFsError(e, path)
  } finally {
    closeSync(fd)
  }
}

/** Why a file that does not start like an SQLite database is not a workspace. */
function notSqlite(path: string, fd: number, start: Buffer, size: number): AppError {
  const side = sideFileKind(start)
  if (side) {
    const main = path.replace(side === 'wal' ? /-wal$/ : /-journal$/, '')
    const what = side === 'wal' ? 'write-ahead log' : 'rollback journal'
    const instead = main !== path && existsSync(main) ? ` Open ${basename(main)} instead.` : ''
    return new AppError('NOT_A_WORKSPACE', `${path} is the ${what} of a workspace (a side file SQLite keeps beside it while it is open), not a workspace itself.${instead} ${unchanged}`, { path })
  }
  if (/-shm$/.test(path))
    return new AppError('NOT_A_WORKSPACE', `${path} is the shared-memory index of a workspace (a side file SQLite keeps beside it while it is open), not a workspace itself. ${unchanged}`, { path })
  if (allZero(fd, start, size))
    return new AppError(
      'CORRUPT_WORKSPACE',
      `${path} holds only zero bytes where a workspace's data should be: the file is damaged (a disk or a copy failed while writing it). ${unchanged} Open a backup or a copy of it, if you have one.`,
      { path },
    )
  return new AppError('NOT_A_WORKSPACE', `${path} is not a CX Desk workspace.`, { path })
}

function allZero(fd: number, start: Buffer, size: number): boolean {
  if (start.some((b) => b !== 0)) return false
  const rest = Buffer.alloc(Math.min(size, ZERO_SCAN_BYTES) - start.length)
  if (rest.length) readSync(fd, rest, 0, rest.length, start.length)
  return rest.every((b) => b === 0)
}

/** A failure to read the file, in plain words (never a bare EISDIR or EACCES). */
/**
 * The workspace can be written where it is (`existing`: the file and its folder) or made where the
 * user chose (its folder), checked before SQLite is asked to: SQLite writes the file and keeps its
 * journal beside it, and finding out at the first write gave its raw "attempt to write a readonly
 * database" or "unable to open database file". A read-only file system (a locked USB stick, a
 * read-only share) answers EROFS even to an administrator; permissions answer EACCES or EPERM.
 */
export function checkWritable(path: string, opts: { existing: boolean } = { existing: true }, access: (path: string, mode: number) => void = accessSync): void {
  const targets = opts.existing ? ([[path, 'the file'], [dirname(path), 'its folder']] as const) : ([[nearestFolder(dirname(path)), 'its folder']] as const)
  for (const [target, what] of targets) {
    try {
      access(target, constants.W_OK)
    } catch (e) {
      const code = (e as { code?: string }).code
      if (code !== 'EROFS' && code !== 'EACCES' && code !== 'EPERM') throw describeFsError(e, path)
      const why = `${what} cannot be written (${code === 'EROFS' ? 'a read-only drive or share' : 'its permissions'})`
      throw opts.existing
        ? new AppError('IO', `${path} cannot be changed: ${why}. CX Desk saves every change into the workspace file, so copy it to a folder you can write to and open the copy. ${unchanged}`, { path, cause: 'READ_ONLY' })
        : new AppError('IO', `${path} cannot be created: ${why}. Choose a folder you can write to.`, { path, cause: 'READ_ONLY_FOLDER' })
    }
  }
}

/** The folder itself or, where it is still to be made, the nearest one above it that exists. */
function nearestFolder(dir: string): string {
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir)
  return dir
}

export function describeFsError(e: unknown, path: string): AppError {
  if (e instanceof AppError) return e
  const code = (e as { code?: string }).code
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new AppError('FILE_NOT_FOUND', `There is no file at ${path}.`, { path })
    case 'EISDIR':
      return new AppError('NOT_A_WORKSPACE', `${path} is a folder, not a workspace file. Choose a .cxdesk file instead.`, { path })
    case 'EACCES':
    case 'EPERM':
      return new AppError('IO', `CX Desk is not allowed to read ${path}. Check the file's permissions (or ask whoever owns it to share it). ${unchanged}`, { path, cause: code })
    default:
      return new AppError('IO', `Could not read ${path}: ${(e as Error)?.message ?? String(e)}`, { path, cause: code })
  }
}

/**
 * SQLite's quick_check over the whole file (every page of every table and index, their records and
 * their order; not the cross-checks between a table and its indexes). A failure is told in plain
 * words; SQLite's own report is kept in the details, for a log.
 */
export function checkIntegrity(ro: Database.Database, path: string): void {
  let report: string
  try {
    const rows = ro.pragma('quick_check') as Array<{ quick_check: string }>
    report = rows.map((r) => r.quick_check).join('\n')
  } catch (e) {
    const code = (e as { code?: string }).code ?? ''
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) throw damaged(path, (e as Error).message)
    throw new AppError('IO', `Could not read ${path}: ${(e as Error).message}`, { path })
  }
  if (report !== 'ok') throw damaged(path, report)
}

function damaged(path: string, report: string): AppError {
  return new AppError(
    'CORRUPT_WORKSPACE',
    `${path} is damaged: SQLite's check of the file's structure (every page, table and index) found errors, so CX Desk did not open it. ${unchanged} Open a backup or a copy of it, if you have one.`,
    { path, check: report },
  )
}

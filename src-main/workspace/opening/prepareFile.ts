import Database from 'better-sqlite3'
import { renameSync, rmSync } from 'node:fs'
import { basename } from 'node:path'
import { openUpgradeConnection, wrap, type WorkspaceDb } from '../../db/connect'
import { checkIntegrity, describeFsError } from '../../db/fileChecks'
import { assertKnownMigrations, cancelledError, migrateToLatest, planMigrations, readMigrationState, type MigrationPlan } from '../../db/migrate'
import { migrations } from '../../db/migrations/index'
import { AppError, isAppError } from '../../../src-shared/api/result'
import type { JobControl } from '../../workers/protocol'
import { ensureDerivedData } from '../../feedback/derivedData'
import type { OpenFileRequest, OpeningResult, StageProgress } from './job'

/** Pages copied per step of the backup: 16 MB at the usual 4 KB page, about 50 progress reports per GB. */
const BACKUP_PAGES_PER_STEP = 4096

/**
 * The open-time work on a workspace file, before the app's own connection opens it: SQLite's check
 * of the whole file and the migration plan (read-only), a backup if migrations are due, the
 * migrations (each in its own transaction), then what is derived from comments. Runs in a worker
 * thread for a large file (see runOpening.ts); cancellable between statements and chunks.
 *
 * A cancel leaves the file exactly as it was unless a migration had already committed: those stay
 * (each whole, recorded by name; the backup taken before them is kept) and the rest follow on the
 * next open. The error's message says which.
 */
export async function prepareWorkspaceFile(req: OpenFileRequest, control: JobControl<StageProgress>): Promise<OpeningResult> {
  let plan: MigrationPlan | null = null
  let backupPath: string | null = null
  const applied: string[] = []
  try {
    plan = await checkAndPlan(req, control)
    backupPath = plan.pending.length && req.backupPath ? req.backupPath : null
    if (backupPath) await backUp(req, backupPath, control)
    if (control.isCancelled()) throw cancelledError()
    await upgrade(req, plan, control, (name) => applied.push(name))
    return { applied, backupPath }
  } catch (e) {
    if (!isAppError(e) || e.code !== 'CANCELLED') throw e
    if (backupPath && !applied.length) rmSync(backupPath, { force: true })
    throw cancelledAfter(req.path, plan?.pending ?? [], applied, backupPath)
  }
}

/** The read-only part: nothing is written if the file is damaged or has migrations this app does not know. */
async function checkAndPlan(req: OpenFileRequest, control: JobControl<StageProgress>): Promise<MigrationPlan> {
  control.progress({ stage: 'checking', done: 0, total: 0 })
  let ro: Database.Database
  try {
    ro = new Database(req.path, { readonly: true, fileMustExist: true, nativeBinding: req.nativeBinding })
  } catch (e) {
    throw openError(e, req.path)
  }
  const ws = wrap(req.path, ro)
  try {
    checkIntegrity(ro, req.path)
    const plan = planMigrations(await readMigrationState(ws.db), migrations.map(([name]) => name))
    assertKnownMigrations(plan, req.path)
    if (control.isCancelled()) throw cancelledError()
    return plan
  } finally {
    await ws.close()
  }
}

/** A copy of the file as it was, made through SQLite (consistent even with a WAL beside it), written under a temporary name. */
async function backUp(req: OpenFileRequest, dest: string, control: JobControl<StageProgress>): Promise<void> {
  const ro = new Database(req.path, { readonly: true, fileMustExist: true, nativeBinding: req.nativeBinding })
  const partial = `${dest}.partial-${process.pid}`
  try {
    control.progress({ stage: 'backingUp', done: 0, total: 0 })
    await ro.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        // Thrown here, better-sqlite3 stops the backup and rejects with it.
        if (control.isCancelled()) throw cancelledError()
        control.progress({ stage: 'backingUp', done: totalPages - remainingPages, total: totalPages })
        return BACKUP_PAGES_PER_STEP
      },
    })
    renameSync(partial, dest)
  } catch (e) {
    rmSync(partial, { force: true })
    if (isAppError(e)) throw e
    throw new AppError('IO', `Could not back up ${req.path} before updating it: ${(e as Error).message}. Nothing was changed.`, { path: req.path })
  } finally {
    ro.close()
  }
}

/**
 * Migrations, then derived data. When no migration is due, a file from before names were recorded
 * has them recorded last, so that a cancel during the derived data leaves it exactly as it was.
 */
async function upgrade(req: OpenFileRequest, plan: MigrationPlan, control: JobControl<StageProgress>, onApplied: (name: string) => void): Promise<void> {
  const ws = connect(req)
  try {
    const migrate = () =>
      migrateToLatest(ws.db, {
        appVersion: req.appVersion,
        now: req.now,
        where: req.path,
        isCancelled: control.isCancelled,
        onApplied,
        onProgress: ({ done, total, migration }) => control.progress({ stage: 'migrating', done, total, ...(migration ? { migration } : {}) }),
      })
    const derive = () => {
      if (control.isCancelled()) throw cancelledError()
      control.progress({ stage: 'updating', done: 0, total: 0 })
      ensureDerivedData(ws.sqlite, { isCancelled: control.isCancelled, onProgress: (p) => control.progress({ stage: 'updating', ...p }) })
    }
    if (plan.pending.length) {
      await migrate()
      derive()
    } else {
      derive()
      await migrate()
    }
  } finally {
    // Not ws.close(): that would switch the file's journal mode, and the app's connection opens it next.
    await ws.db.destroy()
  }
}

function connect(req: OpenFileRequest): WorkspaceDb {
  try {
    return wrap(req.path, openUpgradeConnection(req.path, { nativeBinding: req.nativeBinding }))
  } catch (e) {
    throw openError(e, req.path)
  }
}

function openError(e: unknown, path: string): AppError {
  const code = (e as { code?: string }).code ?? ''
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'))
    return new AppError('CORRUPT_WORKSPACE', `${path} is damaged: SQLite cannot read it as a database. Nothing was changed.`, { path, check: (e as Error).message })
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM' || code === 'SQLITE_READONLY')
    return new AppError('IO', `CX Desk cannot open ${path} (${(e as Error).message}). Check that the file and its folder may be read and written. Nothing was changed.`, { path, cause: code })
  return describeFsError(e, path)
}

function cancelledAfter(path: string, pending: string[], applied: string[], backupPath: string | null): AppError {
  const name = basename(path)
  if (!applied.length) return new AppError('CANCELLED', `Opening ${name} was cancelled. The file was not changed.`, { path })
  const kept = backupPath ? ` A copy from before them is at ${backupPath}.` : ''
  return new AppError(
    'CANCELLED',
    `Opening ${name} was cancelled after ${applied.length} of ${pending.length} updates to its format. Those stay applied (each one whole); the others are applied the next time it is opened.${kept}`,
    { path, applied, pending: pending.filter((n) => !applied.includes(n)), backupPath },
  )
}

import { existsSync, readdirSync, renameSync, rmSync, mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { AppError } from '../../src-shared/api/result'
import { cleanFileName } from '../../src-shared/domain/fileName'
import type { RecentWorkspace, WorkspaceInfo } from '../../src-shared/api/workspace'
import type { AppContext } from './context'
import { WORKSPACE_EXTENSION, workspaceNameFromPath } from '../workspace/workspaceSession'

export const DEMO_FILE_NAME = 'Café Sông Trà (demo).cxdesk'
const DEMO_NAME = 'Café Sông Trà (demo)'

/** A name typed by the user, made safe as a file name on Windows, macOS and Linux. */
export function fileNameFor(name: string): string {
  const cleaned = cleanFileName(name, 100)
  if (!cleaned) throw new AppError('VALIDATION', 'Give the workspace a name.')
  return cleaned.toLowerCase().endsWith(WORKSPACE_EXTENSION) ? cleaned : cleaned + WORKSPACE_EXTENSION
}

export async function createWorkspace(ctx: AppContext, req: { fileId?: string; name?: string; timezone?: string; demo?: boolean }): Promise<WorkspaceInfo | null> {
  let path: string | null
  if (req.fileId) path = ctx.files.takeDestination(req.fileId, 'newWorkspace')
  else if (req.name) path = join(ctx.paths.workspacesDir, fileNameFor(req.name))
  else if (ctx.platform.dialogs) path = await ctx.platform.dialogs.chooseNewWorkspace('Client workspace.cxdesk')
  else throw new AppError('VALIDATION', 'Give the workspace a name.')
  if (!path) return null
  if (existsSync(path) || existsSync(path + WORKSPACE_EXTENSION)) throw new AppError('FILE_EXISTS', `A workspace named ${workspaceNameFromPath(path)} already exists.`, { path })
  const demo = req.demo ? { isDemo: true, seed: 'cafeDemo' as const, inWorker: ctx.platform.kind === 'desktop' } : {}
  return ctx.session.create(path, { name: req.name ?? (req.demo ? DEMO_NAME : workspaceNameFromPath(path)), timezone: req.timezone, ...demo })
}

/** Opens a workspace listed by workspace.list (or registered by the CLI or a test), or, on the desktop, the one the user picks. */
export async function openWorkspace(ctx: AppContext, req: { fileId?: string }): Promise<WorkspaceInfo | null> {
  const path = req.fileId ? ctx.files.resolveWorkspace(req.fileId) : await ctx.platform.dialogs?.chooseWorkspaceToOpen()
  if (path === undefined) throw new AppError('VALIDATION', 'Say which workspace file to open.')
  if (!path) return null
  return ctx.session.openFile(path)
}

/** Opens the demo, creating it first if needed (in a worker with progress, unless `inWorker` is false: nobody is watching yet). */
export async function openDemo(ctx: AppContext, opts: { inWorker?: boolean } = {}): Promise<WorkspaceInfo> {
  const path = join(ctx.paths.dataDir, DEMO_FILE_NAME)
  if (existsSync(path)) return ctx.session.openFile(path)
  return ctx.session.create(path, {
    name: DEMO_NAME,
    isDemo: true,
    seed: 'cafeDemo',
    inWorker: opts.inWorker,
  })
}

/**
 * Writes a consistent, self-contained copy of the open workspace (one file, no WAL) that can be
 * e-mailed; written under a temporary name and renamed, so a failure leaves no partial file.
 */
export async function saveCopy(ctx: AppContext, req: { fileId?: string }): Promise<{ path: string } | null> {
  const open = ctx.session.require()
  const target = req.fileId
    ? ctx.files.takeDestination(req.fileId, 'workspaceCopy')
    : await ctx.platform.dialogs?.chooseCopyDestination(`${open.settings.name} (copy)${WORKSPACE_EXTENSION}`)
  if (target === undefined) throw new AppError('VALIDATION', 'Say where to save the copy.')
  if (!target) return null
  const dest = target.toLowerCase().endsWith(WORKSPACE_EXTENSION) ? target : target + WORKSPACE_EXTENSION
  if (resolve(dest) === resolve(open.ws.path)) throw new AppError('VALIDATION', 'Choose a different file than the open workspace.')
  await writeSnapshot(open.ws.sqlite, dest, ctx.sqlite.nativeBinding)
  return { path: dest }
}

export async function writeSnapshot(source: Database.Database, dest: string, nativeBinding?: string): Promise<void> {
  mkdirSync(dirname(dest), { recursive: true })
  const tmp = `${dest}.saving-${process.pid}`
  rmSync(tmp, { force: true })
  try {
    await source.backup(tmp)
    const copy = new Database(tmp, { nativeBinding })
    copy.pragma('journal_mode = DELETE')
    copy.close()
    renameSync(tmp, dest)
  } catch (e) {
    rmSync(tmp, { force: true })
    throw new AppError('IO', `Could not save the copy: ${(e as Error).message}`)
  }
}

/** The user's recent workspaces and those in the workspaces folder, each with the id workspace.open takes. */
export function listWorkspaces(ctx: AppContext): { recent: RecentWorkspace[]; inFolder: RecentWorkspace[] } {
  const recent = (ctx.prefs?.get().recent ?? []).map((r) => ({ ...r, id: ctx.files.registerWorkspace(r.path), exists: existsSync(r.path) }))
  const known = new Set(recent.map((r) => r.path))
  const inFolder: RecentWorkspace[] = []
  for (const dir of [ctx.paths.workspacesDir]) {
    if (!existsSync(dir)) continue
    for (const f of readdirSync(dir)) {
      const path = join(dir, f)
      if (f.toLowerCase().endsWith(WORKSPACE_EXTENSION) && !known.has(path))
        inFolder.push({ id: ctx.files.registerWorkspace(path), path, name: workspaceNameFromPath(f), lastOpenedAt: 0, exists: true })
    }
  }
  return { recent, inFolder: inFolder.sort((a, b) => a.name.localeCompare(b.name)) }
}

/** At start: the last workspace if it still opens, the demo on the very first run, otherwise the start screen. */
export async function openInitialWorkspace(ctx: AppContext): Promise<void> {
  const last = ctx.prefs?.get().lastWorkspace
  if (last) {
    try {
      await ctx.session.openFile(last)
      return
    } catch (e) {
      console.warn(`Could not reopen ${last}: ${(e as Error).message}`)
      return
    }
  }
  // Only the desktop app shows a window while this runs (the browser host starts listening after it).
  if (ctx.prefs?.firstRun !== false) await openDemo(ctx, { inWorker: ctx.platform.kind === 'desktop' })
}

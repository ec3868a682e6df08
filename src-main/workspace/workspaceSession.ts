import { basename, dirname, join } from 'node:path'
import { existsSync, mkdirSync } from 'node:fs'
import type { OpenWorkspace, WorkspaceSettings } from '../db/openWorkspace'
import { connectWorkspace, openInMemoryWorkspace, openWorkspaceForReading, schemaVersionOf, type SqliteOptions, type WorkspaceDb } from '../db/connect'
import { checkWorkspaceFile, checkWritable } from '../db/fileChecks'
import { readMeta } from '../db/meta'
import { journalSpan } from '../metrics/rollups/rollupMaintainRepository'
import { countResponses } from '../db/responses'
import { AppError, isAppError } from '../../src-shared/api/result'
import type { WorkspaceInfo } from '../../src-shared/api/workspace'
import type { OpeningProgress } from '../../src-shared/api/workspaceOpening'
import { currentZoneName, isValidTimeZone, localDateConverter } from '../../src-shared/domain/timezone'
import { FOLD_FROM, rollupKeeper } from '../metrics/rollups/keeper'
import type { Clock } from '../common/clock'
import type { EventBus } from '../common/events'
import type { PreferencesStore } from '../common/preferences'
import { APP_VERSION } from '../common/version'
import type { OpeningRequest, OpeningResult, StageProgress } from './opening/job'
import type { SeedName } from './opening/seeds'
import { startOpening } from './opening/startOpening'
import { fillNewWorkspace } from './opening/fillNewWorkspace'
import type { WorkerEntry } from '../workers/entry'
import { derivedDataIsCurrent } from '../feedback/derivedData'
import { retentionOnOpen } from '../privacy/privacyService'
import { ensureDueDates } from '../feedback/followUpService'

export interface SessionDeps {
  clock: Clock
  events: EventBus
  sqlite: SqliteOptions
  /** The CLI passes null: scripted use should not fill the desktop's recent list. */
  prefs: PreferencesStore | null
  defaultTimezone: string
  /**
   * Where opening and creating run: false for the CLI, which has no window to keep responsive and
   * would only pay for starting a thread; otherwise in a worker thread for files from `fromBytes`
   * (default OPEN_IN_WORKER_FROM_BYTES) and for a seeded new workspace (the demo), with progress
   * and cancel, and on the calling thread for small work.
   */
  openInWorker?: false | { fromBytes: number }
  /** Where the open worker's code is; by default beside the bundle, or its source (src-main/workers/entry.ts). */
  openWorker?: WorkerEntry
  /**
   * Open files read-only when nothing needs upgrading, folding or deriving (the CLI's metrics and
   * reports): nothing is written, so an unchanged file keeps its integrity memo (SqliteOptions).
   */
  readOnly?: boolean
}

/**
 * From this size, opening a file runs in a worker. Measured at a million responses (841 MB, a
 * loaded 2-core machine): SQLite's check ~3 ms per MB, a re-score of every comment ~2.5 ms per MB;
 * starting the worker ~0.3–0.5 s bundled, 1.5–2 s from source. Below 16 MB an up-to-date file
 * blocks for well under 0.1 s, a re-score or migration for about 0.1–0.2 s: less than a thread's start.
 */
export const OPEN_IN_WORKER_FROM_BYTES = 16 * 2 ** 20

export const WORKSPACE_EXTENSION = '.cxdesk'

export function workspaceNameFromPath(path: string): string {
  return basename(path).replace(/\.cxdesk$/i, '')
}

/** The one workspace a window (or a CLI run) has open, and the moves between workspaces. */
export class WorkspaceSession {
  private current: OpenWorkspace | null = null

  constructor(private readonly deps: SessionDeps) {}

  get open(): OpenWorkspace | null {
    return this.current
  }

  require(): OpenWorkspace {
    if (!this.current) throw new AppError('NO_WORKSPACE', 'No workspace is open. Create or open one first.')
    return this.current
  }

  /**
   * Creates a workspace file and opens it. A seeded one (the demo: seconds of work) is built in a
   * worker, with progress and cancel, unless `inWorker` says otherwise (nobody watching yet).
   */
  async create(path: string, opts: { name?: string; timezone?: string; isDemo?: boolean; seed?: SeedName; inWorker?: boolean } = {}): Promise<WorkspaceInfo> {
    if (!path.toLowerCase().endsWith(WORKSPACE_EXTENSION)) path += WORKSPACE_EXTENSION
    const timezone = opts.timezone ?? this.deps.defaultTimezone
    if (!isValidTimeZone(timezone)) throw new AppError('VALIDATION', `Unknown time zone "${timezone}".`)
    const name = opts.name ?? workspaceNameFromPath(path)
    return this.oneAtATime(async () => {
      if (existsSync(path)) throw new AppError('FILE_EXISTS', `A file already exists at ${path}.`, { path })
      checkWritable(path, { existing: false })
      mkdirSync(dirname(path), { recursive: true })
      const request: OpeningRequest = {
        kind: 'create',
        path,
        tmpPath: `${path}.creating-${process.pid}`,
        nativeBinding: this.deps.sqlite.nativeBinding,
        appVersion: APP_VERSION,
        now: this.deps.clock.now(),
        name,
        timezone,
        isDemo: opts.isDemo ?? false,
        seed: opts.seed ?? null,
      }
      // A new empty workspace takes milliseconds; the demo's data, seconds.
      await this.runOpening(request, name, this.deps.openInWorker !== false && (opts.inWorker ?? Boolean(opts.seed)))
      return this.activate(connectWorkspace(path, this.deps.sqlite))
    })
  }

  /**
   * Creates a workspace in memory and opens it: migrated and filled by the same code as a new file
   * (fillNewWorkspace), so tests of the contract start where a user's new workspace starts, without
   * a disk. Nothing of it outlives close().
   */
  async createInMemory(opts: { name?: string; timezone?: string; isDemo?: boolean; seed?: SeedName } = {}): Promise<WorkspaceInfo> {
    const timezone = opts.timezone ?? this.deps.defaultTimezone
    if (!isValidTimeZone(timezone)) throw new AppError('VALIDATION', `Unknown time zone "${timezone}".`)
    return this.oneAtATime(async () => {
      const now = this.deps.clock.now()
      const ws = await openInMemoryWorkspace({ nativeBinding: this.deps.sqlite.nativeBinding, appVersion: APP_VERSION, now })
      try {
        await fillNewWorkspace(ws, { name: opts.name ?? 'In memory', timezone, isDemo: opts.isDemo ?? false, seed: opts.seed ?? null, now })
      } catch (e) {
        await ws.close()
        throw e
      }
      return this.activate(ws)
    })
  }

  /**
   * Opens a workspace file: what its header says is checked here; the rest of the open-time work
   * (SQLite's check, backup, migrations, derived data) runs before the app's connection opens it,
   * in a worker for a large file. The workspace open until then stays open if anything fails.
   */
  async openFile(path: string): Promise<WorkspaceInfo> {
    return this.oneAtATime(async () => {
      if (this.deps.readOnly) {
        const ws = openWorkspaceForReading(path, this.deps.sqlite, (sqlite) => journalSpan(sqlite).pending < FOLD_FROM && derivedDataIsCurrent(sqlite))
        if (ws) return this.activate(ws)
      }
      const header = checkWorkspaceFile(path)
      checkWritable(path, { existing: true })
      const stamp = new Date(this.deps.clock.now()).toISOString().replace(/[-:]/g, '').slice(0, 15)
      const request: OpeningRequest = {
        kind: 'open',
        path,
        nativeBinding: this.deps.sqlite.nativeBinding,
        backupPath: join(dirname(path), `${basename(path)}.v${header.userVersion}-${stamp}.bak`),
        appVersion: APP_VERSION,
        now: this.deps.clock.now(),
      }
      const policy = this.deps.openInWorker ?? { fromBytes: OPEN_IN_WORKER_FROM_BYTES }
      await this.runOpening(request, workspaceNameFromPath(path), policy !== false && header.fileSize >= policy.fromBytes)
      return this.activate(connectWorkspace(path, this.deps.sqlite))
    })
  }

  /** The opening under way, if any. */
  get opening(): OpeningProgress | null {
    return this.openingNow ? { ...this.openingNow.progress } : null
  }

  /** Stops the opening under way; its request then fails with CANCELLED. */
  cancelOpening(): boolean {
    if (!this.openingNow) return false
    this.openingNow.cancel()
    return true
  }

  /** Cancels the opening under way and waits until it has stopped (quitting: no half-made backup or new file is left behind). */
  async stopOpening(): Promise<void> {
    this.cancelOpening()
    await this.queue
  }

  private openingNow: { progress: OpeningProgress; cancel(): void } | null = null
  private queue: Promise<unknown> = Promise.resolve()

  /** Opens and creations run one after another: each replaces the open workspace when it ends. */
  private oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work)
    this.queue = run.catch(() => undefined)
    return run
  }

  /** Runs one opening, reporting each step as a workspace.opening event. */
  private async runOpening(request: OpeningRequest, name: string, inWorker: boolean): Promise<OpeningResult> {
    let progress: OpeningProgress = { state: 'running', kind: request.kind, name, stage: request.kind === 'open' ? 'checking' : 'creating', done: 0, total: 0 }
    const report = (next: Partial<OpeningProgress>) => {
      const { migration, ...rest } = { ...progress, ...next }
      progress = migration && rest.stage === 'migrating' ? { ...rest, migration } : rest
      if (this.openingNow) this.openingNow.progress = progress
      this.deps.events.emit('workspace.opening', progress)
    }
    const job = startOpening(request, (p: StageProgress) => report({ migration: undefined, ...p }), { inWorker, entry: this.deps.openWorker })
    this.openingNow = { progress, cancel: job.cancel }
    report({})
    try {
      const result = await job.done
      report({ state: 'done' })
      return result
    } catch (e) {
      report({ state: isAppError(e) && e.code === 'CANCELLED' ? 'cancelled' : 'failed', message: (e as Error).message })
      throw e
    } finally {
      this.openingNow = null
    }
  }

  async close(): Promise<void> {
    const old = this.current
    this.current = null
    if (old) await old.ws.close()
    this.deps.events.emit('workspace.changed', null)
  }

  async info(): Promise<WorkspaceInfo | null> {
    return this.current ? describe(this.current) : null
  }

  /**
   * Changes the zone periods are cut in: every stored local date and every score summary is
   * recomputed in one transaction (in a worker, with progress events, for a workspace on disk).
   */
  async setTimezone(timezone: string): Promise<WorkspaceInfo> {
    const open = this.require()
    if (!isValidTimeZone(timezone)) throw new AppError('VALIDATION', `Unknown time zone "${timezone}".`)
    timezone = currentZoneName(timezone)
    await rollupKeeper(open.ws, { events: this.deps.events, nativeBinding: this.deps.sqlite.nativeBinding }).run({ kind: 'rebuild', change: { type: 'timezone', timezone } })
    open.settings = { ...open.settings, timezone }
    open.localDateOf = localDateConverter(timezone)
    const info = await describe(open)
    this.deps.events.emit('workspace.changed', info)
    return info
  }

  /** Closes the previous workspace only once the new one is open, so a failed open keeps the user where they were. */
  private async activate(ws: WorkspaceDb): Promise<WorkspaceInfo> {
    let settings: WorkspaceSettings
    try {
      settings = settingsFrom(await readMeta(ws.db), ws.path, this.deps.defaultTimezone)
    } catch (e) {
      await ws.close()
      throw e
    }
    const previous = this.current
    this.current = { ws, db: ws.db, settings, localDateOf: localDateConverter(settings.timezone) }
    if (previous && previous.ws !== ws) await previous.ws.close()
    // The workspace's retention rule, if it has one, is applied on every writable open (privacy/).
    if (!this.deps.readOnly) retentionOnOpen(this.current, this.deps.clock.now())
    // Follow-up due dates are derived data, brought up to date when the workspace opens so that a
    // first read does not write them (reads then only catch up on what later writes marked).
    if (!this.deps.readOnly) ensureDueDates(ws.sqlite)
    if (ws.path !== ':memory:') this.deps.prefs?.rememberOpened(ws.path, settings.name, this.deps.clock.now())
    const info = await describe(this.current)
    this.deps.events.emit('workspace.changed', info)
    return info
  }
}

function settingsFrom(meta: Record<string, string>, path: string, fallbackTz: string): WorkspaceSettings {
  const tz = meta.timezone && isValidTimeZone(meta.timezone) ? meta.timezone : fallbackTz
  return {
    name: meta.name || workspaceNameFromPath(path),
    timezone: tz,
    createdAt: Number(meta.created_at ?? 0),
    isDemo: meta.is_demo === '1',
  }
}

async function describe(open: OpenWorkspace): Promise<WorkspaceInfo> {
  return {
    path: open.ws.path,
    name: open.settings.name,
    timezone: open.settings.timezone,
    createdAt: open.settings.createdAt,
    schemaVersion: await schemaVersionOf(open.db),
    responseCount: await countResponses(open.db),
    isDemo: open.settings.isDemo,
  }
}

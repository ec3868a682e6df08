import { basename, dirname, join } from 'node:path'
import { mkdirSync } from 'node:fs'
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import { createWorkspaceFile, openWorkspaceFile, openWorkspaceForReading, schemaVersionOf, type SqliteOptions, type WorkspaceDb } from '../db/connect'
import { journalSpan } from '../db/repositories/rollups/maintain'
import { readMeta, writeMeta } from '../db/repositories/meta'
import { countResponses } from '../db/repositories/responses'
import { insertQuestions } from '../db/repositories/questions'
import { AppError } from '../../src-shared/api/result'
import type { WorkspaceInfo } from '../../src-shared/api/workspace'
import { currentZoneName, isValidTimeZone, localDateConverter } from '../../src-shared/domain/timezone'
import { FOLD_FROM, rollupKeeper } from '../metrics/rollups/keeper'
import type { Clock } from '../app/clock'
import type { EventBus } from '../app/events'
import type { PreferencesStore } from '../app/preferences'
import { defaultQuestions } from './defaultQuestions'
import { derivedDataIsCurrent, ensureDerivedData, seedLexicon } from './derivedData'

export interface WorkspaceSettings {
  name: string
  timezone: string
  createdAt: number
  isDemo: boolean
}

export interface OpenWorkspace {
  readonly ws: WorkspaceDb
  readonly db: Kysely<DB>
  settings: WorkspaceSettings
  /** Converts UTC instants to local dates in this workspace's zone (cached per zone). */
  localDateOf: (epochMs: number) => string
}

export interface SessionDeps {
  clock: Clock
  events: EventBus
  sqlite: SqliteOptions
  /** The CLI passes null: scripted use should not fill the desktop's recent list. */
  prefs: PreferencesStore | null
  defaultTimezone: string
  /**
   * Open files read-only when nothing needs upgrading, folding or deriving (the CLI's metrics and
   * reports): nothing is written, so an unchanged file keeps its integrity memo (SqliteOptions).
   */
  readOnly?: boolean
}

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

  async create(
    path: string,
    opts: { name?: string; timezone?: string; isDemo?: boolean; seed?: (ws: WorkspaceDb, env: { localDateOf: (ms: number) => string; now: number }) => Promise<void> } = {},
  ): Promise<WorkspaceInfo> {
    if (!path.toLowerCase().endsWith(WORKSPACE_EXTENSION)) path += WORKSPACE_EXTENSION
    const timezone = opts.timezone ?? this.deps.defaultTimezone
    if (!isValidTimeZone(timezone)) throw new AppError('VALIDATION', `Unknown time zone "${timezone}".`)
    const now = this.deps.clock.now()
    mkdirSync(dirname(path), { recursive: true })
    const ws = await createWorkspaceFile(
      path,
      async (fresh) => {
        const db = fresh.db
        await writeMeta(db, {
          name: opts.name ?? workspaceNameFromPath(path),
          timezone,
          created_at: String(now),
          is_demo: opts.isDemo ? '1' : '0',
        })
        await insertQuestions(db, defaultQuestions)
        seedLexicon(fresh.sqlite)
        if (opts.seed) await opts.seed(fresh, { localDateOf: localDateConverter(timezone), now })
      },
      this.deps.sqlite,
    )
    return this.activate(ws)
  }

  async openFile(path: string): Promise<WorkspaceInfo> {
    if (this.deps.readOnly) {
      const ws = openWorkspaceForReading(path, this.deps.sqlite, (sqlite) => journalSpan(sqlite).pending < FOLD_FROM && derivedDataIsCurrent(sqlite))
      if (ws) return this.activate(ws)
    }
    const ws = await openWorkspaceFile(path, {
      ...this.deps.sqlite,
      backupBeforeMigration: async (fromVersion, ro) => {
        const stamp = new Date(this.deps.clock.now()).toISOString().replace(/[-:]/g, '').slice(0, 15)
        await ro.backup(join(dirname(path), `${basename(path)}.v${fromVersion}-${stamp}.bak`))
      },
    })
    return this.activate(ws)
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
      ensureDerivedData(ws.sqlite)
      settings = settingsFrom(await readMeta(ws.db), ws.path, this.deps.defaultTimezone)
    } catch (e) {
      await ws.close()
      throw e
    }
    const previous = this.current
    this.current = { ws, db: ws.db, settings, localDateOf: localDateConverter(settings.timezone) }
    if (previous && previous.ws !== ws) await previous.ws.close()
    this.deps.prefs?.rememberOpened(ws.path, settings.name, this.deps.clock.now())
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

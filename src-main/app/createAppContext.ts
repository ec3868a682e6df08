import { mkdirSync, rmSync } from 'node:fs'
import type { SqliteOptions } from '../db/connect'
import { systemTimeZone } from '../../src-shared/domain/timezone'
import { WorkspaceSession } from '../workspace/workspaceSession'
import { systemClock, type Clock } from '../common/clock'
import type { AppContext } from './context'
import { EventBus } from '../common/events'
import { FileRegistry } from '../common/fileRegistry'
import { resolvePaths, type AppPaths } from '../common/paths'
import type { Platform } from '../common/platform'
import { PreferencesStore } from '../common/preferences'
import { APP_VERSION } from '../common/version'
import { CollectionController } from '../collection/collectionController'

export interface AppContextOptions {
  platform: Platform
  paths?: AppPaths
  clock?: Clock
  sqlite?: SqliteOptions
  /** False for the CLI: scripted runs leave the user's recent files and language alone. */
  usePreferences?: boolean
  defaultTimezone?: string
  /** Open workspaces read-only where possible (the CLI's commands that only read). */
  readOnly?: boolean
}

export function createAppContext(opts: AppContextOptions): AppContext {
  const paths = opts.paths ?? resolvePaths()
  const clock = opts.clock ?? systemClock
  const events = new EventBus()
  const sqlite = opts.sqlite ?? {}
  let prefs: PreferencesStore | null = null
  if (opts.usePreferences !== false) {
    mkdirSync(paths.dataDir, { recursive: true })
    rmSync(paths.uploadsDir, { recursive: true, force: true })
    prefs = PreferencesStore.inDir(paths.dataDir)
  }
  const session = new WorkspaceSession({
    clock,
    events,
    sqlite,
    prefs,
    defaultTimezone: opts.defaultTimezone ?? systemTimeZone(process.env.TZ),
    // The CLI has no window to keep responsive: a worker thread for opening would only cost its start.
    openInWorker: opts.platform.kind === 'cli' ? false : undefined,
    readOnly: opts.readOnly,
  })
  const collection = new CollectionController({ workspace: () => session.open, events, now: () => clock.now(), rendererDir: opts.platform.rendererDir, nativeBinding: sqlite.nativeBinding })
  return { version: APP_VERSION, clock, paths, prefs, session, files: new FileRegistry(), events, platform: opts.platform, sqlite, collection }
}

import type { SqliteOptions } from '../db/connect'
import type { Clock } from './clock'
import type { AppPaths } from './paths'
import type { PreferencesStore } from './preferences'
import type { EventBus } from './events'
import type { FileRegistry } from './fileRegistry'
import type { Platform } from './platform'
import type { WorkspaceSession } from '../services/workspaceSession'

/** Everything a handler may use. Built once per process by createAppContext; tests build their own. */
export interface AppContext {
  version: string
  clock: Clock
  paths: AppPaths
  /** Null for the CLI, which must not touch the desktop's preferences. */
  prefs: PreferencesStore | null
  session: WorkspaceSession
  files: FileRegistry
  events: EventBus
  platform: Platform
  sqlite: SqliteOptions
}

import type { SqliteOptions } from '../db/connect'
import type { Clock } from '../common/clock'
import type { AppPaths } from '../common/paths'
import type { PreferencesStore } from '../common/preferences'
import type { EventBus } from '../common/events'
import type { FileRegistry } from '../common/fileRegistry'
import type { Platform } from '../common/platform'
import type { WorkspaceSession } from '../workspace/workspaceSession'
import type { CollectionController } from '../collection/collectionController'

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
  /** The shop's survey server: off until the user starts it, stopped when the workspace changes or the app closes. */
  collection: CollectionController
}

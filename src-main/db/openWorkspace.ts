import type { Kysely } from 'kysely'
import type { WorkspaceDb } from './connect'
import type { DB } from './schema'

export interface WorkspaceSettings {
  name: string
  timezone: string
  createdAt: number
  isDemo: boolean
}

/** The workspace a session holds open, as every domain's service receives it. */
export interface OpenWorkspace {
  readonly ws: WorkspaceDb
  readonly db: Kysely<DB>
  settings: WorkspaceSettings
  /** Converts UTC instants to local dates in this workspace's zone (cached per zone). */
  localDateOf: (epochMs: number) => string
}

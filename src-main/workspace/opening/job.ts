import type { OpeningStage } from '../../../src-shared/api/workspaceOpening'
import type { SeedName } from './seeds'

/** Opening an existing workspace file: check it, back it up if migrations are due, migrate, update derived data. */
export interface OpenFileRequest {
  kind: 'open'
  path: string
  nativeBinding?: string
  /** Where the backup goes if a migration is due; null: none (tests). */
  backupPath: string | null
  appVersion: string
  now: number
}

/** Building a new workspace file under `tmpPath`, renamed to `path` once whole. */
export interface CreateFileRequest {
  kind: 'create'
  path: string
  tmpPath: string
  nativeBinding?: string
  appVersion: string
  now: number
  name: string
  timezone: string
  isDemo: boolean
  seed: SeedName | null
}

export type OpeningRequest = OpenFileRequest | CreateFileRequest

export interface OpeningResult {
  /** Migrations applied by this opening, in order. */
  applied: string[]
  /** The backup made before them, if any. */
  backupPath: string | null
}

export interface StageProgress {
  stage: OpeningStage
  done: number
  total: number
  migration?: string
}

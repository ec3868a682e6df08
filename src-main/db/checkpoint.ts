import type { Sqlite } from './sqlite'

/** SQLite's default: the connection that commits past this many WAL pages checkpoints, in that commit. */
export const DEFAULT_AUTOCHECKPOINT_PAGES = 1000

/** What one checkpoint did: WAL frames in the log and frames copied back into the file (-1, -1: not in WAL mode). */
export interface CheckpointResult {
  busy: number
  log: number
  checkpointed: number
}

/**
 * Copies what it can of the WAL back into the database file without waiting for or blocking any
 * reader or writer (PASSIVE), syncing the WAL before and the file after: the fsyncs a commit past
 * the auto-checkpoint threshold would otherwise pay on the thread that committed.
 */
export function walCheckpoint(sqlite: Sqlite): CheckpointResult {
  const [row] = sqlite.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[]
  return row ?? { busy: 0, log: -1, checkpointed: -1 }
}

/** Pages after which this connection checkpoints by itself when it commits (0: never; another thread does it). */
export function setAutoCheckpoint(sqlite: Sqlite, pages: number): void {
  sqlite.pragma(`wal_autocheckpoint = ${Math.max(0, Math.round(pages))}`)
}

export function autoCheckpointPages(sqlite: Sqlite): number {
  return sqlite.pragma('wal_autocheckpoint', { simple: true }) as number
}

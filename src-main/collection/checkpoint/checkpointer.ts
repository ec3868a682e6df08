import { autoCheckpointPages, DEFAULT_AUTOCHECKPOINT_PAGES, setAutoCheckpoint } from '../../db/checkpoint'
import type { Sqlite } from '../../db/sqlite'
import { startJob } from '../../workers/startJob'
import type { WorkerEntry } from '../../workers/entry'
import type { CheckpointProgress, CheckpointSummary, CheckpointWorkerData } from './protocol'

/** How often the checkpoint thread checkpoints while collecting (ms). */
export const CHECKPOINT_INTERVAL_MS = 250

export interface Checkpointer {
  /** Stops the thread (after one last checkpoint) and gives the serving connection its own checkpoints back. */
  stop(): Promise<CheckpointSummary | null>
}

/**
 * Moves the WAL's checkpoints off the serving thread while the survey server collects: the serving
 * connection stops checkpointing by itself (wal_autocheckpoint = 0: the commit that crossed 1,000
 * pages used to copy the WAL back and fsync twice before its answers were sent), and a worker thread
 * with a connection of its own checkpoints every CHECKPOINT_INTERVAL_MS instead. Nothing for a
 * workspace in memory (no WAL).
 */
export function startCheckpointer(
  sqlite: Sqlite,
  target: { path: string; nativeBinding?: string },
  opts: { intervalMs?: number; entry?: WorkerEntry; onCheckpoint?: (p: CheckpointProgress) => void } = {},
): Checkpointer | null {
  if (target.path === ':memory:' || sqlite.memory) return null
  const before = autoCheckpointPages(sqlite)
  const job = startJob<CheckpointWorkerData, CheckpointProgress, CheckpointSummary>(
    'checkpointWorker',
    { path: target.path, nativeBinding: target.nativeBinding, intervalMs: opts.intervalMs ?? CHECKPOINT_INTERVAL_MS },
    { onProgress: opts.onCheckpoint, crashed: { code: 'INTERNAL', message: (reason) => `The checkpoint thread stopped (${reason}).` }, entry: opts.entry },
  )
  setAutoCheckpoint(sqlite, 0)
  let restored = false
  const restore = () => {
    if (restored) return
    restored = true
    try {
      if (sqlite.open) setAutoCheckpoint(sqlite, before > 0 ? before : DEFAULT_AUTOCHECKPOINT_PAGES)
    } catch {
      // Closed meanwhile (another workspace opened): nothing to give back.
    }
  }
  // A thread that dies (out of memory, a crash) hands the checkpoints back to the serving connection.
  job.done.catch(restore)
  return {
    async stop() {
      job.cancel()
      try {
        return await job.done
      } catch {
        return null
      } finally {
        restore()
      }
    },
  }
}

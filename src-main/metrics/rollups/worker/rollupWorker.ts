import { openWorkerConnection } from '../../../db/connect'
import { serveJob } from '../../../workers/serveJob'
import { runRollupJob } from '../jobs'
import type { RollupProgressMessage, RollupWorkerData } from './protocol'

/**
 * Runs one fold or rebuild on its own connection, so the main process keeps answering (from the
 * last committed state) while a million responses are summarised.
 */
serveJob<RollupWorkerData, RollupProgressMessage, void>((data, control) => {
  const sqlite = openWorkerConnection(data.path, { nativeBinding: data.nativeBinding, busyTimeoutMs: 30_000 })
  try {
    runRollupJob(sqlite, data.job, { onProgress: control.progress, isCancelled: control.isCancelled })
  } finally {
    sqlite.close()
  }
}, 'INTERNAL')

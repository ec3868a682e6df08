import { parentPort, workerData } from 'node:worker_threads'
import { openWorkerConnection } from '../../../db/connect'
import { isAppError } from '../../../../src-shared/api/result'
import { runRollupJob } from '../jobs'
import type { RollupWorkerData, RollupWorkerMessage } from './protocol'

/**
 * Runs one fold or rebuild on its own connection, so the main process keeps answering (from the
 * last committed state) while a million responses are summarised.
 */
const data = workerData as RollupWorkerData
const post = (m: RollupWorkerMessage) => parentPort?.postMessage(m)
const cancelled = new Int32Array(data.cancel)
const sqlite = openWorkerConnection(data.path, { nativeBinding: data.nativeBinding, busyTimeoutMs: 30_000 })
try {
  runRollupJob(sqlite, data.job, {
    onProgress: (p) => post({ type: 'progress', ...p }),
    isCancelled: () => Atomics.load(cancelled, 0) === 1,
  })
  post({ type: 'done' })
} catch (e) {
  post(isAppError(e) ? { type: 'error', code: e.code, message: e.message } : { type: 'error', code: 'INTERNAL', message: (e as Error).message })
} finally {
  sqlite.close()
}

/**
 * The import worker: a worker_thread with its own SQLite connection, so a long import never blocks
 * the main process (which serves the UI). WAL lets the main connection keep reading meanwhile.
 * Bundled as its own entry for the desktop app (electron.vite.config.ts); run from source through
 * importWorker.bootstrap.cjs under tsx.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { openWorkerConnection } from '../../db/connect'
import { isAppError } from '../../../src-shared/api/result'
import { localDateConverter } from '../../../src-shared/domain/timezone'
import { runImportJob } from '../importJob'
import { openTable } from '../openTable'
import type { ImportWorkerData, ImportWorkerMessage } from './protocol'

async function main(data: ImportWorkerData): Promise<ImportWorkerMessage> {
  // A large page cache; the transaction spills to the WAL and index sorts to temporary files, not to RAM.
  const sqlite = openWorkerConnection(data.dbPath, { nativeBinding: data.nativeBinding, busyTimeoutMs: 10_000, cacheSizeKiB: 65_536, tempStore: 'FILE' })
  try {
    const cancelled = new Int32Array(data.cancel)
    const table = await openTable(data.path, data.fileName, { encoding: data.mapping.encoding, delimiter: data.mapping.delimiter, sheet: data.mapping.sheet })
    const summary = await runImportJob(sqlite, {
      source: table.source,
      mapping: data.mapping,
      sourceKey: data.sourceKey,
      fileName: data.fileName,
      dryRun: data.dryRun,
      timezone: data.timezone,
      localDateOf: localDateConverter(data.timezone),
      now: data.now,
      isCancelled: () => Atomics.load(cancelled, 0) === 1,
      onProgress: (p) => parentPort?.postMessage({ type: 'progress', ...p } satisfies ImportWorkerMessage),
    })
    return { type: 'done', summary }
  } catch (e) {
    if (isAppError(e)) return { type: 'failed', code: e.code, message: e.message }
    return { type: 'failed', code: 'IMPORT_FAILED', message: (e as Error)?.message ?? String(e) }
  } finally {
    sqlite.close()
  }
}

if (parentPort && workerData) {
  void main(workerData as ImportWorkerData).then((msg) => parentPort?.postMessage(msg))
}

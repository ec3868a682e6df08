/**
 * The import worker: a worker_thread with its own SQLite connection, so a long import never blocks
 * the main process (which serves the UI). WAL lets the main connection keep reading meanwhile. It
 * only writes: a reader thread of its own parses and maps the file meanwhile and sends it in
 * batches (readerWorker.ts, remoteTable.ts), so reading and writing overlap on two cores.
 * Bundled as its own entry for the desktop app (electron.vite.config.ts); run from source through
 * importWorker.bootstrap.cjs under tsx.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads'
import { openWorkerConnection } from '../../db/connect'
import { isAppError } from '../../../src-shared/api/result'
import { runImportJob } from '../importJob'
import { readInThread } from './remoteTable'
import type { ImportWorkerData, ImportWorkerMessage } from './protocol'

async function main(port: MessagePort, data: ImportWorkerData): Promise<ImportWorkerMessage> {
  // The transaction spills to the WAL and index sorts to temporary files, not to RAM. A page cache of
  // 16 MB wrote a million rows as fast as one of 32 MB (within this machine's noise) and lowered the
  // import's peak memory by about 20 MB.
  const sqlite = openWorkerConnection(data.dbPath, { nativeBinding: data.nativeBinding, busyTimeoutMs: 10_000, cacheSizeKiB: 16_384, tempStore: 'FILE' })
  try {
    const cancelled = new Int32Array(data.cancel)
    // A reader thread parses and maps the file while this one writes.
    const table = await readInThread({ path: data.path, fileName: data.fileName, mapping: data.mapping, sourceKey: data.sourceKey, timezone: data.timezone })
    const summary = await runImportJob(sqlite, {
      table,
      mapping: data.mapping,
      fileName: data.fileName,
      dryRun: data.dryRun,
      now: data.now,
      isCancelled: () => Atomics.load(cancelled, 0) === 1,
      onProgress: (p) => port.postMessage({ type: 'progress', ...p } satisfies ImportWorkerMessage),
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
  const port = parentPort
  void main(port, workerData as ImportWorkerData).then((msg) => {
    port.postMessage(msg)
    // Done: the port must not keep the thread alive.
    port.unref()
  })
}

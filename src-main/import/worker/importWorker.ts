/**
 * The import worker: a worker_thread with its own SQLite connection, so a long import never blocks
 * the main process (which serves the UI). WAL lets the main connection keep reading meanwhile. It
 * only writes: a reader thread of its own inspects the file (the main thread chooses the mapping
 * from that), then parses and maps it and sends it in batches (readerWorker.ts, remoteTable.ts), so
 * reading and writing overlap on two cores and the file is never parsed on the main thread.
 * Bundled as its own entry for the desktop app (electron.vite.config.ts); run from source through
 * the tsx bootstrap (src-main/workers/entry.ts).
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads'
import { openWorkerConnection } from '../../db/connect'
import { isAppError } from '../../../src-shared/api/result'
import { runImportJob } from '../importJob'
import { hasLegacyKeys } from '../../db/responses'
import { startReader } from './remoteTable'
import type { ImportWorkerData, ImportWorkerMessage, ImportWorkerOrder } from './protocol'

async function main(port: MessagePort, data: ImportWorkerData): Promise<ImportWorkerMessage> {
  // The reader starts first: it inspects the file while this thread opens its connection.
  const reader = startReader({ path: data.path, fileName: data.fileName, kind: data.kind, inspect: data.inspect })
  let sqlite: ReturnType<typeof openWorkerConnection> | null = null
  try {
    // The transaction spills to the WAL and index sorts to temporary files, not to RAM. A page cache of
    // 16 MB wrote a million rows as fast as one of 32 MB (within this machine's noise) and lowered the
    // import's peak memory by about 20 MB.
    sqlite = openWorkerConnection(data.dbPath, { nativeBinding: data.nativeBinding, busyTimeoutMs: 10_000, cacheSizeKiB: 16_384, tempStore: 'FILE' })
    const cancelled = new Int32Array(data.cancel)
    const inspection = await reader.inspection()
    port.postMessage({ type: 'inspected', inspection } satisfies ImportWorkerMessage)
    const choice = await new Promise<ImportWorkerOrder>((resolve) => port.once('message', resolve))
    const table = await reader.read({ mapping: choice.mapping, sourceKey: choice.sourceKey, timezone: data.timezone, legacyKeys: hasLegacyKeys(sqlite) })
    const summary = await runImportJob(sqlite, {
      table,
      mapping: choice.mapping,
      fileName: data.fileName,
      dryRun: data.dryRun,
      now: data.now,
      zones: { read: choice.mapping.timezone ?? data.timezone, workspace: data.timezone },
      isCancelled: () => Atomics.load(cancelled, 0) === 1,
      onProgress: (p) => port.postMessage({ type: 'progress', ...p } satisfies ImportWorkerMessage),
    })
    return { type: 'done', summary }
  } catch (e) {
    await reader.close()
    if (isAppError(e)) return { type: 'failed', code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) }
    return { type: 'failed', code: 'IMPORT_FAILED', message: (e as Error)?.message ?? String(e) }
  } finally {
    sqlite?.close()
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

/**
 * The import worker: a worker_thread with its own SQLite connection, so a long import never blocks
 * the main process (which serves the UI). WAL lets the main connection keep reading meanwhile. It
 * only writes: a reader thread of its own parses and maps the file meanwhile and sends it in
 * batches (readerWorker.ts, remoteTable.ts), so reading and writing overlap on two cores.
 * Started through src-main/workers (bundled as its own entry for the desktop app, run from source
 * through the tsx bootstrap otherwise).
 */
import { openWorkerConnection } from '../../db/connect'
import { serveJob } from '../../workers/serveJob'
import { runImportJob } from '../importJob'
import { readInThread } from './remoteTable'
import type { ImportProgressMessage, ImportWorkerData } from './protocol'
import type { ImportSummary } from '../../../src-shared/api/imports'

serveJob<ImportWorkerData, ImportProgressMessage, ImportSummary>(async (data, control) => {
  // The transaction spills to the WAL and index sorts to temporary files, not to RAM. A page cache of
  // 16 MB wrote a million rows as fast as one of 32 MB (within this machine's noise) and lowered the
  // import's peak memory by about 20 MB.
  const sqlite = openWorkerConnection(data.dbPath, { nativeBinding: data.nativeBinding, busyTimeoutMs: 10_000, cacheSizeKiB: 16_384, tempStore: 'FILE' })
  try {
    // A reader thread parses and maps the file while this one writes.
    const table = await readInThread({ path: data.path, fileName: data.fileName, mapping: data.mapping, sourceKey: data.sourceKey, timezone: data.timezone })
    return await runImportJob(sqlite, {
      table,
      mapping: data.mapping,
      fileName: data.fileName,
      dryRun: data.dryRun,
      now: data.now,
      isCancelled: control.isCancelled,
      onProgress: control.progress,
    })
  } finally {
    sqlite.close()
  }
}, 'IMPORT_FAILED')

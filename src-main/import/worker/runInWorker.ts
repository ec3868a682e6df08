import { Worker } from 'node:worker_threads'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { ImportSummary } from '../../../src-shared/api/imports'
import { AppError } from '../../../src-shared/api/result'
import type { ImportWorkerData, ImportWorkerMessage } from './protocol'
import type { MappedTable } from '../mappedTable'
import { sendTable } from './remoteTable'

/**
 * Where the worker's code is: beside the bundle (out/main/importWorker.js) in the desktop app, or the
 * TypeScript source through its tsx bootstrap when the main process itself runs from source.
 */
export function importWorkerEntry(): string {
  const bundled = join(__dirname, 'importWorker.js')
  if (!__filename.endsWith('.ts') && existsSync(bundled)) return bundled
  return join(__dirname, 'importWorker.bootstrap.cjs')
}

export interface WorkerJob {
  done: Promise<ImportSummary>
  cancel(): void
}

/**
 * Starts an import in a worker thread, which writes while this thread reads and maps the file
 * (`openTable`) and sends it over; progress is relayed, the result or error comes back as a value.
 */
export function startImportWorker(
  data: Omit<ImportWorkerData, 'cancel'>,
  openTable: () => Promise<MappedTable>,
  onProgress: (p: { bytesRead: number; totalBytes: number; rowsRead: number }) => void,
  entry = importWorkerEntry(),
): WorkerJob {
  const cancel = new SharedArrayBuffer(4)
  const flag = new Int32Array(cancel)
  const worker = new Worker(entry, {
    workerData: { ...data, cancel } satisfies ImportWorkerData,
    // The import streams: a small heap is plenty, and keeps the process's peak memory down.
    resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 },
  })
  const done = new Promise<ImportSummary>((resolve, reject) => {
    let settled = false
    worker.on('message', (msg: ImportWorkerMessage) => {
      if (msg.type === 'ack') return
      if (msg.type === 'progress') onProgress(msg)
      else if (msg.type === 'done') {
        settled = true
        resolve(msg.summary)
      } else {
        settled = true
        reject(new AppError(msg.code, msg.message))
      }
    })
    worker.on('error', (e) => {
      settled = true
      reject(new AppError('IMPORT_FAILED', `The import stopped unexpectedly: ${e.message}`))
    })
    worker.on('exit', (code) => {
      if (!settled) reject(new AppError('IMPORT_FAILED', `The import stopped unexpectedly (exit code ${code}); nothing was imported.`))
    })
  })
  // A failure to read is sent to the worker, which reports it as the import's error.
  void sendTable(worker, openTable)
  return { done, cancel: () => Atomics.store(flag, 0, 1) }
}

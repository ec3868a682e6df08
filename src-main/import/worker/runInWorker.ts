import { Worker } from 'node:worker_threads'
import type { ImportSummary } from '../../../src-shared/api/imports'
import { AppError } from '../../../src-shared/api/result'
import type { ImportWorkerData, ImportWorkerMessage } from './protocol'
import { workerEntry } from './entry'

/** Where the import worker's code is (see workerEntry). */
export const importWorkerEntry = (): string => workerEntry('importWorker')

export interface WorkerJob {
  done: Promise<ImportSummary>
  cancel(): void
}

/** Starts an import in a worker thread; progress is relayed, the result or error comes back as a value. */
export function startImportWorker(data: Omit<ImportWorkerData, 'cancel'>, onProgress: (p: { bytesRead: number; totalBytes: number; rowsRead: number }) => void, entry = importWorkerEntry()): WorkerJob {
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
  return { done, cancel: () => Atomics.store(flag, 0, 1) }
}

import { Worker } from 'node:worker_threads'
import type { ImportStage, ImportSummary } from '../../../src-shared/api/imports'
import { AppError } from '../../../src-shared/api/result'
import type { TableInspection } from '../openTable'
import type { ImportWorkerData, ImportWorkerMessage, ImportWorkerOrder, MappingChoice } from './protocol'
import { workerEntry, type WorkerEntry } from '../../workers/entry'
import { ownWriterStarted } from '../../workers/ownWriters'

/** Where the import worker's code is (see workerEntry). */
export const importWorkerEntry = (): WorkerEntry => workerEntry('importWorker')

export interface WorkerJob {
  done: Promise<ImportSummary>
  cancel(): void
}

/**
 * Starts an import in a worker thread. Its reader thread inspects the file first; `choose` turns
 * that inspection into the mapping (or throws, which ends the worker before it writes anything).
 * Progress is relayed, the result or error comes back as a value.
 */
export function startImportWorker(
  data: Omit<ImportWorkerData, 'cancel'>,
  choose: (inspection: TableInspection) => MappingChoice,
  onProgress: (p: { stage: ImportStage; bytesRead: number; totalBytes: number; rowsRead: number }) => void,
  entry = importWorkerEntry(),
): WorkerJob {
  const cancel = new SharedArrayBuffer(4)
  const flag = new Int32Array(cancel)
  const worker = new Worker(entry.file, {
    argv: entry.argv,
    workerData: { ...data, cancel } satisfies ImportWorkerData,
    // The import streams: a small heap is plenty, and keeps the process's peak memory down.
    resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 },
  })
  // Its commits are this process's own: not announced as another process's writes (workers/ownWriters.ts).
  worker.once('exit', ownWriterStarted())
  const done = new Promise<ImportSummary>((resolve, reject) => {
    let settled = false
    const fail = (e: unknown) => {
      settled = true
      reject(e)
    }
    worker.on('message', (msg: ImportWorkerMessage) => {
      if (msg.type === 'progress') onProgress(msg)
      else if (msg.type === 'inspected') {
        try {
          worker.postMessage({ type: 'mapping', ...choose(msg.inspection) } satisfies ImportWorkerOrder)
        } catch (e) {
          fail(e)
          void worker.terminate()
        }
      } else if (msg.type === 'done') {
        settled = true
        resolve(msg.summary)
      } else fail(new AppError(msg.code, msg.message, msg.details))
    })
    worker.on('error', (e) => fail(new AppError('IMPORT_FAILED', `The import stopped unexpectedly: ${e.message}`)))
    worker.on('exit', (code) => {
      if (!settled) reject(new AppError('IMPORT_FAILED', `The import stopped unexpectedly (exit code ${code}); nothing was imported.`))
    })
  })
  return { done, cancel: () => Atomics.store(flag, 0, 1) }
}

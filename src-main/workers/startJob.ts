import { Worker, type ResourceLimits } from 'node:worker_threads'
import { AppError, type ErrorCode } from '../../src-shared/api/result'
import { workerEntry, type WorkerEntry, type WorkerName } from './entry'
import type { CancelFlag, JobMessage } from './protocol'
import { ownWriterStarted } from './ownWriters'

export interface WorkerJob<R> {
  done: Promise<R>
  /** Asks the job to stop at its next check; `done` then rejects with CANCELLED (or resolves, if it had finished). */
  cancel(): void
}

export interface StartOptions<P> {
  onProgress?: (p: P) => void
  resourceLimits?: ResourceLimits
  /** What the user is told when the thread dies without answering (out of memory, a crash). */
  crashed: { code: ErrorCode; message: (reason: string) => string }
  /** Tests start a built entry instead of the source. */
  entry?: WorkerEntry
  /** The thread commits to the open workspace (a rollup job): its writes are this process's own, not another's (ownWriters.ts). */
  writesOpenWorkspace?: boolean
}

/**
 * Starts one job in a worker thread of its own (see serveJob for the other side): its progress is
 * relayed, its answer or error comes back as a value, and cancel sets a flag it reads while busy.
 */
export function startJob<D extends object, P, R>(name: WorkerName, data: D, opts: StartOptions<P>): WorkerJob<R> {
  const cancel = new SharedArrayBuffer(4)
  const entry = opts.entry ?? workerEntry(name)
  const worker = new Worker(entry.file, { argv: entry.argv, workerData: { ...data, cancel } satisfies D & CancelFlag, resourceLimits: opts.resourceLimits })
  if (opts.writesOpenWorkspace) worker.once('exit', ownWriterStarted())
  const done = new Promise<R>((resolve, reject) => {
    let settled = false
    const fail = (e: AppError) => {
      if (settled) return
      settled = true
      reject(e)
    }
    worker.on('message', (msg: JobMessage<P, R>) => {
      if (settled) return
      if (msg.type === 'progress') opts.onProgress?.(msg.progress)
      else if (msg.type === 'done') {
        settled = true
        resolve(msg.result)
      } else fail(new AppError(msg.error.code, msg.error.message, msg.error.details))
    })
    worker.on('error', (e) => fail(new AppError(opts.crashed.code, opts.crashed.message(e.message))))
    worker.on('exit', (code) => fail(new AppError(opts.crashed.code, opts.crashed.message(`exit code ${code}`))))
  })
  return { done, cancel: () => Atomics.store(new Int32Array(cancel), 0, 1) }
}

import { parentPort, workerData } from 'node:worker_threads'
import { isAppError, type ErrorCode } from '../../src-shared/api/appError'
import type { CancelFlag, JobControl, JobMessage } from './protocol'

/**
 * The worker thread's side of startJob: runs `job` on the data it was started with, posts its
 * progress and then its result, or its error as a value (an AppError keeps its code and details;
 * anything else gets `otherwise`). Does nothing when this module is loaded outside a worker.
 */
export function serveJob<D extends object, P, R>(job: (data: D, control: JobControl<P>) => R | Promise<R>, otherwise: ErrorCode): void {
  const port = parentPort
  if (!port || !workerData) return
  const data = workerData as D & CancelFlag
  const flag = new Int32Array(data.cancel)
  const post = (m: JobMessage<P, R>, transfer?: ArrayBuffer[]) => port.postMessage(m, transfer)
  const control: JobControl<P> = { isCancelled: () => Atomics.load(flag, 0) === 1, progress: (progress, transfer) => post({ type: 'progress', progress }, transfer) }
  void (async () => {
    try {
      post({ type: 'done', result: await job(data, control) })
    } catch (e) {
      post({ type: 'failed', error: isAppError(e) ? e.toJSON() : { code: otherwise, message: (e as Error)?.message ?? String(e) } })
    }
    // Answered: the port must not keep the thread alive.
    port.unref()
  })()
}

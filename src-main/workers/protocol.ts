import type { ApiError } from '../../src-shared/api/appError'

/** What every job worker is handed besides its own data: Int32Array over it, [0] becomes 1 when the user cancels. */
export interface CancelFlag {
  cancel: SharedArrayBuffer
}

/** From a job worker to the main thread: progress any number of times, then one answer. */
export type JobMessage<P, R> = { type: 'progress'; progress: P } | { type: 'done'; result: R } | { type: 'failed'; error: ApiError }

/** What a job's code gets besides its data, in whichever thread it runs. */
export interface JobControl<P> {
  /** Cheap enough to call between rows or statements. */
  isCancelled(): boolean
  /** `transfer`: buffers handed over to the main thread rather than copied (an export's chunks); the sender must not use them again. */
  progress(p: P, transfer?: ArrayBuffer[]): void
}

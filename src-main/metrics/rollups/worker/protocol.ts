import type { ErrorCode } from '../../../../src-shared/api/result'
import type { RollupPhase } from '../../../../src-shared/api/metrics'
import type { RollupJob } from '../jobs'

/** What the main process hands the rollup worker. */
export interface RollupWorkerData {
  path: string
  nativeBinding?: string
  job: RollupJob
  /** Int32Array over it: [0] becomes 1 when the user cancels; read between steps. */
  cancel: SharedArrayBuffer
}

export type RollupWorkerMessage =
  | { type: 'progress'; phase: RollupPhase; done: number; total: number }
  | { type: 'done' }
  | { type: 'error'; code: ErrorCode; message: string }

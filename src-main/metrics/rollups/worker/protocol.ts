import type { RollupPhase } from '../../../../src-shared/api/metrics'
import type { RollupJob } from '../jobs'

/** What the main process hands the rollup worker (src-main/workers adds the cancel flag, read between steps). */
export interface RollupWorkerData {
  path: string
  nativeBinding?: string
  job: RollupJob
}

export type RollupProgressMessage = { phase: RollupPhase; done: number; total: number }

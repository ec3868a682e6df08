import type { RollupJob } from '../jobs'
import { startJob, type WorkerJob } from '../../../workers/startJob'
import type { RollupProgressMessage, RollupWorkerData } from './protocol'

export function runJobInWorker(target: { path: string; nativeBinding?: string }, job: RollupJob, onProgress: (p: RollupProgressMessage) => void): WorkerJob<void> {
  return startJob<RollupWorkerData, RollupProgressMessage, void>('rollupWorker', { ...target, job }, {
    onProgress,
    writesOpenWorkspace: true,
    crashed: { code: 'INTERNAL', message: (reason) => `Summarising the scores stopped unexpectedly (${reason}); nothing was changed.` },
  })
}

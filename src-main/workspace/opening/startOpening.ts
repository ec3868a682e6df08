import { startJob, type WorkerJob } from '../../workers/startJob'
import type { WorkerEntry } from '../../workers/entry'
import type { OpeningRequest, OpeningResult, StageProgress } from './job'
import { runOpeningJob } from './runJob'

/**
 * Runs one opening in a worker thread, or on this thread for small work (a small file, a new empty
 * workspace), where starting a thread would cost more than the work and nobody sees the wait.
 */
export function startOpening(req: OpeningRequest, onProgress: (p: StageProgress) => void, where: { inWorker: boolean; entry?: WorkerEntry }): WorkerJob<OpeningResult> {
  if (where.inWorker)
    return startJob<OpeningRequest, StageProgress, OpeningResult>('openWorker', req, {
      onProgress,
      entry: where.entry,
      crashed: {
        code: 'INTERNAL',
        message: (reason) => `Opening the workspace stopped unexpectedly (${reason}). The file is as it was, or has some of its updates applied, each one whole.`,
      },
    })
  let cancelled = false
  const done = Promise.resolve().then(() => runOpeningJob(req, { isCancelled: () => cancelled, progress: onProgress }))
  return { done, cancel: () => void (cancelled = true) }
}

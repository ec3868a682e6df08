import { Worker } from 'node:worker_threads'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../../../../src-shared/api/result'
import type { RollupPhase } from '../../../../src-shared/api/metrics'
import type { RollupJob } from '../jobs'
import type { RollupWorkerData, RollupWorkerMessage } from './protocol'

/** Beside the bundle (out/main/rollupWorker.js) in the desktop app, else the TypeScript source through its tsx bootstrap. */
function workerEntry(): string {
  const bundled = join(__dirname, 'rollupWorker.js')
  if (!__filename.endsWith('.ts') && existsSync(bundled)) return bundled
  return join(__dirname, 'rollupWorker.bootstrap.cjs')
}

export interface RunningJob {
  done: Promise<void>
  cancel(): void
}

export function runJobInWorker(target: { path: string; nativeBinding?: string }, job: RollupJob, onProgress: (p: { phase: RollupPhase; done: number; total: number }) => void): RunningJob {
  const cancel = new SharedArrayBuffer(4)
  const worker = new Worker(workerEntry(), { workerData: { ...target, job, cancel } satisfies RollupWorkerData })
  const done = new Promise<void>((resolve, reject) => {
    let settled = false
    worker.on('message', (msg: RollupWorkerMessage) => {
      if (msg.type === 'progress') onProgress(msg)
      else {
        settled = true
        if (msg.type === 'done') resolve()
        else reject(new AppError(msg.code, msg.message))
      }
    })
    worker.on('error', (e) => {
      settled = true
      reject(new AppError('INTERNAL', `Summarising the scores stopped unexpectedly: ${e.message}`))
    })
    worker.on('exit', (code) => {
      if (!settled) reject(new AppError('INTERNAL', `Summarising the scores stopped unexpectedly (exit code ${code}); nothing was changed.`))
    })
  })
  return { done, cancel: () => Atomics.store(new Int32Array(cancel), 0, 1) }
}

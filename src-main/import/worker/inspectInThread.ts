import { Worker } from 'node:worker_threads'
import type { ImportKind } from '../../../src-shared/api/imports'
import type { InspectOptions, TableInspection } from '../openTable'
import { workerEntry, type WorkerEntry } from '../../workers/entry'
import type { InspectData, InspectMessage } from './protocol'
import { errorFrom, readerDied } from './threadError'

/** An inspection that takes longer than this is stopped: it reads at most the first 20,000 rows. */
const INSPECT_TIMEOUT_MS = 120_000

/**
 * The mapping step's look at a file, on a reader thread with a memory limit: the main thread (the
 * desktop app's window, the web host) stays responsive while the file is parsed, and a file that
 * gets past the parser's bounds ends that thread, not the app — its error comes back as a value.
 */
export function inspectInThread(
  path: string,
  fileName: string,
  kind: ImportKind,
  opts: InspectOptions,
  { entry = workerEntry('readerWorker'), timeoutMs = INSPECT_TIMEOUT_MS }: { entry?: WorkerEntry; timeoutMs?: number } = {},
): Promise<TableInspection> {
  const worker = new Worker(entry.file, {
    argv: entry.argv,
    workerData: { task: 'inspect', path, fileName, kind, opts } satisfies InspectData,
    // The head it holds is bounded (20,000 rows, 16 M characters); shared strings live outside the heap.
    resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 },
  })
  return new Promise<TableInspection>((resolve, reject) => {
    let settled = false
    const settle = (f: () => void) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      f()
      void worker.terminate()
    }
    const timer = setTimeout(() => settle(() => reject(readerDied(fileName, { timedOutMs: timeoutMs }))), timeoutMs)
    worker.on('message', (m: InspectMessage) => settle(() => (m.type === 'inspected' ? resolve(m.inspection) : reject(errorFrom(m)))))
    worker.on('error', (e) => settle(() => reject(readerDied(fileName, { error: e }))))
    worker.on('exit', (code) => settle(() => reject(readerDied(fileName, { exitCode: code }))))
  })
}

import { existsSync } from 'node:fs'
import { join } from 'node:path'

/** Each worker thread's source, from src-main. The desktop bundle builds each as out/main/<name>.js (electron.vite.config.ts). */
const sources = {
  importWorker: 'import/worker/importWorker.ts',
  readerWorker: 'import/worker/readerWorker.ts',
  rollupWorker: 'metrics/rollups/worker/rollupWorker.ts',
  openWorker: 'workspace/opening/openWorker.ts',
  checkpointWorker: 'collection/checkpoint/checkpointWorker.ts',
  riskWorker: 'customers/riskWorker.ts',
  exportWorker: 'export/exportWorker.ts',
} as const
export type WorkerName = keyof typeof sources

/** What `new Worker(...)` is given to start one. */
export interface WorkerEntry {
  file: string
  /** For the source bootstrap: the TypeScript file it runs. */
  argv: string[]
}

/**
 * Where a worker's code is: beside the bundle (out/main/<name>.js) in the desktop app, or its
 * TypeScript source run through the tsx bootstrap beside this file when the code itself runs from
 * source (CLI, browser host, tests). In the bundle this code may sit in a shared chunk
 * (out/main/chunks), so the folder above is looked at too.
 */
export function workerEntry(name: WorkerName): WorkerEntry {
  if (!__filename.endsWith('.ts')) {
    const bundled = [join(__dirname, `${name}.js`), join(__dirname, '..', `${name}.js`)].find((p) => existsSync(p))
    if (bundled) return { file: bundled, argv: [] }
  }
  return { file: join(__dirname, 'bootstrap.cjs'), argv: [join(__dirname, '..', sources[name])] }
}

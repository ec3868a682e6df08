import { fork, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { build } from 'esbuild'

const ROOT = join(__dirname, '..', '..', '..')

/** The children the suite starts, and the threads the app starts beside its bundle. */
const entries = {
  fileImportChild: join(__dirname, 'fileImportChild.ts'),
  killChild: join(__dirname, 'killChild.ts'),
  importWorker: join(ROOT, 'src-main/import/worker/importWorker.ts'),
  readerWorker: join(ROOT, 'src-main/import/worker/readerWorker.ts'),
  rollupWorker: join(ROOT, 'src-main/metrics/rollups/worker/rollupWorker.ts'),
  openWorker: join(ROOT, 'src-main/workspace/opening/openWorker.ts'),
}
export type ChildName = 'fileImportChild' | 'killChild'

export interface ChildBundle {
  /** Starts a child with an IPC channel; its stdout and stderr are piped. */
  start(name: ChildName, args: string[]): ChildProcess
}

/**
 * Bundles the suite's children with the app's main-process code into `dir`, with the import, reader
 * and rollup workers beside them — the shape of the desktop app's bundle (electron.vite.config.ts),
 * so the app finds its worker entries as it does there. From source, every thread the import starts
 * loads its TypeScript through tsx: 2–3 s a thread on this machine, which would leave room for a
 * handful of files in `npm test`; bundled, 0.1–0.5 s. The native SQLite module stays outside the
 * bundle and is found in the project's node_modules.
 */
export async function bundleChildren(dir: string): Promise<ChildBundle> {
  await build({
    entryPoints: entries,
    outdir: dir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3', 'playwright-core', 'electron'],
    logLevel: 'silent',
  })
  return {
    start: (name, args) =>
      fork(join(dir, `${name}.js`), args, {
        execArgv: [],
        env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules'), TZ: 'Asia/Bangkok' },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
        serialization: 'advanced',
      }),
  }
}

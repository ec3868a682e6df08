import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { benchApp, middle, type BenchSection } from '../harness'
import { WorkspaceSession } from '../../../src-main/workspace/workspaceSession'
import { EventBus } from '../../../src-main/common/events'
import { systemClock } from '../../../src-main/common/clock'
import { writeFeedbackCsv } from '../writeFeedbackCsv'
import { createWorkspaceAt, openWorkspaceAt } from '../../helpers/files'

const ROOT = join(__dirname, '..', '..', '..')

/**
 * Opening a workspace: how long until `workspace.open` answers, and how long the main thread is
 * blocked meanwhile (the largest gap of a 10 ms interval timer: while it is blocked, the window
 * cannot repaint and no other request is answered). Scenarios on copies of one workspace:
 * up to date; the sentiment rule changed (every comment re-scored); the last migration due (a
 * backup of the whole file, then the migration); and a small workspace (the CLI's and the tests'
 * case, which must stay fast).
 *
 * `CXDESK_BENCH_WORKSPACE=<file.cxdesk>` reuses a workspace built before (building a million rows
 * takes minutes); otherwise one of `rows` generated responses is imported first.
 * `CXDESK_BENCH_OPEN_SCENARIOS=upToDate,small` runs only those; `CXDESK_BENCH_OPEN_RUNS` sets the runs.
 */
export const open: BenchSection = {
  name: 'open',
  async run({ rows, dir }) {
    const source = process.env.CXDESK_BENCH_WORKSPACE ?? (await buildWorkspace(dir, rows))
    const small = await buildWorkspace(dir, 5_000, 'small')
    const runs = Number(process.env.CXDESK_BENCH_OPEN_RUNS ?? 3)
    const scenarios: Record<string, (path: string) => void> = {
      upToDate: () => undefined,
      sentimentRuleChanged: (path) => withFile(path, (db) => db.prepare(`UPDATE meta SET value = '1' WHERE key = 'sentiment_version'`).run()),
      lastMigrationDue: (path) => withFile(path, (db) => lowerToPositionalVersion(db, 10)),
    }
    const only = process.env.CXDESK_BENCH_OPEN_SCENARIOS?.split(',')
    const result: Record<string, unknown> = { workspaceBytes: statSync(source).size }
    for (const [name, prepare] of Object.entries(scenarios)) if (!only || only.includes(name)) result[name] = await measure(dir, source, prepare, runs)
    if (!only || only.includes('upToDateBundledWorker')) result.upToDateBundledWorker = await measure(dir, source, () => undefined, runs, bundledWorker())
    if (!only || only.includes('small')) result.small = await measure(dir, small, () => undefined, 5)
    return result
  },
}

async function buildWorkspace(dir: string, rows: number, name = 'bench'): Promise<string> {
  const csv = join(dir, `${name}.csv`)
  await writeFeedbackCsv(csv, rows)
  const path = join(dir, `${name}.cxdesk`)
  const { ctx, api } = benchApp(dir)
  await createWorkspaceAt({ ctx, api }, path)
  await api.call('import.run', { fileId: ctx.files.register(csv).id })
  await ctx.session.close()
  rmSync(csv)
  return path
}

function withFile(path: string, change: (db: Database.Database) => void): void {
  const db = new Database(path)
  try {
    change(db)
  } finally {
    db.close()
  }
}

/** The file as an app that recorded migrations by position left it at `version` (its last migration re-runs cleanly: it drops and re-creates indexes). */
function lowerToPositionalVersion(db: Database.Database, version: number): void {
  db.exec('DROP TABLE IF EXISTS schema_migrations')
  db.pragma(`user_version = ${version}`)
}

/**
 * Opens through the desktop app's worker (out/main/openWorker.js, built first if the sources are
 * newer): what the desktop app pays, where the source's worker pays for tsx compiling its modules.
 */
function bundledWorker(): (dir: string) => { open(path: string): Promise<unknown>; close(): Promise<void> } {
  execFileSync(process.execPath, ['--input-type=module', '-e', "import { ensureBuilt } from './src-main/launcher/build.mjs'; ensureBuilt()"], { cwd: ROOT, stdio: 'inherit' })
  return () => {
    const session = new WorkspaceSession({
      clock: systemClock,
      events: new EventBus(),
      sqlite: {},
      prefs: null,
      defaultTimezone: 'Asia/Bangkok',
      openWorker: { file: join(ROOT, 'out/main/openWorker.js'), argv: [] },
    })
    return { open: (path) => session.openFile(path), close: () => session.close() }
  }
}

/** As the desktop app and the browser host open it (the CLI opens on its own thread: nothing to keep responsive). */
function throughTheApi(dir: string): { open(path: string): Promise<unknown>; close(): Promise<void> } {
  const { ctx, api } = benchApp(dir, 'Asia/Bangkok', { kind: 'web', systemLocales: () => [] })
  return { open: (path) => openWorkspaceAt({ ctx, api }, path), close: () => ctx.session.close() }
}

async function measure(dir: string, source: string, prepare: (path: string) => void, runs: number, opener = throughTheApi) {
  const openMs: number[] = []
  const blockedMs: number[] = []
  for (let i = 0; i < runs; i++) {
    const path = join(dir, 'opened.cxdesk')
    copyFileSync(source, path)
    prepare(path)
    const app = opener(dir)
    const lag = lagMeter(10)
    const t0 = performance.now()
    await app.open(path)
    openMs.push(performance.now() - t0)
    blockedMs.push(lag.stop())
    await app.close()
    for (const f of readdirSync(dir)) if (f.startsWith('opened.cxdesk')) rmSync(join(dir, f), { force: true })
    if (existsSync(path)) rmSync(path)
  }
  return { openMs: middle(openMs), mainThreadBlockedMs: middle(blockedMs), runs, allOpenMs: openMs.map(Math.round), allBlockedMs: blockedMs.map(Math.round) }
}

/** The longest the event loop went without running a timer due every `everyMs`, less that interval. */
function lagMeter(everyMs: number): { stop(): number } {
  let last = performance.now()
  let worst = 0
  const timer = setInterval(() => {
    const now = performance.now()
    worst = Math.max(worst, now - last - everyMs)
    last = now
  }, everyMs)
  return {
    stop() {
      clearInterval(timer)
      worst = Math.max(worst, performance.now() - last - everyMs)
      return Math.round(worst)
    },
  }
}

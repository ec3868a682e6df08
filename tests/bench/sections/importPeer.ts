import { spawn, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { TIMINGS_ENV } from '../../../src-main/import/importTimings'
import { FOLD_FROM } from '../../../src-main/metrics/rollups/keeper'
import { createWorkspaceAt, openWorkspaceAt } from '../../helpers/files'
import { benchApp, middle, type BenchSection } from '../harness'
import { generatorCsv } from '../peer/generatorCsv'
import { benchArgs } from '../args'

const PEER = join(__dirname, '..', 'peer', 'peerLoader.py')
/** The Scores page's first question: the headline tiles of the month. */
const SCORES_PAGE = { by: 'month', compare: 'previous' } as const

const load = () => Math.round(loadavg()[0] * 100) / 100
const removeWorkspace = (file: string) => {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true })
}

export interface ProcessRun {
  wallMs: number
  /** User + system CPU of the whole process and its threads (GNU time). */
  cpuMs: number | null
  maxRssMB: number | null
  stdout: string
}

/** Runs a command to its end, with GNU time's account of its CPU and memory (written to `account`) when /usr/bin/time is there. */
async function timedProcess(account: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<ProcessRun> {
  const timed = existsSync(TIME) ? { command: TIME, args: ['-f', '%U %S %M', '-o', account, command, ...args] } : { command, args }
  const t = performance.now()
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = spawn(timed.command, timed.args, { stdio: ['ignore', 'pipe', 'pipe'], env })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}): ${err.trim().slice(-500)}`))))
  })
  const wallMs = Math.round(performance.now() - t)
  if (!existsSync(account)) return { wallMs, cpuMs: null, maxRssMB: null, stdout }
  const [user, sys, rssKiB] = readFileSync(account, 'utf8').trim().split('\n').pop()?.split(' ').map(Number) ?? []
  rmSync(account, { force: true })
  return { wallMs, cpuMs: Math.round((user + sys) * 1000), maxRssMB: Math.round(rssKiB / 1024), stdout }
}

const TIME = '/usr/bin/time'
const CLI = join(__dirname, '..', '..', '..', 'src-main', 'cli', 'cxdesk.cjs')

export interface PeerRun extends Omit<ProcessRun, 'stdout'> {
  ms: number
  loadBefore: number
  loadAfter: number
  rows: number
  imported: number
  phasesMs: Record<string, unknown>
}

/** The peer on a copy of the empty workspace: the whole python3 process, timed from spawn to exit. */
export async function runPeer(template: string, file: string, csv: string, python = process.env.PYTHON ?? 'python3'): Promise<PeerRun> {
  copyFileSync(template, file)
  const loadBefore = load()
  const { stdout, ...run } = await timedProcess(`${file}.time`, python, [PEER, file, csv])
  const result = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Omit<PeerRun, 'ms' | 'loadBefore' | 'loadAfter'> & Record<string, unknown>
  return { ...result, ...run, ms: run.wallMs, loadBefore, loadAfter: load() }
}

export interface AppRun extends Omit<ProcessRun, 'stdout'> {
  /** The import's process plus any fold the workspace still needed before the Scores page read folded summaries. */
  ms: number
  /** What the workspace still had to fold after the import (0: the import left it folded). */
  pendingAfterImport: number
  foldAfterImportMs: number
  /** The Scores page once folded: what every later visit costs. */
  scoresPageMs: number
  loadBefore: number
  loadAfter: number
  imported: number
  threads: Array<Record<string, unknown>>
}

/**
 * The app's import as a user runs it from the command line (`cxdesk import`, the bundled CLI: its
 * worker and reader thread, as in the desktop app), the whole process timed like the peer's. Then the
 * workspace is opened: if anything is left to fold, the Scores page is asked for and the fold it
 * starts is waited for and added to the time, so the figure always ends where the Scores page reads
 * folded summaries and no first query pays for the import.
 */
export async function runApp(dir: string, template: string, file: string, csv: string, cli = CLI): Promise<AppRun> {
  copyFileSync(template, file)
  const timings = `${file}.timings.jsonl`
  rmSync(timings, { force: true })
  const loadBefore = load()
  const { stdout, ...run } = await timedProcess(`${file}.time`, process.execPath, [cli, 'import', file, csv, '--json'], { ...process.env, [TIMINGS_ENV]: timings })
  const summary = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { imported: number }
  const { ctx, api } = benchApp(dir)
  try {
    await openWorkspaceAt({ ctx, api }, file)
    const pendingAfterImport = (await api.call('metrics.rollupStatus', {})).pending
    const t = performance.now()
    await api.call('metrics.tiles', SCORES_PAGE)
    for (;;) {
      let stop = () => {}
      const progressed = new Promise<void>((resolve) => (stop = ctx.events.subscribe((e) => e.name === 'metrics.rollups' && resolve())))
      const status = await api.call('metrics.rollupStatus', {})
      // Below FOLD_FROM the keeper adds the journal to each read instead of folding: that is full speed too.
      if (status.pending < FOLD_FROM && !status.running) {
        stop()
        break
      }
      await progressed
      stop()
    }
    const foldAfterImportMs = pendingAfterImport >= FOLD_FROM ? Math.round(performance.now() - t) : 0
    const tiles = performance.now()
    await api.call('metrics.tiles', SCORES_PAGE)
    const scoresPageMs = Math.round((performance.now() - tiles) * 100) / 100
    const threads = existsSync(timings) ? readFileSync(timings, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) : []
    return { ...run, ms: run.wallMs + foldAfterImportMs, pendingAfterImport, foldAfterImportMs, scoresPageMs, loadBefore, loadAfter: load(), imported: summary.imported, threads }
  } finally {
    await ctx.session.close()
  }
}

const runsFlag = () => benchArgs().runs ?? 3

/**
 * The import against its fair peer (issue 12): the generator's CSV loaded by the app and by a
 * hand-written Python sqlite3 loader doing the same storage work (peer/peerLoader.py), each into a
 * copy of the same empty workspace the app created, alternating (app, peer, app, peer …), medians.
 * `--runs N` pairs (default 3). The load average is noted before and after every run.
 */
export async function importPeerBench({ rows, dir }: { rows: number; dir: string }, runs = runsFlag()) {
  const csv = join(dir, 'responses.csv')
  const { generator } = await generatorCsv(csv, rows)
  const template = join(dir, 'empty.cxdesk')
  // The CLI's bundle is built (if the sources changed) before any timed run.
  spawnSync(process.execPath, [CLI, '--version'], { stdio: 'ignore' })
  {
    const { ctx, api } = benchApp(dir)
    await createWorkspaceAt({ ctx, api }, template)
    await ctx.session.close()
  }
  const app: AppRun[] = []
  const peer: PeerRun[] = []
  const workspaceBytes = { app: 0, peer: 0 }
  for (let i = 0; i < runs; i++) {
    const a = join(dir, `app-${i}.cxdesk`)
    app.push(await runApp(dir, template, a, csv))
    workspaceBytes.app = statSync(a).size
    removeWorkspace(a)
    const p = join(dir, `peer-${i}.cxdesk`)
    peer.push(await runPeer(template, p, csv))
    workspaceBytes.peer = statSync(p).size
    removeWorkspace(p)
  }
  const appMs = middle(app.map((r) => r.ms))
  const peerMs = middle(peer.map((r) => r.ms))
  const summary = {
    generator,
    csvBytes: statSync(csv).size,
    runs,
    appMs: Math.round(appMs),
    peerMs: Math.round(peerMs),
    appOverPeer: Math.round((appMs / peerMs) * 100) / 100,
    fasterThanPeer: appMs < peerMs,
    // CPU swings less than wall time on a shared machine: the work each side did, whatever the load.
    appCpuMs: medianOrNull(app.map((r) => r.cpuMs)),
    peerCpuMs: medianOrNull(peer.map((r) => r.cpuMs)),
    loadAverage: { min: Math.min(...app.map((r) => r.loadBefore), ...peer.map((r) => r.loadBefore)), max: Math.max(...app.map((r) => r.loadAfter), ...peer.map((r) => r.loadAfter)) },
    phasesMedianMs: { writer: phaseMedians(app, 'writer'), reader: phaseMedians(app, 'reader'), peer: medianPhases(peer.map((r) => r.phasesMs)) },
    workspaceBytes,
  }
  process.stderr.write(`${verdict(summary)}\n`)
  return { ...summary, app, peer }
}

const medianOrNull = (values: Array<number | null>): number | null => {
  const known = values.filter((v): v is number => v !== null)
  return known.length ? Math.round(middle(known)) : null
}

/** Each phase's median over the runs (a phase missing from a run counts as 0 there). */
function medianPhases(runs: Array<Record<string, unknown>>): Record<string, number> {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r)))]
  return Object.fromEntries(names.map((n) => [n, Math.round(middle(runs.map((r) => (typeof r[n] === 'number' ? (r[n] as number) : 0))))]))
}

const phaseMedians = (app: AppRun[], thread: string) =>
  medianPhases(app.map((r) => (r.threads.find((t) => t.thread === thread)?.phasesMs ?? {}) as Record<string, unknown>))

/** One line for whoever runs the bench: the medians, the ratio, and the load they were taken at. */
export function verdict(s: { runs: number; appMs: number; peerMs: number; appOverPeer: number; appCpuMs: number | null; peerCpuMs: number | null; loadAverage: { min: number; max: number } }): string {
  const sec = (ms: number | null) => (ms === null ? '?' : `${(ms / 1000).toFixed(1)} s`)
  return (
    `importpeer: app ${sec(s.appMs)} vs peer ${sec(s.peerMs)} (median wall of ${s.runs} alternated run${s.runs === 1 ? '' : 's'} each): ` +
    `app/peer ${s.appOverPeer.toFixed(2)}, ${s.appMs < s.peerMs ? 'app faster' : 'peer faster'}; CPU app ${sec(s.appCpuMs)} vs peer ${sec(s.peerCpuMs)}; ` +
    `load average ${s.loadAverage.min}–${s.loadAverage.max}`
  )
}

export const importPeer: BenchSection = {
  name: 'importpeer',
  run: (opts) => importPeerBench(opts),
}

import { spawn, spawnSync } from 'node:child_process'
import { readFileSync, rmSync, utimesSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { DuckDBInstance } from '@duckdb/node-api'
import { foldAll } from '../../../src-main/metrics/rollups/jobs'
import { ensureCliBundle } from '../../../src-main/launcher/cliBundle.cjs'
import { ensureBuilt } from '../../../src-main/launcher/build.cjs'
import { benchApp, medianSpan, middle, spread, takeTurns, type BenchSection } from '../harness'
import { writeFeedbackCsv } from '../writeFeedbackCsv'
import { createWorkspaceAt } from '../../helpers/files'
import { seedCustomers, seedFollowUpsAndTags } from './metrics'
import { exportCsv } from './metricsDuckdb'
import { benchSummaryOptions, pdfinfoPages } from './reports'
import { benchArgs } from '../args'

const ROOT = join(__dirname, '..', '..', '..')
const CXDESK = join(ROOT, 'src-main', 'cli', 'cxdesk.cjs')
const DUCKDB_QUERY = join(ROOT, 'tests', 'bench', 'duckdbNpsQuery.mjs')
const CPU_TREE = join(ROOT, 'tests', 'bench', 'cpuTree.py')
/** The saved template the bench's `cxdesk report` prints: the reports section's 10-page summary. */
const TEMPLATE = 'Bench summary'
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100
const load = () => loadavg().map((l) => Math.round(l * 100) / 100)

/** User + system CPU of this process's finished children, in ms (Linux's /proc; null elsewhere). */
function childrenCpuMs(): number | null {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ')
    // cutime and cstime are fields 16 and 17 of stat (13 and 14 after the name), in clock ticks of 10 ms.
    return (Number(fields[13]) + Number(fields[14])) * 10
  } catch {
    return null
  }
}

interface Run {
  wallMs: number
  cpuMs: number | null
  stdout: string
}

/** One whole process, from spawn to exit, as a user's shell would run it. */
function runProcess(args: string[], env: NodeJS.ProcessEnv): Run {
  const cpu0 = childrenCpuMs()
  const t0 = performance.now()
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 << 20 })
  const wallMs = performance.now() - t0
  const cpu1 = childrenCpuMs()
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited with ${r.status}: ${r.stderr}`)
  return { wallMs, cpuMs: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0, stdout: r.stdout }
}

const summary = (runs: Run[]) => {
  const wall = spread(runs, (r) => r.wallMs)
  return { wallMs: wall.median, cpuMs: runs.every((r) => r.cpuMs !== null) ? middle(runs.map((r) => r.cpuMs!)) : null, minWallMs: wall.min, maxWallMs: wall.max }
}

interface ReportRun {
  /** Spawn → the command's own exit, as cpuTree.py timed it. */
  wallMs: number
  /** User + system CPU of the command and every process below it (Chromium's too), reaped by cpuTree.py. */
  cpuMs: number
  /** Spawn → the last process of the tree gone (the browser killed at the exit). */
  treeMs: number
  /**
   * Milestones in ms from the spawn: the command's own (CXDESK_TIMINGS=1, its clock from its
   * process's start: start = Node and the bundle loaded, opened, browser, tab, data, starting,
   * rendering, printing, writing, done, written) and exit.
   */
  marks: Record<string, number>
  pages: number
}

/**
 * `cxdesk report` as a whole process under tests/bench/cpuTree.py, which counts the CPU of its whole
 * tree (the browser it leaves to be killed at its exit included) and times its exit; the command's
 * own milestones come from its CXDESK_TIMINGS lines. Python's start (~30 ms) is outside the times.
 */
function timedReport(args: string[], env: NodeJS.ProcessEnv, resultFile: string): Promise<ReportRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [CPU_TREE, resultFile, '--', process.execPath, ...args], { cwd: ROOT, env: { ...env, CXDESK_TIMINGS: '1' }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += String(d)))
    child.stderr.on('data', (d) => (stderr += String(d)))
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`cxdesk ${args.slice(1).join(' ')} exited with ${code}: ${stderr}`))
      const tree = JSON.parse(readFileSync(resultFile, 'utf8')) as { wallMs: number; treeMs: number; cpuMs: number }
      const marks: Record<string, number> = {}
      // The command's clock starts with its process (performance.now()), a hair after the spawn.
      for (const m of stderr.matchAll(/^timing (\w+) (\d+)$/gm)) marks[m[1]] ??= Number(m[2])
      marks.exit = tree.wallMs
      resolve({ wallMs: tree.wallMs, cpuMs: tree.cpuMs, treeMs: tree.treeMs, marks, pages: Number(/\((\d+) pages/.exec(stdout)?.[1] ?? NaN) })
    })
  })
}

/** The same question answered by both: every (month, channel) with its n and NPS. */
function sameFigures(ours: string, theirs: string): boolean {
  type Row = { period: string; group: string; n: number | string; value: number }
  const key = (rows: Row[]) => new Map(rows.map((r) => [`${r.period}|${r.group}`, { n: Number(r.n), value: r.value }]))
  const a = key((JSON.parse(ours) as { rows: Row[] }).rows)
  const b = key((JSON.parse(theirs) as { rows: Row[] }).rows)
  return a.size === b.size && [...a].every(([k, v]) => b.get(k)?.n === v.n && Math.abs(b.get(k)!.value - v.value) < 1e-9)
}

/**
 * The command line, whole processes from start to exit: `cxdesk metrics` (NPS by month × channel)
 * beside DuckDB's own process answering the same question from a DuckDB database of the same rows
 * (duckdbNpsQuery.mjs), strictly alternating, medians; and `cxdesk report` of a manager summary.
 * The workspace is made as the metrics section makes it.
 */
export const cli: BenchSection = {
  name: 'cli',
  async run({ rows, dir }) {
    const { parts = ['metrics', 'report'] } = benchArgs()
    const unknown = parts.filter((p) => p !== 'metrics' && p !== 'report')
    if (unknown.length) throw new Error(`unknown cli part ${unknown.join(', ')}; the parts are metrics, report`)
    const loadBefore = load()
    const csv = join(dir, 'responses.csv')
    await writeFeedbackCsv(csv, rows)
    const file = join(dir, 'cli.cxdesk')
    const { ctx, api } = benchApp(dir)
    await createWorkspaceAt({ ctx, api }, file)
    const open = ctx.session.require()
    seedCustomers(open.ws.sqlite, Math.max(50, Math.floor(rows / 8)))
    await api.call('import.run', { fileId: ctx.files.register(csv).id })
    seedFollowUpsAndTags(open.ws.sqlite)
    foldAll(open.ws.sqlite)
    await api.call('reports.saveTemplate', { name: TEMPLATE, options: benchSummaryOptions() })
    await ctx.session.close()
    rmSync(csv)

    ensureCliBundle()
    const env = { ...process.env, CXDESK_HOME: join(dir, 'home') }
    const ours = ['metrics', file, '--metric', 'nps', '--by', 'month', '--dim', 'channel', '--json']
    const cxdesk = (args: string[], extra: NodeJS.ProcessEnv = {}) => runProcess([CXDESK, ...args], { ...env, ...extra })

    const metricsPart = async () => {
      // DuckDB's own database file of the same answers (DuckDB reads its own format fastest).
      const duckFile = join(dir, 'responses.duckdb')
      const duckCsv = join(dir, 'duck.csv')
      const sqlite = new Database(file, { readonly: true })
      await exportCsv(sqlite, 'SELECT q.metric, r.score, r.band, r.local_date, r.channel FROM responses r JOIN questions q ON q.id = r.question_id', duckCsv)
      sqlite.close()
      const instance = await DuckDBInstance.create(duckFile)
      const con = await instance.connect()
      await con.run(`CREATE TABLE responses AS SELECT * FROM read_csv('${duckCsv}', header = true, types = {'local_date': 'DATE'})`)
      await con.run('CHECKPOINT')
      con.closeSync()
      instance.closeSync()
      rmSync(duckCsv)

      const duckdb = () => runProcess([DUCKDB_QUERY, duckFile], env)

      // The first run checks the file (quick_check) and remembers it, and writes the command's code cache.
      const first = cxdesk(ours)
      const { oursRuns, duckRuns } = await takeTurns({ oursRuns: () => cxdesk(ours), duckRuns: duckdb }, { warmUps: 2, runs: 15 })
      return {
        cxdesk: summary(oursRuns),
        duckdb: summary(duckRuns),
        fasterBy: ratio(middle(duckRuns.map((r) => r.wallMs)), middle(oursRuns.map((r) => r.wallMs))),
        sameFigures: sameFigures(oursRuns[0].stdout, duckRuns[0].stdout),
        firstRunMs: Math.round(first.wallMs),
        // After any write the next run checks the whole file again (and remembers it).
        firstRunAfterWriteMs: Math.round((utimesSync(file, new Date(), new Date()), cxdesk(ours)).wallMs),
        fromSourceThroughTsxMs: middle([0, 1, 2].map(() => cxdesk(ours, { CXDESK_CLI_FROM_SOURCE: '1' }).wallMs)),
      }
    }
    const metrics = parts.includes('metrics') ? await metricsPart() : null

    // The reports section's summary (one month in Vietnamese, cover and contents, US Letter: 10
    // pages, counted by pdfinfo), saved as a template for the command to print; whole processes.
    let report: Record<string, unknown> | null = null
    if (parts.includes('report')) {
      try {
        ensureBuilt(['renderer'])
        const pdf = join(dir, 'report.pdf')
        const args = ['report', file, '--out', pdf, '--template', TEMPLATE]
        const resultFile = join(dir, 'cpu-tree.json')
        const { runs } = await takeTurns({ runs: () => timedReport([CXDESK, ...args], env, resultFile) }, { warmUps: 1, runs: 5 })
        const span = (from: string, to: string) => medianSpan(runs, (r) => r.marks[from], (r) => r.marks[to])
        const at = (mark: string) => middle(runs.map((r) => r.marks[mark] ?? NaN))
        const wall = spread(runs, (r) => r.wallMs)
        const pagesRead = pdfinfoPages(pdf)
        report = {
          wallMs: wall.median,
          minWallMs: wall.min,
          maxWallMs: wall.max,
          // The whole tree's CPU: Node, and Chromium's browser, zygote, renderer, GPU and utility processes.
          cpuMs: middle(runs.map((r) => r.cpuMs)),
          treeGoneMs: middle(runs.map((r) => r.treeMs)),
          // The split, medians of when each milestone came (ms from the spawn): Node and the bundle
          // loaded; the workspace open; in parallel, the browser started and its tab on the print entry.
          nodeStartMs: at('start'),
          workspaceOpenMs: at('opened'),
          browserStartedMs: at('browser'),
          tabLoadedMs: at('tab'),
          // The figures (reports.data's work), then waiting for the tab (0 when it was ready first).
          figuresMs: span('data', 'starting'),
          waitForTabMs: span('starting', 'rendering'),
          layoutMs: span('rendering', 'printing'),
          printMs: span('printing', 'writing'),
          writeMs: span('writing', 'written'),
          // Flushing stdout and stderr, and the process's exit (the browser killed by it).
          exitMs: span('written', 'exit'),
          pages: runs[0].pages,
          pdfinfoPages: pagesRead,
          tenPages: pagesRead === 10,
          under3s: pagesRead === 10 && wall.median < 3000,
        }
      } catch (e) {
        report = { error: (e as Error).message }
      }
    }
    return { loadAverage: { before: loadBefore, after: load() }, metrics, report }
  },
}

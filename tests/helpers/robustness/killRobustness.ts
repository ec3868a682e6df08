import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Random } from '../../../src-main/demo/random'
import { seededRandom } from '../../../src-main/demo/random'
import type { ImportSummary } from '../../../src-shared/api/imports'
import { writeFeedbackCsv } from '../../bench/writeFeedbackCsv'
import { bundleChildren, type ChildBundle } from './bundle'
import type { KillChildArgs, KillChildLine } from './protocol'
import { readState, rollupsDisagree } from './workspaceState'

/**
 * When to kill, from what the child prints (killChild.ts): after a number of rows read (the import
 * worker's progress), or just as the transaction's own statement is announced — BEGIN, the end of the
 * rollup journal (the last statement before the commit in a small import), the k-th index build and
 * ANALYZE (a large import rebuilds its indexes), COMMIT (the kill lands before, during or just after
 * it); or just after COMMIT returned ('committed'), when the import must be there whole.
 */
export type KillMoment = 'rows' | 'begin' | 'journal' | 'index' | 'analyze' | 'commit' | 'committed'

const stepOf: Record<Exclude<KillMoment, 'rows' | 'committed'>, RegExp> = {
  begin: /^BEGIN/,
  journal: /^DROP TABLE (?!IF EXISTS)/,
  index: /^CREATE INDEX/,
  analyze: /^ANALYZE/,
  commit: /^COMMIT/,
}

export interface KillRobustnessOptions {
  dir: string
  seed: number
  kills: number
  /** Rows of each killed import, drawn between these. */
  rows: [number, number]
  /** Every n-th kill imports a file large enough (55,000 rows, over 8 MB) that the import drops and rebuilds its indexes; 0: none. */
  bulkEvery: number
  /** A child that neither dies nor ends within this is a hang. */
  boundMs?: number
  progress?: (line: string) => void
}

/** What can go wrong after a kill. */
export type KillFault = 'hung' | 'crashed' | 'half' | 'lost' | 'damaged' | 'rollups' | 'reopen' | 'nextImport'

export interface KillRobustnessResult {
  kills: number
  failures: number
  /**
   * Failures by kind: a child that stalled, or ended by itself without a result; a workspace holding part of an import (half); the old
   * rows after a kill that came once COMMIT had returned (lost); one that
   * fails quick_check or keeps search rows of responses it does not have (damaged); summaries unlike a
   * rebuild; the app opening it with other counts; the next import of the same file adding other than
   * what the kill left out.
   */
  faults: Record<KillFault, number>
  /** What the workspace held after each kill: the old rows, or the old rows and all of the import's. */
  old: number
  all: number
  /** Imports that ended before their moment came (not killed). */
  missed: number
  byMoment: Record<string, { kills: number; old: number; all: number; failures: number }>
  /** Rows the killed imports would have added, in all. */
  rows: number
  setupMs: number
  runMs: number
  examples: string[]
}

interface ChildRun {
  lines: KillChildLine[]
  /** The line at which it was killed, if it was. */
  killedAt: KillChildLine | null
  exit: { code: number | null; signal: string | null }
  stderr: string
  hung: boolean
}

/** Runs the kill child; `killWhen` sees each line as it comes and says whether to kill now. */
function runChild(bundle: ChildBundle, args: KillChildArgs, boundMs: number, killWhen: (line: KillChildLine) => boolean = () => false): Promise<ChildRun> {
  const child = bundle.start('killChild', [JSON.stringify(args)])
  const run: ChildRun = { lines: [], killedAt: null, exit: { code: null, signal: null }, stderr: '', hung: false }
  let buffered = ''
  child.stdout?.on('data', (d: Buffer) => {
    buffered += d.toString('utf8')
    for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
      const line = JSON.parse(buffered.slice(0, nl)) as KillChildLine
      buffered = buffered.slice(nl + 1)
      run.lines.push(line)
      if (!run.killedAt && killWhen(line)) {
        run.killedAt = line
        child.kill('SIGKILL')
      }
    }
  })
  child.stderr?.on('data', (d: Buffer) => (run.stderr = (run.stderr + d.toString('utf8')).slice(-4000)))
  const timer = setTimeout(() => {
    run.hung = true
    child.kill('SIGKILL')
  }, boundMs)
  return new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      run.exit = { code, signal }
      resolve(run)
    }),
  )
}

/** The kill condition for a moment: after `threshold` rows, or at the `ordinal`-th statement of its kind. */
function killer(moment: KillMoment, threshold: number, ordinal: number): (line: KillChildLine) => boolean {
  let seen = 0
  return (line) => {
    if (moment === 'rows') return line.type === 'progress' && line.rowsRead >= threshold
    if (moment === 'committed') return line.type === 'stepDone' && /^COMMIT/.test(line.sql)
    return line.type === 'step' && stepOf[moment].test(line.sql) && ++seen === ordinal
  }
}

const int = (rnd: Random, min: number, max: number) => min + Math.floor(rnd.next() * (max - min + 1))
const BULK_ROWS = 55_000

/**
 * The kill half of the robustness suite. Each round: a child process imports a new file into the
 * workspace and is killed with SIGKILL at a seeded moment of its own progress; the workspace must
 * then pass quick_check, hold the old rows or the old rows and all of the file's (never part), have
 * no stray search rows and summaries equal to a rebuild; and the app must open it and import the
 * same file again, adding exactly what the kill left out.
 */
export async function runKillRobustness(opts: KillRobustnessOptions): Promise<KillRobustnessResult> {
  const started = performance.now()
  const boundMs = opts.boundMs ?? 300_000
  const dirs = { bundle: join(opts.dir, 'bundle'), files: join(opts.dir, 'files'), home: join(opts.dir, 'home') }
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true })
  const bundle = await bundleChildren(dirs.bundle)
  const workspace = join(dirs.home, 'killed.cxdesk')
  const scratch = join(opts.dir, 'rollups-copy.sqlite')
  const r: KillRobustnessResult = {
    kills: 0,
    failures: 0,
    faults: { hung: 0, crashed: 0, half: 0, lost: 0, damaged: 0, rollups: 0, reopen: 0, nextImport: 0 },
    old: 0,
    all: 0,
    missed: 0,
    byMoment: {},
    rows: 0,
    setupMs: 0,
    runMs: 0,
    examples: [],
  }
  const fail = (kind: KillFault, label: string, what: string) => {
    r.failures++
    r.faults[kind]++
    if (r.examples.length < 12) r.examples.push(`${label}: ${what}`)
    opts.progress?.(`FAIL ${label}: ${what}`)
  }
  const summaryOf = (run: ChildRun): ImportSummary | null => {
    const done = run.lines.find((l) => l.type === 'done')
    return done && done.type === 'done' ? done.summary : null
  }

  // The workspace, created by the app, with responses to start from.
  const base = join(dirs.files, 'base.csv')
  await writeFeedbackCsv(base, 500, 1_000_003)
  const create = async (path: string) => {
    const setup = await runChild(bundle, { home: dirs.home, workspace: path, file: base, mode: 'complete' }, boundMs)
    if (summaryOf(setup)?.imported !== 500) throw new Error(`the base file did not import: ${JSON.stringify(setup.lines.at(-1))} ${setup.stderr.slice(-500)}`)
    return readState(path, { readonly: false })
  }
  let old = await create(workspace)
  r.setupMs = Math.round(performance.now() - started)

  // Moments in a seeded order, each taken in turn, so that a few kills already see every kind.
  const order = seededRandom(opts.seed)
  const shuffled = <T,>(xs: readonly T[]) => [...xs].map((x) => ({ x, k: order.next() })).sort((a, b) => a.k - b.k).map(({ x }) => x)
  // A large import rebuilds its indexes and runs ANALYZE before it commits; a small one does neither.
  const smallMoments = shuffled<KillMoment>(['rows', 'begin', 'journal', 'commit', 'committed'])
  const bulkMoments = shuffled<KillMoment>(['index', 'analyze', 'commit', 'committed', 'rows'])
  let bulkRounds = 0
  for (let i = 0; i < opts.kills; i++) {
    const rnd = seededRandom((Math.imul(opts.seed ^ 0x27d4eb2f, 0x9e3779b1) ^ Math.imul(i + 1, 0x165667b1)) >>> 0)
    const bulk = opts.bulkEvery > 0 && i % opts.bulkEvery === opts.bulkEvery - 1
    const rows = bulk ? BULK_ROWS : int(rnd, opts.rows[0], opts.rows[1])
    const moment = bulk ? bulkMoments[bulkRounds++ % bulkMoments.length] : smallMoments[(i - bulkRounds) % smallMoments.length]
    const threshold = int(rnd, 1, rows - 1)
    const ordinal = moment === 'index' ? int(rnd, 1, 6) : 1
    // A large import rebuilds the indexes only while it brings more rows than the workspace holds, so each goes into a
    // workspace of its own, new (500 rows); the small ones all go into the one workspace, which grows.
    const ws = bulk ? join(dirs.home, `bulk-${i}.cxdesk`) : workspace
    const before = bulk ? await create(ws) : old
    const label = `seed ${opts.seed} kill ${i}: ${rows} rows, ${moment === 'rows' ? `after ${threshold} rows read` : `at ${moment}${moment === 'index' ? ` no. ${ordinal}` : ''}`}`
    const file = join(dirs.files, `import-${i}.csv`)
    // Each file's own seed: its rows are new to the workspace.
    await writeFeedbackCsv(file, rows, 7_000 + opts.seed * 1_000 + i)
    r.rows += rows

    const killed = await runChild(bundle, { home: dirs.home, workspace: ws, file, mode: moment === 'rows' ? 'worker' : 'steps' }, boundMs, killer(moment, threshold, ordinal))
    const stat = (r.byMoment[moment] ??= { kills: 0, old: 0, all: 0, failures: 0 })
    const failuresBefore = r.failures
    if (killed.hung) fail('hung', label, `the import neither reached its moment nor ended within ${boundMs} ms`)
    else if (!killed.killedAt) {
      r.missed++
      if (!summaryOf(killed)) fail('crashed', label, `the import ended before its moment without a result: ${JSON.stringify(killed.lines.at(-1))} ${killed.stderr.slice(-300)}`)
    } else {
      r.kills++
      stat.kills++
    }

    // The file as the kill left it, opened by a connection that recovers it as the app's open does.
    const after = readState(ws, { readonly: false })
    let outcome: 'old' | 'all' | null = null
    if (after.responses === before.responses && after.imports === before.imports) outcome = 'old'
    else if (after.responses === before.responses + rows && after.imports === before.imports + 1) outcome = 'all'
    if (after.quickCheck !== 'ok') fail('damaged', label, `quick_check says ${after.quickCheck}`)
    if (after.strayIndexRows) fail('damaged', label, `${after.strayIndexRows} search-index rows without their response`)
    // A transaction whose COMMIT returned is in the file (WAL): a killed process loses nothing of it.
    if (outcome === 'old' && moment === 'committed' && killed.killedAt) fail('lost', label, `killed after COMMIT returned, yet the workspace holds the old ${before.responses} responses`)
    if (!outcome) fail('half', label, `${after.responses} responses and ${after.imports} imports: neither the old ${before.responses} and ${before.imports} nor all ${before.responses + rows} and ${before.imports + 1}`)
    else if (killed.killedAt) {
      r[outcome]++
      stat[outcome]++
    }
    const rollups = rollupsDisagree(ws, scratch)
    if (rollups) fail('rollups', label, rollups)

    // The app opens it and imports the same file: it adds exactly what the kill left out.
    const again = await runChild(bundle, { home: dirs.home, workspace: ws, file, mode: 'complete' }, boundMs)
    const opened = again.lines.find((l) => l.type === 'opened')
    const s = summaryOf(again)
    if (!opened || opened.type !== 'opened' || opened.quickCheck !== 'ok' || opened.responses !== after.responses)
      fail('reopen', label, `the app opened it as ${JSON.stringify(opened ?? again.lines.at(-1) ?? again.stderr.slice(-300))}, expected ${after.responses} responses and quick_check ok`)
    const expected = outcome === 'all' ? { imported: 0, duplicates: rows } : { imported: rows, duplicates: 0 }
    if (!s || s.rowsRead !== rows || s.imported !== expected.imported || s.duplicates !== expected.duplicates || s.rejected !== 0)
      fail('nextImport', label, `the next import gave ${s ? JSON.stringify({ rowsRead: s.rowsRead, imported: s.imported, duplicates: s.duplicates, rejected: s.rejected }) : JSON.stringify(again.lines.at(-1))}, expected ${JSON.stringify({ rowsRead: rows, ...expected, rejected: 0 })}`)
    if (bulk) for (const f of [ws, `${ws}-wal`, `${ws}-shm`]) rmSync(f, { force: true })
    else old = readState(workspace, { readonly: false })
    if (r.failures > failuresBefore) stat.failures += r.failures - failuresBefore
    rmSync(file, { force: true })
    opts.progress?.(`${label}: ${killed.killedAt ? `killed, left ${outcome ?? 'neither'}` : 'ended before its moment'}`)
  }
  r.runMs = Math.round(performance.now() - started) - r.setupMs
  return r
}

import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { seededRandom } from '../../../src-main/demo/random'
import { writeFeedbackCsv } from '../../bench/writeFeedbackCsv'
import { bundleChildren } from './bundle'
import { FileChild, type Delivery } from './fileChild'
import { mutateFile, type Mutation, type MutatedFile } from './mutations'
import { seedBytes, seedFiles, type SeedFile } from './seedFiles'
import { accountingFault, unclearRefusal } from './verdicts'
import { readState, rollupsDisagree } from './workspaceState'

export interface FileRobustnessOptions {
  /** A scratch folder: the bundle, the seeds, the mutated files, the app's data folder. */
  dir: string
  seed: number
  /** Mutated files to import. */
  files: number
  /** import.inspect and import.run must each answer within this; a process that answers neither within twice it is killed as hung. */
  callBoundMs?: number
  progress?: (line: string) => void
}

export interface FileRobustnessResult {
  files: number
  failures: number
  /** The app process ended (a V8 abort, an uncaught error). */
  crashes: number
  /** No answer within the bound. */
  hangs: number
  /** Answered, but not with a result or a clear refusal (INTERNAL, a wrapped unforeseen error, a dead thread). */
  unclearErrors: number
  /** quick_check, row counts other than old or old + the import's count, stray index rows, rollups unlike a rebuild. */
  workspaceFaults: number
  /** An import's counts that do not add up. */
  accountingFaults: number
  /** How import.run ended: imported (a summary) or refused (a clear error), and the refusals by problem. */
  imported: number
  refused: number
  refusals: Record<string, number>
  byMutation: Record<string, { files: number; failures: number }>
  slowestCallMs: number
  setupMs: number
  runMs: number
  /** The first failures, each with the file's label (seed, index, seed file, mutations). */
  examples: string[]
}

/** A number per file from the run's seed and the file's index, so one file can be made again on its own. */
export const fileSeed = (seed: number, index: number) => (Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0

/**
 * The file half of the robustness suite: mutated CSV and .xlsx files (mutations.ts) imported by the
 * app in a process of its own, through import.inspect and import.run of a workspace file (reader
 * threads, the import worker). Each file must end with a result or a clear refusal, within the
 * bound, without ending the process; after each, the workspace must pass quick_check, hold the old
 * number of responses or the old number plus what the import reported, and have score summaries
 * equal to a rebuild from the raw rows.
 */
export async function runFileRobustness(opts: FileRobustnessOptions): Promise<FileRobustnessResult> {
  const started = performance.now()
  const callBoundMs = opts.callBoundMs ?? 30_000
  const dirs = { bundle: join(opts.dir, 'bundle'), seeds: join(opts.dir, 'seeds'), files: join(opts.dir, 'files'), home: join(opts.dir, 'home') }
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true })
  const bundle = await bundleChildren(dirs.bundle)
  const seeds = await seedFiles(dirs.seeds)
  const texts = seeds.filter((s) => s.type === 'csv')
  const workbooks = seeds.filter((s) => s.type === 'xlsx')
  const donors = texts.map(seedBytes)
  const scratch = join(opts.dir, 'rollups-copy.sqlite')

  const r: FileRobustnessResult = {
    files: 0,
    failures: 0,
    crashes: 0,
    hangs: 0,
    unclearErrors: 0,
    workspaceFaults: 0,
    accountingFaults: 0,
    imported: 0,
    refused: 0,
    refusals: {},
    byMutation: {},
    slowestCallMs: 0,
    setupMs: 0,
    runMs: 0,
    examples: [],
  }
  const fail = (file: MutatedFile | null, what: string) => {
    r.failures++
    if (file) for (const m of new Set(file.mutations)) r.byMutation[m].failures++
    if (r.examples.length < 12) r.examples.push(`${file?.label ?? 'setup'}: ${what}`)
    opts.progress?.(`FAIL ${file?.label ?? 'setup'}: ${what}`)
  }

  let { child, workspace } = await FileChild.start(bundle, dirs.home, join(dirs.home, 'robust.cxdesk'))
  try {
    // Responses to start from, so that "old" is not zero.
    const base = join(dirs.seeds, 'base.csv')
    await writeFeedbackCsv(base, 300, 99)
    const first = await child.send({ id: 0, path: base, kind: 'responses', withMapping: false }, 4 * callBoundMs)
    if (!('answer' in first) || !first.answer.run.result.ok || first.answer.run.result.data.imported !== 300)
      throw new Error(`the base file did not import: ${JSON.stringify(first).slice(0, 500)}`)
    r.setupMs = Math.round(performance.now() - started)

    for (let i = 0; i < opts.files; i++) {
      const rnd = seededRandom(fileSeed(opts.seed, i))
      // Workbooks are fewer among the seeds but have more ways to break: about half the files are one.
      const file = mutateFile(rnd.pick<SeedFile>(rnd.next() < 0.5 ? workbooks : texts), rnd, donors, `seed ${opts.seed} file ${i}:`)
      const path = join(dirs.files, `file-${i}.${file.ext}`)
      writeFileSync(path, file.bytes)
      r.files++
      for (const m of new Set<Mutation>(file.mutations)) (r.byMutation[m] ??= { files: 0, failures: 0 }).files++
      const before = readState(workspace, { readonly: true })
      const delivery: Delivery = await child.send({ id: i + 1, path, kind: file.importKind, withMapping: rnd.next() < 0.5 }, 2 * callBoundMs + 10_000)
      if (!('answer' in delivery)) {
        if ('hung' in delivery) r.hangs++
        else r.crashes++
        fail(file, 'hung' in delivery ? `no answer within ${2 * callBoundMs + 10_000} ms` : delivery.died)
        // The app again, over the same workspace, which must have survived.
        ;({ child, workspace } = await FileChild.start(bundle, dirs.home, workspace))
        const reopened = readState(workspace, { readonly: true })
        if (reopened.quickCheck !== 'ok') {
          r.workspaceFaults++
          fail(file, `after the process ended, quick_check says ${reopened.quickCheck}`)
        }
        rmSync(path, { force: true })
        continue
      }
      const { inspect, run, scoreColumns } = delivery.answer
      r.slowestCallMs = Math.max(r.slowestCallMs, inspect.ms, run.ms)
      for (const [name, call] of [['import.inspect', inspect], ['import.run', run]] as const) {
        if (call.ms > callBoundMs) {
          r.hangs++
          fail(file, `${name} took ${call.ms} ms`)
        }
        const why = call.result.ok ? null : unclearRefusal(call.result.error)
        if (why) {
          r.unclearErrors++
          fail(file, `${name}: ${why}`)
        }
      }
      let added = 0
      if (run.result.ok) {
        r.imported++
        const s = run.result.data
        added = s.imported
        const fault = accountingFault(s, file.importKind === 'customers' || (scoreColumns !== null && scoreColumns <= 1))
        if (fault) {
          r.accountingFaults++
          fail(file, fault)
        }
      } else {
        r.refused++
        const problem = (run.result.error.details as { problem?: unknown } | undefined)?.problem
        // Refusals without a problem code, by the start of their sentence (file names left out).
        const key = typeof problem === 'string' ? problem : `"${run.result.error.message.replaceAll(`file-${i}.${file.ext}`, '…').slice(0, 48)}"`
        r.refusals[key] = (r.refusals[key] ?? 0) + 1
      }

      const after = readState(workspace, { readonly: true })
      const faults: string[] = []
      if (after.quickCheck !== 'ok') faults.push(`quick_check says ${after.quickCheck}`)
      const responses = file.importKind === 'responses' ? before.responses + added : before.responses
      if (after.responses !== responses) faults.push(`${after.responses} responses, expected ${responses}`)
      if (file.importKind === 'customers' && after.customers !== before.customers + added) faults.push(`${after.customers} customers, expected ${before.customers + added}`)
      if (after.imports !== before.imports + (run.result.ok ? 1 : 0)) faults.push(`${after.imports} import records, expected ${before.imports + (run.result.ok ? 1 : 0)}`)
      if (after.strayIndexRows) faults.push(`${after.strayIndexRows} search-index rows without their response`)
      if (run.result.ok && added > 0) {
        const rollups = rollupsDisagree(workspace, scratch)
        if (rollups) faults.push(rollups)
      }
      if (faults.length) {
        r.workspaceFaults++
        fail(file, faults.join('; '))
      }
      rmSync(path, { force: true })
      if ((i + 1) % 10 === 0) opts.progress?.(`files: ${i + 1}/${opts.files}, failures ${r.failures}, slowest call ${r.slowestCallMs} ms`)
    }
  } finally {
    await child.stop()
  }
  const end = readState(workspace, { readonly: false })
  if (end.quickCheck !== 'ok') fail(null, `at the end, quick_check says ${end.quickCheck}`)
  r.runMs = Math.round(performance.now() - started) - r.setupMs
  return r
}

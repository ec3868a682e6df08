import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAppContext } from '../../src-main/app/createAppContext'
import { createDispatcher } from '../../src-main/app/dispatch'
import type { AppContext } from '../../src-main/app/context'
import { handlers } from '../../src-main/handlers/index'
import { clientFromInvoke } from '../../src-shared/api/client'
import type { ApiClient, RawInvoke } from '../../src-shared/api/contract'
import type { Platform } from '../../src-main/common/platform'
import type { Clock } from '../../src-main/common/clock'

export interface BenchOptions {
  rows: number
  /** A fresh temporary folder for this section's files. */
  dir: string
}

/** A bench section measures one area and returns plain JSON figures (milliseconds, MB, ratios). */
export interface BenchSection {
  name: string
  run(opts: BenchOptions): Promise<Record<string, unknown>>
}

/**
 * The run-and-median loop of every section: `warmUps` unrecorded runs, then `runs` recorded ones of
 * each side, the sides taking turns `block` runs at a time (1: strictly alternating), so a burst of
 * load from elsewhere on the machine falls on every side alike. Returns what each run returned, by side.
 */
export async function takeTurns<K extends string, T>(sides: Record<K, () => T | Promise<T>>, opts: { runs: number; warmUps?: number; block?: number }): Promise<Record<K, T[]>> {
  const names = Object.keys(sides) as K[]
  const out = Object.fromEntries(names.map((k) => [k, [] as T[]])) as Record<K, T[]>
  for (let i = 0; i < (opts.warmUps ?? 0); i++) for (const k of names) await sides[k]()
  const block = opts.block ?? 1
  for (let done = 0; done < opts.runs; done += block)
    for (const k of names) for (let j = 0; j < Math.min(block, opts.runs - done); j++) out[k].push(await sides[k]())
  return out
}

/** One side's runs, each timed in ms (for takeTurns). */
export const timedRun = (fn: () => unknown) => async (): Promise<number> => {
  const t = performance.now()
  await fn()
  return performance.now() - t
}

/** Median of repeated timings, in ms with two decimals. */
export async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  return middle((await takeTurns({ fn: timedRun(fn) }, { runs })).fn)
}

/** The median, fastest and slowest of one figure over runs (the fastest and slowest rounded to whole ms). */
export function spread<T>(runs: readonly T[], figure: (run: T) => number): { median: number; min: number; max: number } {
  const xs = runs.map(figure)
  return { median: middle(xs), min: Math.round(Math.min(...xs)), max: Math.round(Math.max(...xs)) }
}

/** The median time from one mark to another over runs (a stage's length); NaN where a run lacks a mark. */
export function medianSpan<T>(runs: readonly T[], from: (run: T) => number | undefined, to: (run: T) => number | undefined): number {
  return middle(runs.map((r) => (to(r) ?? NaN) - (from(r) ?? NaN)))
}

/** The median of some timings, in milliseconds to two decimals. */
export function middle(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b)
  return Math.round(sorted[Math.floor(sorted.length / 2)] * 100) / 100
}

/** Samples this process's resident memory while `work` runs. */
export async function peakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakRssMB: number }> {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
  try {
    const result = await work()
    return { result, peakRssMB: Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20) }
  } finally {
    clearInterval(timer)
  }
}

/** An app context over a folder, with the direct transport, as the CLI builds it. */
export function benchApp(dir: string, timezone = 'Asia/Bangkok', platform: Platform = { kind: 'cli', systemLocales: () => [] }, clock?: Clock): { ctx: AppContext; api: ApiClient; invoke: RawInvoke } {
  const ctx = createAppContext({
    platform,
    clock,
    paths: { dataDir: dir, workspacesDir: dir, uploadsDir: join(dir, 'uploads') },
    usePreferences: false,
    defaultTimezone: timezone,
  })
  const invoke = createDispatcher(handlers, ctx)
  return { ctx, api: clientFromInvoke(invoke), invoke }
}

export function tempDir(name: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `cxdesk-bench-${name}-`))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

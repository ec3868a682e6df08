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

/** Median of repeated timings, in ms with two decimals. */
export async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await fn()
    times.push(performance.now() - t)
  }
  return middle(times)
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
export function benchApp(dir: string, timezone = 'Asia/Bangkok', platform: Platform = { kind: 'cli', systemLocales: () => [] }): { ctx: AppContext; api: ApiClient; invoke: RawInvoke } {
  const ctx = createAppContext({
    platform,
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

/**
 * `npm run bench`: speed and memory at real sizes, printed as one JSON document.
 * Options: --rows N (default 1,000,000), --keep (leave the temporary folder for inspection).
 * Timings are medians of repeated runs; nothing here is asserted: targets live in the issues.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAppContext } from '../../src-main/app/createAppContext'
import { createDispatcher } from '../../src-main/app/dispatch'
import { handlers } from '../../src-main/handlers/index'
import { clientFromInvoke } from '../../src-shared/api/client'
import { writeFeedbackCsv } from './writeFeedbackCsv'

const args = process.argv.slice(2)
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : undefined
}
const ROWS = Number(flag('rows') ?? 1_000_000)

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await fn()
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  return Math.round(times[Math.floor(times.length / 2)] * 100) / 100
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'cxdesk-bench-'))
  const csv = join(dir, 'responses.csv')
  await writeFeedbackCsv(csv, ROWS)
  const ctx = createAppContext({
    platform: { kind: 'cli', systemLocales: () => [] },
    paths: { dataDir: dir, workspacesDir: dir, uploadsDir: join(dir, 'uploads') },
    usePreferences: false,
    defaultTimezone: 'Asia/Bangkok',
  })
  const api = clientFromInvoke(createDispatcher(handlers, ctx))
  await api.call('workspace.create', { path: join(dir, 'bench.cxdesk') })

  let peakRss = process.memoryUsage().rss
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20)
  const rssBefore = process.memoryUsage().rss
  const t0 = performance.now()
  const summary = await api.call('import.run', { fileId: ctx.files.register(csv).id })
  const importMs = performance.now() - t0
  clearInterval(sampler)

  const first = await api.call('feedback.list', { limit: 50 })
  let cursor = first.nextCursor ?? undefined
  for (let i = 0; i < 200 && cursor; i++) cursor = (await api.call('feedback.list', { limit: 50, cursor })).nextCursor ?? undefined

  const result = {
    rows: ROWS,
    csvBytes: statSync(csv).size,
    import: {
      ms: Math.round(importMs),
      rowsPerSecond: Math.round(ROWS / (importMs / 1000)),
      imported: summary.imported,
      peakRssMB: Math.round(peakRss / 2 ** 20),
      rssGrowthMB: Math.round((peakRss - rssBefore) / 2 ** 20),
    },
    inboxFirstPageMs: await median(15, () => api.call('feedback.list', { limit: 50 })),
    inboxPage200Ms: await median(15, () => api.call('feedback.list', { limit: 50, cursor })),
    npsByMonthMs: await median(7, () => api.call('metrics.series', { metric: 'nps', by: 'month' })),
    npsByWeekMs: await median(7, () => api.call('metrics.series', { metric: 'nps', by: 'week' })),
    workspaceBytes: statSync(join(dir, 'bench.cxdesk')).size,
  }
  await ctx.session.close()
  if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true })
  console.log(JSON.stringify(result, null, 2))
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})

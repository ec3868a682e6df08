import { statSync } from 'node:fs'
import { join } from 'node:path'
import type { FeedbackFilter } from '../../../src-shared/api/filters'
import { createWorkspaceAt } from '../../helpers/files'
import { benchApp, median, peakRss, type BenchSection } from '../harness'
import { writeFeedbackCsv } from '../writeFeedbackCsv'

/** Filter combinations a user clicks together; each is measured for the first page including the exact total. */
const FILTERS: Record<string, FeedbackFilter> = {
  none: {},
  detractors: { band: ['poor'] },
  followUp: { band: ['poor'], status: ['new', 'in_progress'] },
  appDetractors: { channel: ['app'], band: ['poor'] },
  locationMetricSentiment: { location: ['Bangkok - Sukhumvit'], metric: ['nps'], sentiment: ['negative'] },
  stageTouchpointLanguage: { stage: ['Receive'], touchpoint: ['Home delivery'], language: ['vi'] },
  dateRange: { from: '2025-03-01', to: '2025-03-31' },
  dateRangeChannelBand: { from: '2025-01-01', to: '2025-06-30', channel: ['phone'], band: ['poor', 'neutral'] },
  tag: { tag: ['Delivery'] },
  ownerStatus: { owner: ['Lan'], status: ['resolved'] },
}

const SEARCHES: Record<string, FeedbackFilter> = {
  thaiWord: { text: 'ละลาย' },
  vietnameseWithoutDiacritics: { text: 'giao tre' },
  englishCommonWord: { text: 'app' },
  englishRare: { text: 'lemongrass' },
  searchPlusFilters: { text: 'delivery', band: ['poor'], location: ['Online'] },
}

async function duckdbReadCsv(path: string): Promise<number> {
  // Loaded here, after the import, so DuckDB's library is not counted in the import's peak memory.
  const { DuckDBInstance } = await import('@duckdb/node-api')
  const instance = await DuckDBInstance.create(':memory:')
  const conn = await instance.connect()
  const t = performance.now()
  await conn.run(`CREATE TABLE t AS SELECT * FROM read_csv('${path.replaceAll("'", "''")}', header = true)`)
  const ms = performance.now() - t
  conn.closeSync()
  instance.closeSync()
  return ms
}

/**
 * The inbox at scale: import of the generator's CSV end to end (parse, map, write, search index,
 * sentiment, rule tags) in the worker, against DuckDB's read_csv of the same file; then the first
 * page (with its exact total) for filter combinations and for full-text searches.
 */
export const inbox: BenchSection = {
  name: 'inbox',
  async run({ rows, dir }) {
    const csv = join(dir, 'responses.csv')
    await writeFeedbackCsv(csv, rows)
    const { ctx, api } = benchApp(dir)
    await createWorkspaceAt({ ctx, api }, join(dir, 'inbox.cxdesk'))
    // A few rule tags, as a real workspace has them, so tagging is part of the measured import.
    await api.call('tags.saveRule', { tag: 'Delivery', language: null, keywords: ['delivery', 'rider', 'giao trễ', 'shipper', 'ส่งช้า', 'ไรเดอร์'] })
    await api.call('tags.saveRule', { tag: 'Waiting time', language: null, keywords: ['queue', 'xếp hàng', 'ต่อคิว'] })
    const t0 = performance.now()
    const { result: summary, peakRssMB } = await peakRss(() => api.call('import.run', { fileId: ctx.files.register(csv).id }))
    const importMs = performance.now() - t0
    // DuckDB after the import, so its memory is not counted in the import's peak.
    const duckdbMs = await duckdbReadCsv(csv)
    const open = ctx.session.require()
    // Give the bench some owners and statuses to filter on, as ordinary updates.
    open.ws.sqlite.prepare(`UPDATE responses SET owner = 'Lan', status = 'resolved', resolved_at = submitted_at + 86400000 WHERE band = -1 AND id % 3 = 0`).run()

    const firstPageMs: Record<string, number> = {}
    const totals: Record<string, number | null> = {}
    for (const [name, filter] of Object.entries({ ...FILTERS, ...SEARCHES })) {
      totals[name] = (await api.call('feedback.list', { filter, limit: 50 })).total
      firstPageMs[name] = await median(7, () => api.call('feedback.list', { filter, limit: 50 }))
    }
    const pageOnlyMs: Record<string, number> = {}
    for (const [name, filter] of Object.entries({ ...FILTERS, ...SEARCHES })) pageOnlyMs[name] = await median(7, () => api.call('feedback.list', { filter, limit: 50, withTotal: false }))
    const first = await api.call('feedback.list', { limit: 100, withTotal: false })
    let cursor = first.nextCursor ?? undefined
    for (let i = 0; i < 100 && cursor; i++) cursor = (await api.call('feedback.list', { limit: 100, cursor, withTotal: false })).nextCursor ?? undefined
    const result = {
      csvBytes: statSync(csv).size,
      duckdbReadCsvMs: Math.round(duckdbMs),
      importMs: Math.round(importMs),
      importVsDuckdb: Math.round((importMs / duckdbMs) * 10) / 10,
      importRowsPerSecond: Math.round(rows / (importMs / 1000)),
      importPeakRssMB: peakRssMB,
      imported: summary.imported,
      firstPageWithTotalMs: firstPageMs,
      firstPageWithoutTotalMs: pageOnlyMs,
      totals,
      page100DeepMs: await median(7, () => api.call('feedback.list', { limit: 100, cursor, withTotal: false })),
      workspaceBytes: statSync(join(dir, 'inbox.cxdesk')).size,
    }
    await ctx.session.close()
    return result
  },
}

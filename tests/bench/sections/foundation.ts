import { statSync } from 'node:fs'
import { join } from 'node:path'
import { createWorkspaceAt } from '../../helpers/files'
import { benchApp, median, peakRss, type BenchSection } from '../harness'
import { writeFeedbackCsv } from '../writeFeedbackCsv'

/** The thin slice: import the generator CSV, page the newest responses, NPS by month and week. */
export const foundation: BenchSection = {
  name: 'foundation',
  async run({ rows, dir }) {
    const csv = join(dir, 'responses.csv')
    await writeFeedbackCsv(csv, rows)
    const { ctx, api } = benchApp(dir)
    await createWorkspaceAt({ ctx, api }, join(dir, 'bench.cxdesk'))
    const t0 = performance.now()
    const { result: summary, peakRssMB } = await peakRss(() => api.call('import.run', { fileId: ctx.files.register(csv).id }))
    const importMs = performance.now() - t0
    const first = await api.call('feedback.list', { limit: 50 })
    let cursor = first.nextCursor ?? undefined
    for (let i = 0; i < 200 && cursor; i++) cursor = (await api.call('feedback.list', { limit: 50, cursor })).nextCursor ?? undefined
    const result = {
      csvBytes: statSync(csv).size,
      importMs: Math.round(importMs),
      importRowsPerSecond: Math.round(rows / (importMs / 1000)),
      imported: summary.imported,
      importPeakRssMB: peakRssMB,
      inboxFirstPageMs: await median(15, () => api.call('feedback.list', { limit: 50 })),
      inboxPage200Ms: await median(15, () => api.call('feedback.list', { limit: 50, cursor })),
      npsByMonthMs: await median(7, () => api.call('metrics.series', { metric: 'nps', by: 'month' })),
      npsByMonthAndChannelMs: await median(7, () => api.call('metrics.series', { metric: 'nps', by: 'month', dim: 'channel' })),
      workspaceBytes: statSync(join(dir, 'bench.cxdesk')).size,
    }
    await ctx.session.close()
    return result
  },
}

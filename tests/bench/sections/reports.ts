import { join } from 'node:path'
import { defaultReportOptions, type ReportOptions } from '../../../src-shared/api/reports'
import { foldAll } from '../../../src-main/metrics/rollups/jobs'
import { hostPrinter } from '../../../src-main/reports/hostPrinter'
import { withReportHost } from '../../../src-main/cli/reportCommand'
import { createWorkspaceAt, destination } from '../../helpers/files'
import { benchApp, median, type BenchSection } from '../harness'
import { writeFeedbackCsv } from '../writeFeedbackCsv'
import { seedCustomers, seedFollowUpsAndTags } from './metrics'

/**
 * A manager summary over the whole generated data set: the data channel alone, then the whole export
 * from request to file written (figures, layout in headless Chromium, printing, atomic write), as
 * `cxdesk report` and the browser host do it. The target is under 3 s for a 10-page summary over
 * 1,000,000 responses.
 */
export const reports: BenchSection = {
  name: 'reports',
  async run({ rows, dir }) {
    const csv = join(dir, 'responses.csv')
    await writeFeedbackCsv(csv, rows)
    const file = join(dir, 'reports.cxdesk')
    let appUrl: string | null = null
    const { ctx, api, invoke } = benchApp(dir, 'Asia/Bangkok', { kind: 'cli', systemLocales: () => [], printToPdf: hostPrinter(() => appUrl) })
    await createWorkspaceAt({ ctx, api }, file)
    const open = ctx.session.require()
    seedCustomers(open.ws.sqlite, Math.max(50, Math.floor(rows / 8)))
    await api.call('import.run', { fileId: ctx.files.register(csv).id })
    seedFollowUpsAndTags(open.ws.sqlite)
    foldAll(open.ws.sqlite)

    const month: ReportOptions = { ...defaultReportOptions('manager', 'vi'), period: { preset: 'custom', from: '2025-11-01', to: '2025-11-30' } }
    const everything: ReportOptions = { ...month, period: { preset: 'all' } }
    const figures: Record<string, unknown> = {
      dataMonthMs: await median(5, () => api.call('reports.data', { options: month })),
      dataAllMs: await median(5, () => api.call('reports.data', { options: everything })),
    }
    await withReportHost(ctx, invoke, (url) => (appUrl = url), async () => {
      let n = 0
      const exportOnce = async (options: ReportOptions) => {
        const result = await api.call('reports.export', { exportId: `bench-export-${n++}`, options, fileId: destination({ ctx }, join(dir, `report-${n}.pdf`), 'reportPdf') })
        return result!
      }
      // The first export warms the page cache and the browser's disk cache, as a second click would find them.
      const first = await exportOnce(month)
      figures.pagesMonth = first.pages
      figures.exportMonthMs = await median(3, () => exportOnce(month))
      const all = await exportOnce(everything)
      figures.pagesAll = all.pages
      figures.exportAllMs = await median(3, () => exportOnce(everything))
    })
    await ctx.session.close()
    return { ...figures, under3s: (figures.exportMonthMs as number) < 3000 && (figures.exportAllMs as number) < 3000 }
  },
}

import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { defaultReportOptions, defaultSections, type ExportStage, type ReportOptions } from '../../../src-shared/api/reports'
import { foldAll } from '../../../src-main/metrics/rollups/jobs'
import { ensureBuilt } from '../../../src-main/launcher/build.cjs'
import { startHost } from '../../../src-main/host/server'
import { newToken } from '../../../src-main/host/security'
import { WarmPrinter, warmingOnReports } from '../../../src-main/reports/printing/warmPrinter'
import { createWorkspaceAt } from '../../helpers/files'
import { benchApp, median, medianSpan, middle, spread, takeTurns, type BenchSection } from '../harness'
import type { AppContext } from '../../../src-main/app/context'
import { metricsOf } from '../../../src-main/handlers/scope'
import { reportData, type ReportTimings } from '../../../src-main/reports/reportData'
import { writeFeedbackCsv } from '../writeFeedbackCsv'
import { seedCustomers, seedFollowUpsAndTags } from './metrics'
import { treeCpuMs } from '../treeCpu'

const ROOT = join(__dirname, '..', '..', '..')
const load = () => loadavg().map((l) => Math.round(l * 100) / 100)

/** One export's stages, in ms from the request: when each began, as the reports.progress events say. */
type Timeline = Partial<Record<ExportStage, number>> & { answered: number; downloaded: number; pages: number; pdfinfoPages: number | null; cpuMs: number | null; cycleCpuMs: number | null }

/** The page count of a PDF file as poppler's `pdfinfo` reads it (not as the exporter says), or null without pdfinfo. */
export function pdfinfoPages(file: string): number | null {
  const r = spawnSync('pdfinfo', [file], { encoding: 'utf8' })
  if (r.error || r.status !== 0) return null
  const m = /^Pages:\s+(\d+)$/m.exec(r.stdout)
  return m ? Number(m[1]) : null
}

/**
 * The bench's manager summary: one month (November 2025 of the generated data) in Vietnamese, with
 * a cover and a contents page on US Letter — 10 pages, which the bench checks with pdfinfo. The
 * default sections alone print 7 pages for that month.
 */
export function benchSummaryOptions(): ReportOptions {
  return {
    ...defaultReportOptions('manager', 'vi'),
    sections: ['cover', 'contents', ...defaultSections.manager],
    paper: 'letter',
    period: { preset: 'custom', from: '2025-11-01', to: '2025-11-30' },
  }
}

/** Median of each stage's length over several exports: figures, getting a tab, layout, printing, writing, the download. */
function breakdown(runs: Timeline[]) {
  const span = (from: ExportStage | 'downloaded', to: ExportStage | 'downloaded') => medianSpan(runs, (r) => r[from], (r) => r[to])
  const total = spread(runs, (r) => r.downloaded)
  return {
    totalMs: total.median,
    minMs: total.min,
    maxMs: total.max,
    // CPU of the whole export, the host (this process) and the browser's processes together: what a quiet machine would need, spread over its cores.
    cpuMs: runs.every((r) => r.cpuMs !== null) ? middle(runs.map((r) => r.cpuMs!)) : null,
    // The same until the browser's next standby tab is loaded (its script compiled, its fonts decoded).
    cycleCpuMs: runs.every((r) => r.cycleCpuMs !== null) ? middle(runs.map((r) => r.cycleCpuMs!)) : null,
    figuresMs: span('data', 'starting'),
    // The browser's start (cold) or the standby tab (warm) — the page's load and compile are here when it was not ready.
    tabMs: span('starting', 'rendering'),
    layoutMs: span('rendering', 'printing'),
    printMs: span('printing', 'writing'),
    writeMs: span('writing', 'done'),
    answerAndDownloadMs: span('done', 'downloaded'),
    pages: runs[0]?.pages,
    pdfinfoPages: runs[0]?.pdfinfoPages,
    runs: runs.length,
  }
}

/**
 * Where reports.data's time goes for one report: the median ms of each of its parts over `runs` runs
 * (after one unrecorded), its whole time and this process's CPU time (the figures are computed on the
 * calling thread), from reportData's own timings.
 */
async function reportDataSplit(ctx: AppContext, options: ReportOptions, runs: number): Promise<Record<string, number>> {
  const seen: Array<Record<string, number>> = []
  for (let i = 0; i <= runs; i++) {
    const timings: ReportTimings = {}
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    await reportData({ ...metricsOf(ctx).source(), open: ctx.session.require(), now: ctx.clock.now() }, options, undefined, timings)
    const cpu = process.cpuUsage(cpu0)
    if (i > 0) seen.push({ totalMs: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, ...timings })
  }
  const parts = [...new Set(seen.flatMap((s) => Object.keys(s)))]
  return Object.fromEntries(parts.map((p) => [p, middle(seen.map((s) => s[p] ?? 0))]))
}

/**
 * A manager summary over the whole generated data set: the data channel alone, then the export from
 * the request to the file ready, through the web host as the browser makes it — POST
 * /api/invoke/reports.export, figures, layout of the print entry in the host's warm headless
 * Chromium, printing, the atomic write, then GET /api/reports/download. Cold: no browser running
 * (the export starts it); warm: the browser running and its standby tab loaded, as after opening
 * the Reports page or a previous export. The target is under 3 s for a 10-page summary at 1,000,000
 * responses, warm.
 */
export const reports: BenchSection = {
  name: 'reports',
  async run({ rows, dir }) {
    const loadBefore = load()
    const csv = join(dir, 'responses.csv')
    await writeFeedbackCsv(csv, rows)
    const file = join(dir, 'reports.cxdesk')
    let appUrl: string | null = null
    const printer = new WarmPrinter({ appUrl: () => appUrl })
    const { ctx, api, invoke } = benchApp(dir, 'Asia/Bangkok', { kind: 'web', systemLocales: () => [], printToPdf: printer.print })
    await createWorkspaceAt({ ctx, api }, file)
    const open = ctx.session.require()
    seedCustomers(open.ws.sqlite, Math.max(50, Math.floor(rows / 8)))
    await api.call('import.run', { fileId: ctx.files.register(csv).id })
    seedFollowUpsAndTags(open.ws.sqlite)
    foldAll(open.ws.sqlite)

    const month = benchSummaryOptions()
    const monthThai: ReportOptions = { ...month, locale: 'th' }
    const everything: ReportOptions = { ...month, period: { preset: 'all' } }
    const figures: Record<string, unknown> = {
      dataMonthMs: await median(5, () => api.call('reports.data', { options: month })),
      dataAllMs: await median(5, () => api.call('reports.data', { options: everything })),
      dataMonthSplit: await reportDataSplit(ctx, month, 5),
    }

    ensureBuilt()
    const token = newToken()
    const host = await startHost({ ctx, invoke: warmingOnReports(invoke, printer), token, staticDir: join(ROOT, 'out', 'renderer') })
    appUrl = host.url
    const origin = new URL(host.url).origin
    const started = new Map<string, number>()
    const timelines = new Map<string, Timeline>()
    ctx.events.subscribe((e) => {
      if (e.name !== 'reports.progress') return
      const t0 = started.get(e.payload.exportId)
      const line = timelines.get(e.payload.exportId)
      if (t0 !== undefined && line) line[e.payload.stage] = performance.now() - t0
    })
    let n = 0
    /** The export button's request and the download that follows, as the browser makes them. */
    const exportOnce = async (options: ReportOptions): Promise<Timeline> => {
      const exportId = `bench-export-${n++}`
      const line: Timeline = { answered: NaN, downloaded: NaN, pages: 0, pdfinfoPages: null, cpuMs: null, cycleCpuMs: null }
      timelines.set(exportId, line)
      const cpu0 = treeCpuMs()
      const t0 = performance.now()
      started.set(exportId, t0)
      const auth = { authorization: `Bearer ${token}` }
      const res = await fetch(`${origin}/api/invoke/reports.export`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ exportId, options }) })
      const answer = (await res.json()) as { ok: boolean; data?: { downloadId: string; pages: number }; error?: { message: string } }
      if (!answer.ok || !answer.data) throw new Error(`export failed: ${answer.error?.message}`)
      line.answered = performance.now() - t0
      const pdf = Buffer.from(await (await fetch(`${origin}/api/reports/download?id=${answer.data.downloadId}`, { headers: auth })).arrayBuffer())
      const out = join(dir, `report-${n}.pdf`)
      writeFileSync(out, pdf)
      line.downloaded = performance.now() - t0
      const cpu1 = treeCpuMs()
      line.pages = answer.data.pages
      // The file's own page count, read by pdfinfo after the clock stopped.
      line.pdfinfoPages = pdfinfoPages(out)
      if (line.pdfinfoPages !== null && line.pdfinfoPages !== line.pages) throw new Error(`the export said ${line.pages} pages, pdfinfo reads ${line.pdfinfoPages}`)
      line.cpuMs = cpu0 === null || cpu1 === null ? null : cpu1 - cpu0
      // And with the next standby tab loaded (script, fonts): what one export costs the machine in all.
      await printer.whenStandby()
      const cpu2 = treeCpuMs()
      line.cycleCpuMs = cpu0 === null || cpu2 === null ? null : cpu2 - cpu0
      return line
    }
    try {
      // Cold: nothing running; the export starts the browser (its start overlaps with the figures).
      const { cold } = await takeTurns(
        {
          cold: async () => {
            await printer.stopBrowser()
            return exportOnce(month)
          },
        },
        { runs: 3 },
      )
      // Warm: the browser running and its next tab loaded, as the Reports page or the last export left it.
      const warm = async (options: ReportOptions, runs: number) => {
        const { out } = await takeTurns(
          {
            out: async () => {
              await printer.whenStandby()
              return exportOnce(options)
            },
          },
          { runs },
        )
        return out
      }
      const before = printer.stats()
      figures.coldMonth = breakdown(cold)
      figures.warmMonth = breakdown(await warm(month, 5))
      figures.warmMonthThai = breakdown(await warm(monthThai, 3))
      figures.warmAll = breakdown(await warm(everything, 3))
      const after = printer.stats()
      figures.warmBrowserLaunches = after.launches - before.launches
      figures.warmFromStandby = `${after.fromStandby - before.fromStandby} of ${after.prints - before.prints}`
    } finally {
      await printer.close()
      await host.close()
      await ctx.session.close()
    }
    const warmMonth = figures.warmMonth as ReturnType<typeof breakdown>
    const cold = figures.coldMonth as ReturnType<typeof breakdown>
    // The target speaks of a 10-page summary: the claim holds only when pdfinfo counted 10 pages.
    const tenPages = warmMonth.pdfinfoPages === 10 && cold.pdfinfoPages === 10
    return { loadAverage: { before: loadBefore, after: load() }, ...figures, tenPages, under3sWarm: tenPages && warmMonth.totalMs < 3000, under3sCold: tenPages && cold.totalMs < 3000 }
  },
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { testAppInMemory, type TestApp } from '../../helpers/context'
import { destination } from '../../helpers/files'
import { defaultReportOptions, reportSections, type ReportData, type ReportOptions } from '../../../src-shared/api/reports'
import type { AppEvent } from '../../../src-shared/api/events'
import type { PdfPrintRequest } from '../../../src-main/common/platform'
import { takeDownload } from '../../../src-main/common/downloads'

const RAW_EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+\.[\p{L}]{2,}/u
/** A stand-in for the platform's printer: reads the job the print page would read, and returns a two-page "PDF". */
let printed: PdfPrintRequest[] = []
let printer: (req: PdfPrintRequest) => Promise<Buffer> = async (req) => {
  printed.push(req)
  return Buffer.from('%PDF-1.4\n1 0 obj << /Type /Page >> endobj 2 0 obj << /Type /Page >> endobj 3 0 obj << /Type /Pages >> endobj\n%%EOF')
}

let app: TestApp
beforeEach(async () => {
  printed = []
  // The demo's data, made by the demo's own seeding code, in memory (workspace.openDemo makes the same on disk).
  app = await testAppInMemory({ timezone: 'Asia/Bangkok', seed: 'cafeDemo', platform: { kind: 'web', systemLocales: () => ['en-US'], printToPdf: (req) => printer(req) } })
})
afterEach(() => app.cleanup())

type Said<K extends string> = Extract<NonNullable<ReportData['whatChanged']>[number], { kind: K }>

const options = (patch: Partial<ReportOptions> = {}): ReportOptions => ({ ...defaultReportOptions('manager', 'en'), ...patch })

describe('report data', () => {
  it('shows exactly the metrics engine’s figures for the same period (no drift between report and app)', async () => {
    // The fake clock stands on 22 November 2026: last month is October.
    const data = await app.api.call('reports.data', { options: options() })
    expect(data.period).toEqual({ from: '2026-10-01', to: '2026-10-31' })
    expect(data.comparison).toEqual({ from: '2026-09-01', to: '2026-09-30' })
    const engine = await app.api.call('metrics.tiles', { by: 'month', compare: 'previous', filter: { from: '2026-10-01', to: '2026-10-31' } })
    expect(data.headline!.tiles).toEqual(engine.tiles)
    const nps = await app.api.call('metrics.series', { metric: 'nps', dim: 'channel', filter: { from: '2026-10-01', to: '2026-10-31' } })
    expect(data.breakdowns!.items.find((i) => i.dim === 'channel')!.series).toEqual(nps)
    const drivers = await app.api.call('metrics.drivers', { metric: 'nps', filter: { from: '2026-10-01', to: '2026-10-31' }, limit: 8 })
    expect(data.drivers).toEqual(drivers)
    const ttr = await app.api.call('metrics.ttr', { filter: { from: '2026-10-01', to: '2026-10-31' } })
    expect(data.followUp!.ttr).toEqual(ttr.overall)
    const count = await app.api.call('feedback.list', { filter: { from: '2026-10-01', to: '2026-10-31' }, limit: 1 })
    expect(data.responses).toBe(count.total)
  })

  it('says what changed only with figures the report prints', async () => {
    const data = await app.api.call('reports.data', { options: options() })
    const nps = data.headline!.tiles.find((t) => t.metric === 'nps')!
    const said = data.whatChanged!.find((s) => s.kind === 'change' && s.metric === 'nps')
    expect(said).toMatchObject({ value: nps.value, previous: nps.previous!.value, delta: nps.change!.delta, significant: nps.change!.significant })
    // Each kind of statement is checked, never skipped: the demo's October says a theme; a driver
    // stands out over the whole demo (October alone has none), so that one is read over all time.
    const theme = data.whatChanged!.find((s): s is Said<'theme'> => s.kind === 'theme')
    expect(theme).toBeDefined()
    expect(data.themes!.items[0]).toMatchObject({ tag: theme!.tag, count: theme!.count })
    const all = await app.api.call('reports.data', { options: options({ period: { preset: 'all' } }) })
    const driver = all.whatChanged!.find((s): s is Said<'driver'> => s.kind === 'driver')
    expect(driver).toBeDefined()
    expect(all.drivers!.drivers).toContainEqual(expect.objectContaining({ group: driver!.group, impact: driver!.impact }))
  })

  it('masks contact details by default and can leave comments out', async () => {
    const data = await app.api.call('reports.data', { options: options({ period: { preset: 'all' } }) })
    expect(data.followUp!.oldest.length).toBeGreaterThan(0)
    expect(data.followUp!.oldest.every((o) => o.contact === null || o.contact.includes('•••'))).toBe(true)
    expect(JSON.stringify(data)).not.toMatch(RAW_EMAIL)
    const without = await app.api.call('reports.data', { options: options({ period: { preset: 'all' }, privacy: { maskContacts: true, comments: 'exclude' } }) })
    expect(without.themes!.items.every((i) => i.comments.length === 0)).toBe(true)
    expect(without.followUp!.oldest.every((o) => o.comment === null)).toBe(true)
  })

  it('holds the journey maps with their live scores for the deliverable', async () => {
    const data = await app.api.call('reports.data', { options: { ...defaultReportOptions('consultant', 'vi'), sections: [...reportSections] } })
    expect(data.journeys!.maps.length).toBeGreaterThan(0)
    const kinds = data.journeys!.maps.map((m) => m.doc.map.kind)
    expect(kinds.indexOf('as_is')).toBeLessThan(Math.max(0, kinds.indexOf('to_be')) + 1)
    const withScores = data.journeys!.maps.flatMap((m) => m.figures).filter((f) => f.current && f.current.n > 0)
    expect(withScores.length).toBeGreaterThan(0)
    const f = withScores[0]
    const metric = data.journeys!.maps.find((m) => m.figures.includes(f))!.doc.map.scoreMetric
    const engine = await app.api.call('metrics.series', {
      metric,
      filter: { ...data.period, metric: [metric], ...(f.touchpoint ? { touchpoint: [f.touchpoint] } : {}), ...(f.channel ? { channel: [f.channel] } : {}) },
    })
    expect(f.current).toEqual(engine.overall)
  })
})

describe('report templates', () => {
  it('are saved, listed, replaced and deleted, with unique names', async () => {
    const saved = await app.api.call('reports.saveTemplate', { name: 'Monthly for the owner', options: options({ locale: 'th' }) })
    expect((await app.api.call('reports.templates', {})).templates).toEqual([saved])
    await expect(app.api.call('reports.saveTemplate', { name: 'monthly FOR the owner', options: options() })).rejects.toMatchObject({ code: 'VALIDATION' })
    const replaced = await app.api.call('reports.saveTemplate', { id: saved.id, name: 'Monthly for the owner', options: options({ locale: 'vi', paper: 'letter' }) })
    expect(replaced.options).toMatchObject({ locale: 'vi', paper: 'letter' })
    const gone = await app.api.call('reports.deleteTemplate', { id: saved.id })
    expect(gone.name).toBe('Monthly for the owner')
    expect((await app.api.call('reports.templates', {})).templates).toEqual([])
  })
})

describe('exporting a PDF', () => {
  it('prints the registered job and offers the file for one download, with progress in order', async () => {
    const events: AppEvent[] = []
    app.ctx.events.subscribe((e) => events.push(e))
    const result = await app.api.call('reports.export', { exportId: 'export-one', options: options() })
    expect(result).toMatchObject({ path: null, pages: 2, fileName: expect.stringMatching(/Manager summary – 2026-10-01 – 2026-10-31\.pdf$/) })
    expect(printed[0].route).toMatch(/^#\/report-print\?job=[\w-]+$/)
    const stages = events.filter((e) => e.name === 'reports.progress').map((e) => (e.payload as { stage: string }).stage)
    expect(stages).toEqual(['data', 'writing', 'done'])
    // The job is gone once printed: the print page cannot be reopened on it.
    const job = printed[0].route.split('job=')[1]
    await expect(app.api.call('reports.printJob', { jobId: job })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    const download = takeDownload(result!.downloadId!)
    expect(readFileSync(download.path).subarray(0, 5).toString()).toBe('%PDF-')
    download.done()
    expect(existsSync(download.path)).toBe(false)
  })

  it('writes to a destination the platform registered, once', async () => {
    const path = join(app.dir, 'chosen.pdf')
    const fileId = destination(app, path, 'reportPdf')
    const result = await app.api.call('reports.export', { exportId: 'export-chosen', options: options(), fileId })
    expect(result).toMatchObject({ path, downloadId: null, pages: 2 })
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-')
    // A write reference is used up: the same id cannot write again, nor be used for anything else.
    await expect(app.api.call('reports.export', { exportId: 'export-again', options: options(), fileId })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    const copyId = destination(app, join(app.dir, 'copy.cxdesk'), 'workspaceCopy')
    await expect(app.api.call('reports.export', { exportId: 'export-wrong', options: options(), fileId: copyId })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(existsSync(join(app.dir, 'copy.cxdesk'))).toBe(false)
  })

  it('writes to the destination given, atomically: a failed print leaves no file, and a cancel says so', async () => {
    const path = join(app.dir, 'report.pdf')
    printer = async () => {
      throw new Error('the printer broke')
    }
    await expect(app.api.call('reports.export', { exportId: 'export-two', options: options(), fileId: destination(app, path, 'reportPdf') })).rejects.toThrow()
    expect(existsSync(path)).toBe(false)
    expect(readdirSync(app.dir).filter((f) => f.includes('.tmp-'))).toEqual([])

    printer = (req) =>
      new Promise((_resolve, reject) => {
        req.signal?.addEventListener('abort', () => reject(new Error('aborted')))
        void app.api.call('reports.cancelExport', { exportId: 'export-three' })
      })
    await expect(app.api.call('reports.export', { exportId: 'export-three', options: options(), fileId: destination(app, path, 'reportPdf') })).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(existsSync(path)).toBe(false)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type Server } from 'node:http'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { testApp, type TestApp } from '../../helpers/context'
import { ensureBuilt, root } from '../../../src-main/launcher/build.cjs'
import { startHost, type RunningHost } from '../../../src-main/host/server'
import { newToken } from '../../../src-main/host/security'
import { takeDownload } from '../../../src-main/common/downloads'
import { launchHeadless } from '../../../src-main/reports/printing/headlessPrinter'
import { WarmPrinter, warmingOnReports } from '../../../src-main/reports/printing/warmPrinter'
import { defaultReportOptions, type ReportOptions } from '../../../src-shared/api/reports'
import { translator } from '../../../src-shared/i18n/translate'

const FROM = '2026-01-01'
const TO = '2026-06-30'

describe('the web host’s warm printer, through the app’s own print entry', () => {
  let app: TestApp
  let host: RunningHost
  let appUrl: string | null = null
  const printer = new WarmPrinter({ appUrl: () => appUrl })

  beforeAll(async () => {
    ensureBuilt(['renderer'])
    app = testApp({ platform: { kind: 'web', systemLocales: () => ['en-US'], printToPdf: printer.print }, timezone: 'Asia/Ho_Chi_Minh' })
    await app.api.call('workspace.openDemo', {})
    host = await startHost({ ctx: app.ctx, invoke: warmingOnReports(app.invoke, printer), token: newToken(), staticDir: join(root, 'out', 'renderer') })
    appUrl = host.url
  }, 300_000)
  afterAll(async () => {
    await printer.close()
    await host?.close()
    await app?.cleanup()
  })

  const exportReport = async (options: ReportOptions) => {
    const result = await app.api.call('reports.export', { exportId: `warm-export-${options.locale}`, options })
    const download = takeDownload(result!.downloadId!)
    try {
      return { pages: result!.pages, text: execFileSync('pdftotext', [download.path, '-'], { encoding: 'utf8' }) }
    } finally {
      download.done()
    }
  }

  it('starts when the Reports page opens, and a second export reuses the same browser and a tab already on the print page', async () => {
    const month = (locale: 'en' | 'th'): ReportOptions => ({ ...defaultReportOptions('manager', locale), period: { preset: 'custom', from: FROM, to: TO } })
    // The Reports page asks for its templates as it opens: the printer starts and loads its tab then.
    const call = await fetch(new URL('/api/invoke/reports.templates', host.url), { method: 'POST', headers: { authorization: `Bearer ${new URL(host.url).searchParams.get('token')}`, 'content-type': 'application/json' }, body: '{}' })
    expect(call.status).toBe(200)
    await printer.whenStandby()
    expect(printer.stats()).toEqual({ launches: 1, prints: 0, fromStandby: 0 })

    const first = await exportReport(month('en'))
    expect(first.text).toContain(translator('en')('report.section.headline'))
    await printer.whenStandby()
    const second = await exportReport(month('th'))
    expect(second.text).toContain(translator('th')('report.section.headline'))
    expect(second.pages).toBeGreaterThanOrEqual(6)
    // One browser for both, and each export found its tab already loaded.
    expect(printer.stats()).toEqual({ launches: 1, prints: 2, fromStandby: 2 })
  }, 300_000)
})

describe('the warm printer’s browser: restarted when it dies, closed when idle or closed', () => {
  // A stand-in for the print entry: takes its job from the hash, at load or later, and says it is ready.
  const PRINT_PAGE = `<!doctype html><html><body><script>
    const show = () => { const job = new URLSearchParams(location.hash.split('?')[1] || '').get('job'); if (!job) return;
      document.body.textContent = 'Job ' + job; document.documentElement.dataset.reportReady = 'true' }
    addEventListener('hashchange', show); show()
  </script></body></html>`
  let server: Server
  let appUrl: string

  beforeAll(async () => {
    server = createServer((req, res) => res.writeHead(req.url?.startsWith('/print.html') ? 200 : 404, { 'content-type': 'text/html' }).end(PRINT_PAGE))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
    const address = server.address()
    appUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/?token=t`
  })
  afterAll(() => void server.close())

  /** A printer whose browsers the test can see (and end). */
  const watched = (idleMs?: number) => {
    const browsers: Browser[] = []
    const printer = new WarmPrinter({
      appUrl: () => appUrl,
      idleMs,
      launch: async (path) => {
        const b = await launchHeadless(path)
        browsers.push(b)
        return b
      },
    })
    return { printer, browsers }
  }
  const disconnected = (b: Browser) => new Promise<void>((r) => (b.isConnected() ? b.once('disconnected', () => r()) : r()))
  const pdfOk = (pdf: Buffer) => expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')

  it('starts another browser when the one it kept has died', async () => {
    const { printer, browsers } = watched()
    try {
      pdfOk(await printer.print({ route: '#/report-print?job=a' }))
      await printer.whenStandby()
      await browsers[0].close()
      pdfOk(await printer.print({ route: '#/report-print?job=b' }))
      expect(printer.stats().launches).toBe(2)
      expect(browsers[1].isConnected()).toBe(true)
    } finally {
      await printer.close()
    }
  }, 120_000)

  it('closes the browser after a while without exports, and starts it again for the next', async () => {
    const { printer, browsers } = watched(300)
    try {
      pdfOk(await printer.print({ route: '#/report-print?job=a' }))
      await disconnected(browsers[0])
      pdfOk(await printer.print({ route: '#/report-print?job=b' }))
      expect(printer.stats().launches).toBe(2)
    } finally {
      await printer.close()
    }
  }, 120_000)

  it('closes the browser when closed, and refuses to print after', async () => {
    const { printer, browsers } = watched()
    printer.warm()
    await printer.whenStandby()
    await printer.close()
    expect(browsers[0].isConnected()).toBe(false)
    await expect(printer.print({ route: '#/report-print?job=a' })).rejects.toMatchObject({ code: 'CANCELLED' })
  }, 120_000)
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type Server } from 'node:http'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { printWithHeadlessBrowser } from '../../../src-main/reports/printing/headlessPrinter'
import { browserCandidates, findChromiumBrowser } from '../../../src-main/reports/printing/findBrowser'

const pages: Record<string, string> = {
  '/ready': `<!doctype html><html><head><style>@page { size: A4; margin: 20mm; @bottom-center { content: "Trang " counter(page) " / " counter(pages) } }</style></head>
    <body><h1>Báo cáo tổng quan</h1><p>คะแนน NPS +23,5</p><script>setTimeout(() => { document.documentElement.dataset.reportReady = 'true' }, 300)</script></body></html>`,
  '/error': `<!doctype html><html><body><script>document.documentElement.dataset.reportError = 'no data'</script></body></html>`,
  '/never': `<!doctype html><html><body>waiting forever</body></html>`,
}
let server: Server
let base: string
let dir: string

beforeAll(async () => {
  server = createServer((req, res) => res.writeHead(pages[req.url ?? ''] ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(pages[req.url ?? ''] ?? ''))
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const address = server.address()
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  dir = mkdtempSync(join(tmpdir(), 'cxdesk-print-'))
})
afterAll(() => {
  server.close()
  rmSync(dir, { recursive: true, force: true })
})

const pdfText = (pdf: Buffer) => {
  const path = join(dir, `${Math.random()}.pdf`)
  writeFileSync(path, pdf)
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' })
}

describe('printing through a headless Chromium', () => {
  it('waits for the page to say it is ready, then prints it with page numbers and Thai and Vietnamese text', async () => {
    const stages: string[] = []
    const pdf = await printWithHeadlessBrowser({ url: `${base}/ready`, onStage: (s) => stages.push(s) })
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const text = pdfText(pdf)
    expect(text).toContain('Báo cáo tổng quan')
    expect(text).toContain('คะแนน NPS +23,5')
    expect(text).toContain('Trang 1 / 1')
    expect(stages).toEqual(['starting', 'rendering', 'printing'])
  })

  it('reports a page that failed to lay itself out', async () => {
    await expect(printWithHeadlessBrowser({ url: `${base}/error` })).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('no data') })
  })

  it('can be cancelled while the page renders', async () => {
    const controller = new AbortController()
    const printing = printWithHeadlessBrowser({ url: `${base}/never`, signal: controller.signal, onStage: (s) => s === 'rendering' && setTimeout(() => controller.abort(), 200) })
    await expect(printing).rejects.toMatchObject({ code: 'CANCELLED' })
  })

  it('says clearly when no browser is available', async () => {
    await expect(printWithHeadlessBrowser({ url: `${base}/ready`, browserPath: null })).rejects.toMatchObject({ code: 'UNSUPPORTED', message: expect.stringMatching(/Chromium, Google Chrome or Microsoft Edge/) })
  })
})

describe('finding a browser', () => {
  it('prefers an explicit path, then the usual places on each platform', () => {
    expect(browserCandidates({ CXDESK_BROWSER: '/opt/x/chrome', PATH: '/usr/local/bin' }, 'linux').slice(0, 2)).toEqual(['/opt/x/chrome', '/usr/local/bin/chromium'])
    expect(browserCandidates({ PROGRAMFILES: 'C:\\Program Files' }, 'win32').some((p) => p.endsWith('msedge.exe'))).toBe(true)
    expect(browserCandidates({ HOME: '/Users/an' }, 'darwin')).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome')
  })
  it('returns the first that exists, or null', () => {
    expect(findChromiumBrowser({ PATH: '/a:/b' }, 'linux', (p) => p === '/b/google-chrome')).toBe('/b/google-chrome')
    expect(findChromiumBrowser({ PATH: '/a' }, 'linux', () => false)).toBeNull()
  })
})

import { chromium } from 'playwright-core'
import { AppError } from '../../src-shared/api/result'
import { findChromiumBrowser } from './findBrowser'
import { printWhenReady, type PrintablePage } from './printWhenReady'

export interface PrintRequest {
  url: string
  /** Paper comes from the document's own CSS @page rule (size, margins, page-number boxes). */
  signal?: AbortSignal
  onStage?: (stage: 'starting' | 'rendering' | 'printing') => void
  /** The browser to use; omitted, one is looked for; null, none is available. */
  browserPath?: string | null
  timeoutMs?: number
}

const LAUNCH_ARGS = ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--no-default-browser-check']

/** A fresh headless browser with one page; closing the page closes the browser. */
export async function headlessPage(executablePath: string): Promise<PrintablePage> {
  // Running as root (containers, CI) Chromium refuses its sandbox; the page is our own, served on loopback.
  const args = process.getuid?.() === 0 ? [...LAUNCH_ARGS, '--no-sandbox'] : LAUNCH_ARGS
  const browser = await chromium.launch({ executablePath, args, timeout: 60_000 })
  const page = await browser.newPage()
  return {
    load: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    // page.evaluate goes through the DevTools protocol, which the page's CSP (no eval) does not restrict.
    evaluate: (expression) => page.evaluate(expression),
    // Tagged (accessible) and with an outline: each section heading becomes a bookmark, so a reader
    // can jump to it even though the contents page cannot carry page numbers (see ContentsSection).
    pdf: () => page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true }),
    close: () => void browser.close().catch(() => undefined),
  }
}

/**
 * Prints a page of the running app to PDF through a headless Chromium-family browser. The page says
 * when it is ready (all data loaded, charts drawn) by setting data-report-ready on <html>, or
 * data-report-error with a message.
 */
export async function printWithHeadlessBrowser(req: PrintRequest): Promise<Buffer> {
  const executablePath = req.browserPath === undefined ? findChromiumBrowser() : req.browserPath
  if (!executablePath)
    throw new AppError(
      'UNSUPPORTED',
      'No Chromium, Google Chrome or Microsoft Edge was found on this computer, and one is needed to print PDF reports here. Install one (or set CXDESK_BROWSER to its path), or export from the desktop app.',
    )
  return printWhenReady(() => headlessPage(executablePath), req.url, req)
}

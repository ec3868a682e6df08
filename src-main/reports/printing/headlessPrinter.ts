import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { AppError } from '../../../src-shared/api/result'
import { findChromiumBrowser } from './findBrowser'
import { withoutHash } from './printPage'
import { printWhenReady, type PrintablePage } from './printWhenReady'
import { printingBrowserArgs, type EarlyBrowser } from './earlyBrowser'

export interface PrintRequest {
  url: string
  /** Paper comes from the document's own CSS @page rule (size, margins, page-number boxes). */
  signal?: AbortSignal
  onStage?: (stage: 'starting' | 'rendering' | 'printing') => void
  /** The browser to use; omitted, one is looked for; null, none is available. */
  browserPath?: string | null
  timeoutMs?: number
}

export const noBrowserError = () =>
  new AppError(
    'UNSUPPORTED',
    'No Chromium, Google Chrome or Microsoft Edge was found on this computer, and one is needed to print PDF reports here. Install one (or set CXDESK_BROWSER to its path), or export from the desktop app.',
  )

/** A headless Chromium-family browser for printing; `env` adds to the browser's environment. */
export function launchHeadless(executablePath: string, env?: Record<string, string>): Promise<Browser> {
  return chromium.launch({ executablePath, args: printingBrowserArgs(), timeout: 60_000, ...(env && { env: { ...process.env, ...env } }) })
}

/**
 * The driver's hold on a browser the process started itself before the driver was loaded
 * (earlyBrowser.ts): connected over the DevTools protocol once it listens. That browser ends with
 * the process, as launchHeadlessUntilExit's does.
 */
export async function connectToEarlyBrowser(early: EarlyBrowser): Promise<Browser> {
  // The driver makes a folder for its artifacts in the temporary folder as it connects and removes
  // it only when the browser is closed in order, which this one never is: the folders that appeared
  // while connecting are removed at the exit.
  const artifacts = () => new Set(readdirSync(tmpdir()).filter((n) => n.startsWith('playwright-artifacts-')))
  const endpoint = await early.endpoint
  const before = artifacts()
  const browser = await chromium.connectOverCDP(endpoint, { timeout: 60_000 })
  const ours = [...artifacts()].filter((n) => !before.has(n))
  process.once('exit', () => ours.forEach((n) => rmSync(join(tmpdir(), n), { recursive: true, force: true })))
  return browser
}

/**
 * A headless browser for a process that ends without closing it (the command line: Chromium's
 * orderly shutdown takes a second or more and keeps nothing a report needs). At the process's exit
 * the driver kills the browser's process group and removes its profile; a browser killed so leaves
 * its singleton socket's folder in the temporary folder, so it is given a temporary folder of its
 * own, removed at exit too — after the driver's kill once the browser runs (exit listeners run in
 * the order they were added, and the driver adds its own when it starts the browser).
 */
export async function launchHeadlessUntilExit(executablePath: string): Promise<Browser> {
  const dir = mkdtempSync(join(tmpdir(), 'cxdesk-browser-'))
  const remove = () => rmSync(dir, { recursive: true, force: true })
  process.once('exit', remove)
  try {
    const browser = await launchHeadless(executablePath, { TMPDIR: dir })
    process.off('exit', remove)
    process.once('exit', remove)
    return browser
  } catch (e) {
    process.off('exit', remove)
    remove()
    throw e
  }
}

/**
 * A browser tab as a printable page. Loading an address that differs from the tab's only by its
 * hash changes the hash in place: a tab already holding the print entry takes its job that way,
 * without loading, compiling or fetching fonts again (see warmPrinter.ts).
 */
export function printableTab(page: Page, onClose: () => void = () => void page.close().catch(() => undefined)): PrintablePage {
  return {
    load: async (url) => {
      if (withoutHash(page.url()) === withoutHash(url) && url.includes('#')) await page.evaluate(`location.hash = ${JSON.stringify(url.slice(url.indexOf('#')))}`)
      else await page.goto(url, { waitUntil: 'load' })
    },
    // page.evaluate goes through the DevTools protocol, which the page's CSP (no eval) does not restrict.
    evaluate: (expression) => page.evaluate(expression),
    // Tagged (accessible) and with an outline: each section heading becomes a bookmark, so a reader
    // can jump to it even though the contents page cannot carry page numbers (see ContentsSection).
    pdf: () => page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true }),
    close: onClose,
  }
}

/** A fresh headless browser with one page; closing the page closes the browser. */
export async function headlessPage(executablePath: string): Promise<PrintablePage> {
  const browser = await launchHeadless(executablePath)
  return printableTab(await browser.newPage(), () => void browser.close().catch(() => undefined))
}

/**
 * Prints a page to PDF through a browser of its own, started for this print and closed after (the
 * app's printers keep one warm instead: warmPrinter.ts). The page says when it is ready (all data
 * loaded, charts drawn) by setting data-report-ready on <html>, or data-report-error with a message.
 */
export async function printWithHeadlessBrowser(req: PrintRequest): Promise<Buffer> {
  const executablePath = req.browserPath === undefined ? findChromiumBrowser() : req.browserPath
  if (!executablePath) throw noBrowserError()
  return printWhenReady(() => headlessPage(executablePath), req.url, req)
}

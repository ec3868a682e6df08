import { chromium, type Browser } from 'playwright-core'
import { AppError } from '../../src-shared/api/result'
import { findChromiumBrowser } from './findBrowser'
import { READINESS_CHECK } from './printWhenReady'

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
  if (req.signal?.aborted) throw new AppError('CANCELLED', 'The export was cancelled.')
  req.onStage?.('starting')
  let browser: Browser | undefined
  const abort = () => void browser?.close()
  req.signal?.addEventListener('abort', abort, { once: true })
  try {
    // Running as root (containers, CI) Chromium refuses its sandbox; the page is our own, served on loopback.
    const args = process.getuid?.() === 0 ? [...LAUNCH_ARGS, '--no-sandbox'] : LAUNCH_ARGS
    browser = await chromium.launch({ executablePath, args, timeout: 60_000 })
    const page = await browser.newPage()
    req.onStage?.('rendering')
    await page.goto(req.url, { waitUntil: 'load' })
    const state = await page.waitForFunction(READINESS_CHECK, undefined, { timeout: req.timeoutMs ?? 120_000, polling: 100 })
    const outcome = (await state.jsonValue()) as string
    if (outcome.startsWith('error:')) throw new AppError('INTERNAL', `The report could not be laid out: ${outcome.slice(6)}`)
    req.onStage?.('printing')
    return await page.pdf({ preferCSSPageSize: true, printBackground: true })
  } catch (e) {
    if (req.signal?.aborted) throw new AppError('CANCELLED', 'The export was cancelled.')
    if (e instanceof AppError) throw e
    throw new AppError('IO', `Printing the report failed: ${(e as Error).message}`)
  } finally {
    req.signal?.removeEventListener('abort', abort)
    await browser?.close().catch(() => undefined)
  }
}

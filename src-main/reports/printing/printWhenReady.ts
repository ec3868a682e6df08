import { AppError } from '../../../src-shared/api/result'
import type { PdfPrintRequest } from '../../common/platform'

/**
 * Evaluated in the print page; its promise settles when the page says how it went: 'ready' once the
 * report is laid out (data loaded, fonts and charts drawn), 'error:<message>' when it could not be.
 * The page says it by setting data-report-ready or data-report-error on <html>; a MutationObserver
 * answers at that moment, so nothing polls and nothing waits a fixed time. A string, since the
 * main process has no DOM types.
 */
export const READINESS_CHECK = `new Promise((resolve) => {
  const root = document.documentElement
  const state = () => root.dataset.reportReady === 'true' ? 'ready' : root.dataset.reportError ? 'error:' + root.dataset.reportError : null
  const now = state()
  if (now) return resolve(now)
  const observer = new MutationObserver(() => {
    const s = state()
    if (s) { observer.disconnect(); resolve(s) }
  })
  observer.observe(root, { attributes: true, attributeFilter: ['data-report-ready', 'data-report-error'] })
})`

/** A page that can be loaded, asked a question and printed: Electron's webContents in a hidden window, a headless browser's tab, or a stand-in in tests. */
export interface PrintablePage {
  load(url: string): Promise<void>
  /** Evaluates an expression in the page; a promise it returns is awaited. */
  evaluate(expression: string): Promise<unknown>
  pdf(): Promise<Buffer>
  close(): void
}

const cancelled = () => new AppError('CANCELLED', 'The export was cancelled.')
/** Lets timers and I/O run before asking again (a page that answered before it settled, e.g. a stand-in); no fixed delay. */
const turn = () => new Promise((r) => setImmediate(r))

/** Loads the report's print page, waits for it to say it is ready, and prints it with the page's own @page size and margins. */
export async function printWhenReady(open: () => PrintablePage | Promise<PrintablePage>, url: string, req: Omit<PdfPrintRequest, 'route'> & { timeoutMs?: number }): Promise<Buffer> {
  if (req.signal?.aborted) throw cancelled()
  req.onStage?.('starting')
  let page: PrintablePage | null = null
  let timer: NodeJS.Timeout | undefined
  const abort = () => page?.close()
  req.signal?.addEventListener('abort', abort, { once: true })
  try {
    page = await open()
    if (req.signal?.aborted) throw cancelled()
    req.onStage?.('rendering')
    await page.load(url)
    let expired = false
    const timedOut = new Promise<'timeout'>((r) => (timer = setTimeout(() => ((expired = true), r('timeout')), req.timeoutMs ?? 120_000)))
    for (;;) {
      if (req.signal?.aborted) throw cancelled()
      const state = await Promise.race([page.evaluate(READINESS_CHECK), timedOut])
      if (state === 'ready') break
      if (expired) throw new AppError('IO', 'The report page did not finish laying itself out in time.')
      if (typeof state === 'string' && state.startsWith('error:')) throw new AppError('INTERNAL', `The report could not be laid out: ${state.slice(6)}`)
      await turn()
    }
    req.onStage?.('printing')
    const pdf = await page.pdf()
    if (req.signal?.aborted) throw cancelled()
    return pdf
  } catch (e) {
    if (req.signal?.aborted) throw cancelled()
    if (e instanceof AppError) throw e
    throw new AppError('IO', `Printing the report failed: ${(e as Error).message}`)
  } finally {
    clearTimeout(timer)
    req.signal?.removeEventListener('abort', abort)
    page?.close()
  }
}

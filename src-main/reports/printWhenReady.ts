import { AppError } from '../../src-shared/api/result'
import type { PdfPrintRequest } from '../app/platform'

/**
 * Evaluated in the print page: 'ready' once the report is laid out (data loaded, fonts and charts
 * drawn), 'error:<message>' when it could not be, false while it is still working. A string, since
 * the main process has no DOM types.
 */
export const READINESS_CHECK = `(() => { const d = document.documentElement.dataset; return d.reportReady === 'true' ? 'ready' : d.reportError ? 'error:' + d.reportError : false })()`

/** A page that can be loaded, asked a question and printed: Electron's webContents in a hidden window, or a stand-in in tests. */
export interface PrintablePage {
  load(url: string): Promise<void>
  evaluate(expression: string): Promise<unknown>
  pdf(): Promise<Buffer>
  close(): void
}

const cancelled = () => new AppError('CANCELLED', 'The export was cancelled.')
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Loads the report's print page, waits for it to say it is ready, and prints it with the page's own @page size and margins. */
export async function printWhenReady(open: () => PrintablePage | Promise<PrintablePage>, url: string, req: Omit<PdfPrintRequest, 'route'> & { timeoutMs?: number; pollMs?: number }): Promise<Buffer> {
  if (req.signal?.aborted) throw cancelled()
  req.onStage?.('starting')
  let page: PrintablePage | null = null
  const abort = () => page?.close()
  req.signal?.addEventListener('abort', abort, { once: true })
  try {
    page = await open()
    if (req.signal?.aborted) throw cancelled()
    req.onStage?.('rendering')
    await page.load(url)
    const deadline = Date.now() + (req.timeoutMs ?? 120_000)
    for (;;) {
      if (req.signal?.aborted) throw cancelled()
      const state = await page.evaluate(READINESS_CHECK)
      if (state === 'ready') break
      if (typeof state === 'string' && state.startsWith('error:')) throw new AppError('INTERNAL', `The report could not be laid out: ${state.slice(6)}`)
      if (Date.now() > deadline) throw new AppError('IO', 'The report page did not finish laying itself out in time.')
      await sleep(req.pollMs ?? 100)
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
    req.signal?.removeEventListener('abort', abort)
    page?.close()
  }
}

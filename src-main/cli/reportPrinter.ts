import { AppError } from '../../src-shared/api/result'
import type { PdfPrintRequest } from '../app/platform'
import { findChromiumBrowser } from '../reports/findBrowser'
import { printWhenReady, type PrintablePage } from '../reports/printWhenReady'

/**
 * `cxdesk report`'s printer. The headless browser is started as the command starts, not when the
 * figures are ready: its start (0.5–1 s) then overlaps with opening the workspace, computing the
 * report and serving the app, on the machine's other core. Loading its driver (playwright-core)
 * is also deferred to here, so no other command pays for it.
 */
export function earlyPrinter(appUrl: () => string | null): { printToPdf(req: PdfPrintRequest): Promise<Buffer>; dispose(): void } {
  const executablePath = findChromiumBrowser()
  let page: Promise<PrintablePage> | null = null
  let used = false
  if (executablePath) {
    page = import('../reports/headlessPrinter').then((m) => m.headlessPage(executablePath))
    // A failed start is reported when the page is asked for; until then it must not count as unhandled.
    page.catch(() => undefined)
  }
  return {
    async printToPdf(req) {
      const url = appUrl()
      if (!url) throw new Error('The app is not being served yet.')
      if (!page || used) return (await import('../reports/hostPrinter')).hostPrinter(appUrl)(req)
      used = true
      const started = page
      return printWhenReady(
        () =>
          started.catch((e: unknown) => {
            throw e instanceof AppError ? e : new AppError('IO', `The headless browser (${executablePath}) did not start: ${(e as Error).message}`)
          }),
        `${url}${req.route}`,
        // Asked more often than the default 100 ms: a whole process waits on the answer.
        { ...req, pollMs: 20 },
      )
    },
    dispose() {
      if (page && !used) void page.then((p) => p.close()).catch(() => undefined)
    },
  }
}

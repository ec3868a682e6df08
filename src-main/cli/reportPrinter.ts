import type { PdfPrintRequest } from '../common/platform'
import type { WarmPrinter } from '../reports/printing/warmPrinter'
import { startBrowserEarly } from '../reports/printing/earlyBrowser'
import { findChromiumBrowser } from '../reports/printing/findBrowser'

export interface ReportPrinter {
  printToPdf(req: PdfPrintRequest): Promise<Buffer>
  /** The app is served now: the printer's tab loads the print entry while the figures are computed. */
  served(): void
}

/**
 * `cxdesk report`'s printer: the same warm printer as the web host's (reports/warmPrinter.ts),
 * started as the command starts, not when the figures are ready, so that Chromium's start overlaps
 * with opening the workspace, and its loading of the print entry with computing the report, on the
 * machine's other core. Its driver (playwright-core) is loaded here, so no other command pays for it.
 * The browser is not closed in order at the end: the process's exit ends it (main.ts).
 */
export function reportPrinter(appUrl: () => string | null, onMilestone?: (what: 'browser' | 'tab') => void): ReportPrinter {
  // The browser's process starts now, before its driver is loaded (earlyBrowser.ts); the driver
  // connects to it when loaded. Should that browser die, the next print launches one through the driver.
  const executablePath = findChromiumBrowser()
  let early = executablePath ? startBrowserEarly(executablePath) : null
  const printer: Promise<WarmPrinter> = Promise.all([import('../reports/printing/warmPrinter'), import('../reports/printing/headlessPrinter')]).then(([{ WarmPrinter }, { launchHeadlessUntilExit, connectToEarlyBrowser }]) => {
    const launch = (path: string) => {
      const started = early
      early = null
      return started ? connectToEarlyBrowser(started) : launchHeadlessUntilExit(path)
    }
    const p = new WarmPrinter({ appUrl, executablePath, launch, onMilestone })
    p.warm()
    return p
  })
  return {
    printToPdf: async (req) => (await printer).print(req),
    served: () => void printer.then((p) => p.warm()),
  }
}

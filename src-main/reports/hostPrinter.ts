import type { PdfPrintRequest } from '../app/platform'
import { printWithHeadlessBrowser } from './headlessPrinter'

/**
 * The browser host's and the CLI's printToPdf: a headless Chromium, Chrome or Edge opens the app
 * served by the host (`appUrl` carries the host's token) on the report's print route.
 */
export function hostPrinter(appUrl: () => string | null): (req: PdfPrintRequest) => Promise<Buffer> {
  return (req) => {
    const url = appUrl()
    if (!url) throw new Error('The app is not being served yet.')
    return printWithHeadlessBrowser({ url: `${url}${req.route}`, signal: req.signal, onStage: req.onStage })
  }
}

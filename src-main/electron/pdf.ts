import { BrowserWindow } from 'electron'
import type { PdfPrintRequest } from '../common/platform'
import { printPageUrl } from '../reports/printing/printPage'
import { printWhenReady, type PrintablePage } from '../reports/printing/printWhenReady'
import { appWebPreferences } from './hardening'

/**
 * A hidden, sandboxed window on the app's print entry (print.html beside the app's page: only the
 * report document's code), printed with Electron's printToPDF. The page
 * reaches the API through the same preload as the main window (it reads its print job by id), and
 * its @page rules decide paper size, margins, running headers and page numbers.
 */
function hiddenWindow(): PrintablePage {
  const win = new BrowserWindow({
    show: false,
    width: 1200,
    height: 1600,
    // Keep laying out and drawing while hidden.
    webPreferences: { ...appWebPreferences(), backgroundThrottling: false },
  })
  return {
    load: (url) => win.loadURL(url),
    evaluate: (expression) => win.webContents.executeJavaScript(expression, false),
    // Same output as the headless printer: tagged, with section bookmarks.
    pdf: () => win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true, generateTaggedPDF: true, generateDocumentOutline: true }),
    close: () => {
      if (!win.isDestroyed()) win.destroy()
    },
  }
}

/** The desktop's printToPdf capability: `appUrl` is the app's page (app://cxdesk/index.html or the dev server), beside which the print entry is. */
export function electronPdfPrinter(appUrl: string): (req: PdfPrintRequest) => Promise<Buffer> {
  return (req) => printWhenReady(hiddenWindow, printPageUrl(appUrl, req.route), req)
}

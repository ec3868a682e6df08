import type { Browser, Page } from 'playwright-core'
import type { RawInvoke } from '../../../src-shared/api/contract'
import { AppError } from '../../../src-shared/api/result'
import type { PdfPrintRequest } from '../../common/platform'
import { findChromiumBrowser } from './findBrowser'
import { launchHeadless, noBrowserError, printableTab } from './headlessPrinter'
import { printPageUrl, withoutHash } from './printPage'
import { printWhenReady, type PrintablePage } from './printWhenReady'

export interface WarmPrinterOptions {
  /** The app's address as served now (the web host's, with its token); null while it is not served. */
  appUrl: () => string | null
  /** The browser to run; omitted, one is looked for when first needed; null, none is available. */
  executablePath?: string | null
  /** The browser is closed after this long without an export (default 5 minutes). */
  idleMs?: number
  /** How the browser starts (launchHeadless); tests wrap it to watch the browsers it starts. */
  launch?: (executablePath: string) => Promise<Browser>
  /** Told when a browser has started and when a standby tab has loaded (the CLI's timings, CXDESK_TIMINGS=1). */
  onMilestone?: (what: 'browser' | 'tab') => void
}

/** What the printer did, for tests and the bench: a reused browser shows as one launch for many prints. */
export interface WarmPrinterStats {
  launches: number
  prints: number
  /** Prints that found a tab already holding the print entry (script compiled, fonts loaded). */
  fromStandby: number
}

const DEFAULT_IDLE_MS = 5 * 60_000

/**
 * The web host's and the CLI's PDF printer: one headless Chromium, Chrome or Edge kept warm, printing
 * the renderer's print entry as served by the host (`appUrl` carries the host's token). It starts when an
 * export may come (warm(): the Reports page opened, an export begun, the CLI started) or at the
 * first print, is reused by every print, is closed after a while without one and on close(), and is
 * started again if it died. Between prints it holds a standby tab on the print entry, already
 * loaded — script compiled, fonts fetched and decoded — so an export only hands it its job (a
 * change of hash) and waits for the layout. Each tab prints one report and is closed, so no
 * report's state reaches the next; the next standby tab loads after a print, not during it.
 */
export class WarmPrinter {
  private browser: Promise<Browser> | null = null
  private standby: { url: string; page: Promise<Page> } | null = null
  /** The standby tab being made (the browser may still be starting). */
  private preparing: Promise<void> | null = null
  private idleTimer: NodeJS.Timeout | undefined
  private active = 0
  private closed = false
  private readonly counts: WarmPrinterStats = { launches: 0, prints: 0, fromStandby: 0 }

  constructor(private readonly opts: WarmPrinterOptions) {}

  stats(): WarmPrinterStats {
    return { ...this.counts }
  }

  /**
   * Starts the browser, and a standby tab once the app is served; a failure is reported by the print
   * that needs it. While a report is being laid out the standby tab waits (the print's end asks
   * again): both would share the same cores.
   */
  warm(): void {
    if (this.closed) return
    this.touch()
    if (this.active > 0) return
    const preparing = this.prepare().catch(() => undefined)
    this.preparing = preparing
    void preparing.finally(() => {
      if (this.preparing === preparing) this.preparing = null
    })
  }

  /** The platform's printToPdf (a bound function, so it can be handed over as it is). */
  readonly print = async (req: PdfPrintRequest): Promise<Buffer> => {
    if (this.closed) throw new AppError('CANCELLED', 'The printer was closed.')
    const appUrl = this.opts.appUrl()
    if (!appUrl) throw new Error('The app is not being served yet.')
    const url = printPageUrl(appUrl, req.route)
    this.active++
    this.touch()
    try {
      return await printWhenReady(() => this.tab(withoutHash(url)), url, req)
    } finally {
      this.active--
      this.counts.prints++
      this.warm()
    }
  }

  /** Settles when the standby tab asked for has loaded (or failed to): the moment a next export finds everything warm. */
  async whenStandby(): Promise<void> {
    await this.preparing
    await this.standby?.page.catch(() => undefined)
  }

  /** Closes the browser for good (the host or the command is ending). */
  async close(): Promise<void> {
    this.closed = true
    clearTimeout(this.idleTimer)
    await this.stopBrowser()
  }

  /** A tab for a print at `base` (the print entry without a job): the standby one if it is there, else a new one. */
  private async tab(base: string): Promise<PrintablePage> {
    const browser = await this.running()
    const standby = this.standby
    this.standby = null
    if (standby?.url === base) {
      const page = await standby.page.catch(() => null)
      if (page && !page.isClosed()) {
        this.counts.fromStandby++
        return printableTab(page)
      }
    } else if (standby) void standby.page.then((p) => p.close()).catch(() => undefined)
    return printableTab(await browser.newPage())
  }

  private async prepare(): Promise<void> {
    const browser = await this.running()
    const appUrl = this.opts.appUrl()
    if (!appUrl || this.closed) return
    const base = printPageUrl(appUrl)
    if (this.standby?.url === base) return
    if (this.standby) void this.standby.page.then((p) => p.close()).catch(() => undefined)
    const page = (async () => {
      const p = await browser.newPage()
      await p.goto(base, { waitUntil: 'load' })
      this.opts.onMilestone?.('tab')
      return p
    })()
    const standby = { url: base, page }
    this.standby = standby
    await page.catch((e: unknown) => {
      if (this.standby === standby) this.standby = null
      throw e
    })
  }

  /** The running browser, started if there is none or the last one died. */
  private running(): Promise<Browser> {
    if (this.closed) return Promise.reject(new AppError('CANCELLED', 'The printer was closed.'))
    if (this.browser) return this.browser
    const executablePath = this.opts.executablePath === undefined ? findChromiumBrowser() : this.opts.executablePath
    if (!executablePath) return Promise.reject(noBrowserError())
    this.counts.launches++
    const launching = (this.opts.launch ?? launchHeadless)(executablePath).then(
      (browser) => {
        this.opts.onMilestone?.('browser')
        browser.on('disconnected', () => {
          // Crashed, killed or closed: the next print starts another.
          if (this.browser !== launching) return
          this.browser = null
          this.standby = null
        })
        return browser
      },
      (e: unknown) => {
        if (this.browser === launching) this.browser = null
        throw new AppError('IO', `The headless browser (${executablePath}) did not start: ${(e as Error).message}`)
      },
    )
    this.browser = launching
    return launching
  }

  /** Restarts the idle countdown; an export in progress holds it off. */
  private touch(): void {
    clearTimeout(this.idleTimer)
    if (this.closed) return
    this.idleTimer = setTimeout(() => {
      if (this.active === 0) void this.stopBrowser()
      else this.touch()
    }, this.opts.idleMs ?? DEFAULT_IDLE_MS)
    // The countdown alone must not keep a process alive.
    this.idleTimer.unref()
  }

  /** Closes the browser now (idle, or closing); a later print or warm() starts a new one. */
  async stopBrowser(): Promise<void> {
    const browser = this.browser
    this.browser = null
    this.standby = null
    if (browser) await browser.then((b) => b.close()).catch(() => undefined)
  }
}

/**
 * The dispatcher as the web host serves it: any call on a reports channel — the Reports page
 * opening (its templates and preview), an export beginning — warms the printer first, so that the
 * browser starts while the user chooses, not after the export button.
 */
export function warmingOnReports(invoke: RawInvoke, printer: Pick<WarmPrinter, 'warm'>): RawInvoke {
  return (channel, payload) => {
    if (channel.startsWith('reports.')) printer.warm()
    return invoke(channel, payload)
  }
}

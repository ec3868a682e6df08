import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import type { ApiClient } from '../../src-shared/api/contract'
import { defaultReportOptions, type ReportOptions } from '../../src-shared/api/reports'
import { isLocale, type Locale } from '../../src-shared/domain/locales'
import type { AppContext } from '../app/context'
import type { FileRegistry } from '../common/fileRegistry'
import type { RawInvoke } from '../../src-shared/api/contract'
import { startHost } from '../host/server'
import { newToken } from '../host/security'
import { stringFlag, UsageError, type ParsedArgs } from './args'

export const REPORT_USAGE = `  cxdesk report <workspace.cxdesk> --out <file.pdf> [--template <name or id>] [--locale en|vi|th]
         [--from YYYY-MM-DD --to YYYY-MM-DD] [--json]
         A PDF report: the template's, or the manager summary of all data. Needs Chromium, Chrome or Edge
         (or CXDESK_BROWSER); the app is served to it on 127.0.0.1 for the time of the export.`

const ISO = /^\d{4}-\d{2}-\d{2}$/

/** The report the command line asks for: a saved template, or the manager summary of everything; --locale and --from/--to override. */
export async function reportOptionsFromArgs(api: ApiClient, args: ParsedArgs): Promise<ReportOptions> {
  const locale = stringFlag(args, 'locale')
  if (locale !== undefined && !isLocale(locale)) throw new UsageError('--locale must be en, vi or th')
  const from = stringFlag(args, 'from')
  const to = stringFlag(args, 'to')
  if ((from && !ISO.test(from)) || (to && !ISO.test(to))) throw new UsageError('--from and --to take dates as YYYY-MM-DD')
  if ((from === undefined) !== (to === undefined)) throw new UsageError('give both --from and --to, or neither')
  const wanted = stringFlag(args, 'template')
  let options: ReportOptions = { ...defaultReportOptions('manager', (locale as Locale | undefined) ?? 'en'), period: { preset: 'all' } }
  if (wanted) {
    const { templates } = await api.call('reports.templates', {})
    const found = templates.find((t) => String(t.id) === wanted) ?? templates.find((t) => t.name.toLowerCase() === wanted.trim().toLowerCase())
    if (!found) throw new UsageError(`there is no report template "${wanted}" in this workspace${templates.length ? ` (templates: ${templates.map((t) => t.name).join(', ')})` : ''}`)
    options = found.options
  }
  if (locale) options = { ...options, locale: locale as Locale }
  if (from && to) options = { ...options, period: { preset: 'custom', from, to } }
  return options
}

/**
 * Serves the built app on 127.0.0.1 with a fresh token for the time of one export (the headless
 * browser prints the report page from it), then stops.
 */
export async function withReportHost<T>(ctx: AppContext, invoke: RawInvoke, setUrl: (url: string | null) => void, work: () => Promise<T>): Promise<T> {
  const root = join(__dirname, '..', '..')
  const staticDir = process.env.CXDESK_RENDERER_DIR ?? join(root, 'out', 'renderer')
  if (!process.env.CXDESK_RENDERER_DIR) {
    // Builds the renderer when one of the files it is built from changed (buildInputs.cjs); a change
    // elsewhere (the main process, the CLI) does not rebuild it. Required, not imported: the bundle
    // runs with V8's code cache, under which Node cannot import() (cliBundle.cjs).
    const build = createRequire(__filename)(join(root, 'src-main', 'launcher', 'build.cjs')) as typeof import('../launcher/build.cjs')
    build.ensureBuilt(['renderer'])
  }
  if (!existsSync(join(staticDir, 'print.html'))) throw new Error(`The report's print page was not found in ${staticDir}; run npm run build.`)
  const host = await startHost({ ctx, invoke, token: newToken(), staticDir })
  setUrl(host.url)
  try {
    return await work()
  } finally {
    setUrl(null)
    await host.close()
  }
}

/** The export of the command line's --out file: registered as this run's PDF destination, named to the API by id. */
export function exportRequest(files: FileRegistry, options: ReportOptions, out: string) {
  const path = resolve(out)
  if (!existsSync(dirname(path))) throw new UsageError(`the folder ${dirname(path)} does not exist`)
  return { exportId: randomBytes(9).toString('base64url'), options, fileId: files.registerDestination(path, 'reportPdf') }
}

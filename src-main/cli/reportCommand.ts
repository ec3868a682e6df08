import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import type { ApiClient } from '../../src-shared/api/contract'
import { defaultReportOptions, mapPaperSizes, reportKinds, type MapPaperSize, type ReportKind, type ReportOptions } from '../../src-shared/api/reports'
import { isLocale, type Locale } from '../../src-shared/domain/locales'
import type { AppContext } from '../app/context'
import type { FileRegistry } from '../common/fileRegistry'
import type { RawInvoke } from '../../src-shared/api/contract'
import { startHost } from '../host/server'
import { newToken } from '../host/security'
import { stringFlag, UsageError, type ParsedArgs } from './args'

export const REPORT_USAGE = `  cxdesk report <workspace.cxdesk> --out <file.pdf> [--kind manager|consultant] [--client <name>] [--consultant <name>]
         [--brand] [--map-paper a4|a3] [--template <name or id>] [--locale en|vi|th] [--from YYYY-MM-DD --to YYYY-MM-DD] [--json]
         A PDF report without a saved template: the manager summary (the default), or the consultant's deliverable
         for --client by --consultant with every journey map, white-label (no mention of CX Desk) unless --brand.
         --template <name or id> makes a saved template's report instead, and wins over --kind. Periods: all data
         unless --from and --to. Needs Chromium, Chrome or Edge (or CXDESK_BROWSER); the app is served to it on
         127.0.0.1 for the time of the export.`

const ISO = /^\d{4}-\d{2}-\d{2}$/

/** The report's flags, checked before anything is opened (a wrong one is a usage error, exit code 2). */
export interface ReportFlags {
  kind?: ReportKind
  template?: string
  locale?: Locale
  period?: { from: string; to: string }
  client?: string
  consultant?: string
  brand: boolean
  mapPaper?: MapPaperSize
}

export function reportFlags(args: ParsedArgs): ReportFlags {
  const locale = stringFlag(args, 'locale')
  if (locale !== undefined && !isLocale(locale)) throw new UsageError('--locale must be en, vi or th', 'report')
  const from = stringFlag(args, 'from')
  const to = stringFlag(args, 'to')
  if ((from && !ISO.test(from)) || (to && !ISO.test(to))) throw new UsageError('--from and --to take dates as YYYY-MM-DD', 'report')
  if ((from === undefined) !== (to === undefined)) throw new UsageError('give both --from and --to, or neither', 'report')
  if (from && to && from > to) throw new UsageError(`--from ${from} is after --to ${to}`, 'report')
  const kind = stringFlag(args, 'kind')
  if (kind !== undefined && !(reportKinds as readonly string[]).includes(kind)) throw new UsageError('--kind must be manager or consultant', 'report')
  const mapPaper = stringFlag(args, 'map-paper')
  if (mapPaper !== undefined && !(mapPaperSizes as readonly string[]).includes(mapPaper)) throw new UsageError('--map-paper must be a4 or a3', 'report')
  const client = stringFlag(args, 'client')?.trim()
  const consultant = stringFlag(args, 'consultant')?.trim()
  for (const [flag, v] of [['client', client], ['consultant', consultant]] as const)
    if (v !== undefined && (!v || v.length > 200)) throw new UsageError(`--${flag} takes a name of 1 to 200 characters`, 'report')
  return {
    kind: kind as ReportKind | undefined,
    template: stringFlag(args, 'template'),
    locale: locale as Locale | undefined,
    period: from && to ? { from, to } : undefined,
    client,
    consultant,
    brand: args.flags.has('brand'),
    mapPaper: mapPaper as MapPaperSize | undefined,
  }
}

/**
 * The report the command line asks for: a saved template (--template), else a report of --kind
 * (manager by default) over all data; --locale, --from/--to, --client, --consultant, --brand and
 * --map-paper override either. `notes` receives what the user should know (an ignored --kind).
 */
export async function reportOptionsFromArgs(api: ApiClient, flags: ReportFlags, notes: (text: string) => void = () => {}): Promise<ReportOptions> {
  const { kind, locale, period, mapPaper, client, consultant } = flags
  let options: ReportOptions = { ...defaultReportOptions(kind ?? 'manager', locale ?? 'en'), period: { preset: 'all' } }
  const wanted = flags.template
  if (wanted) {
    const { templates } = await api.call('reports.templates', {})
    const found = templates.find((t) => String(t.id) === wanted) ?? templates.find((t) => t.name.toLowerCase() === wanted.trim().toLowerCase())
    if (!found) throw new UsageError(`there is no report template "${wanted}" in this workspace${templates.length ? ` (templates: ${templates.map((t) => t.name).join(', ')})` : ''}`, 'report')
    options = found.options
    if (kind !== undefined && kind !== options.kind) notes(`--kind ${kind} is ignored: the template "${found.name}" makes a ${options.kind} report.`)
  }
  if (locale) options = { ...options, locale }
  if (period) options = { ...options, period: { preset: 'custom', ...period } }
  if (mapPaper) options = { ...options, mapPaper }
  const branding = { ...options.branding }
  if (client) branding.clientName = client
  if (consultant) branding.consultantName = consultant
  if (flags.brand) branding.credit = true
  return { ...options, branding }
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

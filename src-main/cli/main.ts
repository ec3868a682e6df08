import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { clientFromInvoke, ApiCallError } from '../../src-shared/api/client'
import type { ApiClient } from '../../src-shared/api/contract'
import { periodUnits, type PeriodUnit } from '../../src-shared/domain/periods'
import { createAppContext } from '../app/createAppContext'
import { createDispatcher } from '../app/dispatch'
import type { AppContext } from '../app/context'
import { handlers } from '../handlers/index'
import { APP_VERSION } from '../app/version'
import { parseArgs, stringFlag, UsageError, type ParsedArgs } from './args'
import { formatSeriesTable } from './format'
import { dimFromArgs, filterFromArgs } from './filterArgs'
import { IMPORT_USAGE, mappingFromArgs, tableOptionsFromArgs } from './importArgs'
import { cliMetric, cliMetrics, type CliMetric } from './metricsCommand'
import { exportRequest, REPORT_USAGE, reportOptionsFromArgs, withReportHost } from './reportCommand'
import { hostPrinter } from '../reports/hostPrinter'

const USAGE = `cxdesk — CX Desk on the command line

Usage:
  cxdesk init <workspace.cxdesk> [--name <name>] [--timezone <IANA zone>] [--json]
${IMPORT_USAGE}
  cxdesk metrics <workspace.cxdesk> --metric nps|csat|ces|ttr|churn|retention --by day|week|month|quarter|year
         [--dim channel|touchpoint|stage|location|segment|language|tag] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
         [--filter key=value …] [--json]
  cxdesk sends <workspace.cxdesk> [--from YYYY-MM-DD --to YYYY-MM-DD --sent N [--channel C] [--touchpoint T] [--survey nps|csat|ces]] [--json]
         Lists the surveys sent (for the response rate), or enters one.
${REPORT_USAGE}

Exit codes: 0 success, 1 the operation failed, 2 the command line was wrong.
Periods are cut in the workspace's time zone (set at init; default: the system's, from TZ).`

type Print = (text: string) => void

async function withWorkspace<T>(api: ApiClient, ctx: AppContext, path: string, work: () => Promise<T>): Promise<T> {
  await api.call('workspace.open', { fileId: ctx.files.registerWorkspace(resolve(path)) })
  try {
    return await work()
  } finally {
    await ctx.session.close()
  }
}

async function run(args: ParsedArgs, out: Print): Promise<void> {
  const [command, ...rest] = args.positionals
  const json = args.flags.has('json')
  // Reports print through a headless browser against the app, served for the time of the export.
  let appUrl: string | null = null
  const ctx = createAppContext({ platform: { kind: 'cli', systemLocales: () => [], printToPdf: hostPrinter(() => appUrl) }, usePreferences: false })
  const invoke = createDispatcher(handlers, ctx)
  const api = clientFromInvoke(invoke)

  switch (command) {
    case 'init': {
      const [file] = rest
      if (!file) throw new UsageError('init needs the path of the workspace file to create')
      const fileId = ctx.files.registerDestination(resolve(file), 'newWorkspace')
      const info = await api.call('workspace.create', { fileId, name: stringFlag(args, 'name'), timezone: stringFlag(args, 'timezone') })
      await ctx.session.close()
      if (!info) throw new Error('The workspace was not created.')
      out(json ? JSON.stringify(info) : `Created ${info.path} (time zone ${info.timezone})`)
      return
    }
    case 'import': {
      const [file, csv] = rest
      if (!file || !csv) throw new UsageError('import needs a workspace file and a CSV or XLSX file')
      if (!existsSync(csv)) throw new ApiCallError({ code: 'FILE_NOT_FOUND', message: `There is no file at ${csv}.` })
      const table = tableOptionsFromArgs(args)
      const summary = await withWorkspace(api, ctx, file, async () => {
        const ref = ctx.files.register(resolve(csv))
        const kind = args.flags.has('customers') ? 'customers' : 'responses'
        const insp = await api.call('import.inspect', { fileId: ref.id, kind, encoding: table.encoding, delimiter: table.delimiter, sheet: table.sheet })
        const mapping = mappingFromArgs(args, insp) ?? (kind === 'customers' || table.encoding || table.delimiter || table.sheet ? insp.mapping : undefined)
        return api.call('import.run', { fileId: ref.id, mapping, dryRun: args.flags.has('dry-run') })
      })
      if (json) out(JSON.stringify(summary))
      else {
        const what = summary.kind === 'customers' ? 'customers' : 'responses'
        out(
          `${summary.dryRun ? 'Checked' : 'Imported'} ${summary.fileName}: ${summary.imported} new ${what}, ${summary.duplicates} ${summary.kind === 'customers' ? 'updated' : 'already present'}, ${summary.rejected} rows rejected (of ${summary.rowsRead}).`,
        )
        for (const e of summary.errors) out(`  row ${e.row}${e.column ? `, ${e.column}` : ''}: ${e.reason}`)
      }
      return
    }
    case 'metrics': {
      const [file] = rest
      if (!file) throw new UsageError('metrics needs a workspace file')
      const metric = stringFlag(args, 'metric') ?? 'nps'
      if (!(cliMetrics as readonly string[]).includes(metric)) throw new UsageError(`--metric must be one of ${cliMetrics.join(', ')}`)
      const by = stringFlag(args, 'by') ?? 'month'
      if (!(periodUnits as readonly string[]).includes(by)) throw new UsageError(`--by must be one of ${periodUnits.join(', ')}`)
      const request = { metric: metric as CliMetric, by: by as PeriodUnit, dim: dimFromArgs(args), filter: filterFromArgs(args) }
      const result = await withWorkspace(api, ctx, file, () => cliMetric(api, request))
      out(json ? JSON.stringify(result) : formatSeriesTable(result))
      return
    }
    case 'sends': {
      const [file] = rest
      if (!file) throw new UsageError('sends needs a workspace file')
      const sent = stringFlag(args, 'sent')
      const result = await withWorkspace(api, ctx, file, async () => {
        if (sent === undefined) return api.call('metrics.sends', {})
        const from = stringFlag(args, 'from')
        const to = stringFlag(args, 'to') ?? from
        if (!from || !to || !/^\d+$/.test(sent)) throw new UsageError('enter a send with --from, --to and --sent (a whole number)')
        const survey = stringFlag(args, 'survey')
        const question = survey ? (await api.call('metrics.definitions', {})).questions.find((q) => q.metric === survey || q.key === survey) : undefined
        if (survey && !question) throw new UsageError(`--survey ${survey}: no such survey question`)
        const saved = await api.call('metrics.saveSend', { from, to, sent: Number(sent), channel: stringFlag(args, 'channel') ?? null, touchpoint: stringFlag(args, 'touchpoint') ?? null, questionId: question?.id ?? null })
        return { sends: [saved] }
      })
      if (json) out(JSON.stringify(result))
      else for (const s of result.sends) out(`${s.from} – ${s.to}  ${s.channel ?? 'all channels'}  ${s.touchpoint ?? 'all touchpoints'}  sent ${s.sent}  responses ${s.responses}  rate ${s.rate === null ? '—' : `${s.rate.toFixed(1)}%`}`)
      return
    }
    case 'report': {
      const [file] = rest
      const pdfPath = stringFlag(args, 'out')
      if (!file) throw new UsageError('report needs a workspace file')
      if (!pdfPath) throw new UsageError('report needs --out <file.pdf>')
      const result = await withWorkspace(api, ctx, file, async () => {
        const request = exportRequest(ctx.files, await reportOptionsFromArgs(api, args), pdfPath)
        if (!json)
          ctx.events.subscribe((e) => {
            if (e.name === 'reports.progress' && e.payload.stage !== 'done') process.stderr.write(`${e.payload.stage}…\n`)
          })
        return withReportHost(ctx, invoke, (url) => (appUrl = url), () => api.call('reports.export', request))
      })
      if (!result) throw new Error('The report was not written.')
      out(json ? JSON.stringify(result) : `Wrote ${result.path} (${result.pages ?? '?'} pages, ${Math.round(result.bytes / 1024)} KB)`)
      return
    }
    case undefined:
      throw new UsageError('say what to do')
    default:
      throw new UsageError(`unknown command "${command}"`)
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2))
  if (args.flags.has('version')) {
    console.log(APP_VERSION)
    return 0
  }
  if (args.flags.has('help') || args.positionals[0] === 'help') {
    console.log(USAGE)
    return 0
  }
  try {
    await run(args, (t) => console.log(t))
    return 0
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`cxdesk: ${e.message}\n\n${USAGE}`)
      return 2
    }
    if (e instanceof ApiCallError) {
      console.error(`cxdesk: ${e.message}`)
      return e.code === 'VALIDATION' ? 2 : 1
    }
    console.error(`cxdesk: ${(e as Error).message ?? e}`)
    return 1
  }
}

void main().then((code) => {
  process.exitCode = code
})

import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { randomBytes } from 'node:crypto'
import { clientFromInvoke, ApiCallError } from '../../src-shared/api/client'
import type { ApiClient } from '../../src-shared/api/contract'
import { periodUnits } from '../../src-shared/domain/periods'
import { createAppContext } from '../app/createAppContext'
import { createDispatcher } from '../app/dispatch'
import type { AppContext } from '../app/context'
import { handlers } from '../handlers/index'
import { APP_VERSION } from '../common/version'
import { choiceFlag, parseCommandLine, stringFlag, UsageError, type ParsedArgs } from './args'
import { commandSpecs, readsOnly, usageOf } from './commands'
import { formatImportLine, formatSeriesTable } from './format'
import { dimFromArgs, filterFromArgs } from './filterArgs'
import { mappingFromArgs, tableOptionsFromArgs, zoneFlag } from './importArgs'
import { cliMetric, cliMetrics } from './metricsCommand'
import { exportRequest, reportFlags, reportOptionsFromArgs, withReportHost } from './reportCommand'
import { reportPrinter } from './reportPrinter'
import { exportArgs, exportProgressPrinter, formatExportResult } from './exportCommand'
import { customersCommand, formatCustomers } from './customersCommand'
import { formatSubjectResult, NotFound, subjectExport, subjectFlags } from './subjectCommand'
import { eraseCommand, formatErasure, refusal } from './eraseCommand'
import { collectArgs, createSurveyFromArgs, kioskRendererDir, posterArgs, surveyAction } from './collectCommand'
import { findSurveyId } from '../collection/surveysService'
import { confirmSurveyList, formatConfirmSurveyList, formatPendingSurveyLists, formatSurveyList, pendingSurveyLists, surveyListArgs, surveyListCommand } from './surveyListCommand'
import { formatSendList, sendListArgs, sendListCommand } from './sendListCommand'
import { followUpsArgs, followUpsCommand, formatFollowUps } from './followUpsCommand'
import { resolvePaths } from '../common/paths'
import { fileIntegrityMemo } from '../db/integrityMemo'

type Print = (text: string) => void

/** Where a run of the command line writes: stdout and stderr for `cxdesk`, buffers for a test calling it in-process. */
export interface CliIo {
  /** One line of output (stdout). */
  out: Print
  /** One line of messages and progress (stderr). */
  err: Print
  /**
   * Told when a report starts a headless browser. The browser is not shut down in order (Chromium's
   * orderly exit takes a second or more and keeps nothing the command needs): the `cxdesk` process
   * ends as soon as its output is written, and the browser's driver, at the process's exit, kills the
   * browser's process group and removes its temporary profile (cliReport.test.ts checks that nothing
   * of it is left). A caller running in-process keeps the browser until its own process ends.
   */
  browserStarted?: () => void
  /** `collect` runs until this settles: Ctrl-C (SIGINT) or SIGTERM for `cxdesk`, the test's say-so in-process. */
  untilStopped?: Promise<void>
  /** Told the collection's address once it listens (tests). */
  collecting?: (url: string) => void
}

const untilSignal = () =>
  new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve())
    process.once('SIGTERM', () => resolve())
  })

/** An error of SQLite's that says the file is damaged: said as such rather than as an internal error. */
const isDamage = (e: unknown) => /^SQLITE_(CORRUPT|NOTADB)/.test(String((e as { code?: unknown } | null)?.code ?? ''))

/** One run's state: the error behind an INTERNAL answer. */
interface RunState {
  internalError: unknown
}

async function withWorkspace<T>(api: ApiClient, ctx: AppContext, path: string, work: () => Promise<T>): Promise<T> {
  await api.call('workspace.open', { fileId: ctx.files.registerWorkspace(resolve(path)) })
  try {
    return await work()
  } finally {
    await ctx.session.close()
  }
}

async function run(args: ParsedArgs, io: CliIo, state: RunState): Promise<void> {
  const out = io.out
  const [command, ...rest] = args.positionals
  const json = args.flags.has('json')
  // Reports print through a headless browser against the app, served for the time of the export;
  // the browser starts with the command, so that it is ready when the figures are (reportPrinter.ts).
  let appUrl: string | null = null
  // The survey command's flags are checked before a browser is started for a poster.
  const poster = command === 'survey' && surveyAction(args, rest[1]) === 'poster' ? posterArgs(args) : null
  // So are a report's: a wrong command line starts no browser.
  const report = command === 'report' ? reportCommandLine(args, rest) : null
  // CXDESK_TIMINGS=1: a line per milestone on stderr, ms since the process started (the bench's split of `cxdesk report`).
  const mark = process.env.CXDESK_TIMINGS === '1' ? (what: string) => io.err(`timing ${what} ${Math.round(performance.now())}`) : undefined
  mark?.('start')
  const printer = command === 'report' || command === 'subject-export' || poster ? reportPrinter(() => appUrl, mark) : null
  /** The report host is serving (or not): the printer's tab may load the print entry now. */
  const onServed = (url: string | null) => {
    appUrl = url
    if (url) printer?.served()
  }
  if (printer) io.browserStarted?.()
  // Commands that only read open the workspace read-only, and skip quick_check for a file that
  // passed it and has not been written since (db/integrityMemo.ts).
  const paths = resolvePaths()
  const ctx = createAppContext({
    platform: { kind: 'cli', systemLocales: () => [], printToPdf: printer?.printToPdf, rendererDir: command === 'collect' ? kioskRendererDir() : undefined },
    usePreferences: false,
    paths,
    readOnly: readsOnly(args),
    sqlite: { integrity: fileIntegrityMemo(join(paths.dataDir, 'integrity-checks.json')) },
  })
  const invoke = createDispatcher(handlers, ctx, { onInternalError: (_channel, e) => (state.internalError = e) })
  const api = clientFromInvoke(invoke)

  switch (command) {
    case 'init': {
      const [file] = rest
      if (!file) throw new UsageError('init needs the path of the workspace file to create')
      const fileId = ctx.files.registerDestination(resolve(file), 'newWorkspace')
      const demo = args.flags.has('demo')
      const info = await api.call('workspace.create', { fileId, name: stringFlag(args, 'name'), timezone: zoneFlag(args, 'timezone'), ...(demo ? { demo } : {}) })
      await ctx.session.close()
      if (!info) throw new Error('The workspace was not created.')
      out(json ? JSON.stringify(info) : `Created ${info.path} (time zone ${info.timezone})${demo ? ', with the demo café’s data' : ''}`)
      return
    }
    case 'import': {
      const [file, csv] = rest
      if (!file || !csv) throw new UsageError('import needs a workspace file and a CSV or XLSX file')
      if (!existsSync(csv)) throw new ApiCallError({ code: 'FILE_NOT_FOUND', message: `There is no file at ${csv}.` })
      const table = tableOptionsFromArgs(args)
      zoneFlag(args)
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
        if (summary.erased) out(`  skipped: erased person — ${summary.erased} rows of people erased from this workspace were not imported.`)
        if (summary.mergedBefore > 0)
          out(`  ${summary.mergedBefore} of the new responses had been merged into another row by an earlier version (its key ignored unmapped columns); they are added now.`)
        for (const e of summary.errors) out(`  row ${e.row}${e.column ? `, ${e.column}` : ''}: ${e.reason}`)
      }
      return
    }
    case 'imports': {
      const [file] = rest
      if (!file) throw new UsageError('imports needs a workspace file')
      const { imports } = await withWorkspace(api, ctx, file, () => api.call('import.list', {}))
      if (json) out(JSON.stringify({ imports }))
      else if (!imports.length) out('No imports yet.')
      else for (const i of imports) out(formatImportLine(i))
      return
    }
    case 'reread': {
      const [file] = rest
      if (!file) throw new UsageError('reread needs a workspace file')
      const importId = stringFlag(args, 'import')
      if (!importId || !/^[1-9]\d{0,9}$/.test(importId)) throw new UsageError('reread needs --import <number> (cxdesk imports lists them)')
      const zone = zoneFlag(args)
      if (!zone) throw new UsageError('reread needs --zone <IANA zone>')
      const result = await withWorkspace(api, ctx, file, () => api.call('import.reread', { importId: Number(importId), timezone: zone }))
      if (json) out(JSON.stringify(result))
      else
        out(
          `Import ${result.importId}: times without a zone now read in ${result.timezone} (were ${result.previousZone}); ${result.moved} responses moved. Undo: cxdesk reread ${file} --import ${result.importId} --zone ${result.previousZone}`,
        )
      return
    }
    case 'metrics': {
      const [file] = rest
      if (!file) throw new UsageError('metrics needs a workspace file')
      const metric = choiceFlag(args, 'metric', cliMetrics, 'nps')
      const by = choiceFlag(args, 'by', periodUnits, 'month')
      const request = { metric, by, dim: dimFromArgs(args), filter: filterFromArgs(args) }
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
    case 'customers': {
      const [file] = rest
      if (!file) throw new UsageError('customers needs a workspace file')
      const result = await withWorkspace(api, ctx, file, async () => {
        const info = await api.call('workspace.current', {})
        return customersCommand(api, args.flags.has('at-risk'), info?.timezone ?? 'UTC')
      })
      if (json) out(JSON.stringify(result))
      else for (const line of formatCustomers(result)) out(line)
      return
    }
    case 'report': {
      const { file, pdfPath, flags } = report ?? reportCommandLine(args, rest)
      // The app is served (and the browser's tab loads the print entry) while the workspace opens:
      // the page, its script and its fonts do not need the workspace, only its job does.
      const result = await withReportHost(
        ctx,
        invoke,
        onServed,
        () =>
          withWorkspace(api, ctx, file, async () => {
            mark?.('opened')
            const request = exportRequest(ctx.files, await reportOptionsFromArgs(api, flags, io.err), pdfPath)
            ctx.events.subscribe((e) => {
              if (e.name !== 'reports.progress') return
              mark?.(e.payload.stage)
              if (!json && e.payload.stage !== 'done') io.err(`${e.payload.stage}…`)
            })
            return api.call('reports.export', request)
          }),
      )
      mark?.('written')
      if (!result) throw new Error('The report was not written.')
      out(json ? JSON.stringify(result) : `Wrote ${result.path} (${result.pages ?? '?'} pages, ${Math.round(result.bytes / 1024)} KB)`)
      return
    }
    case 'export': {
      const [file] = rest
      if (!file) throw new UsageError('export needs a workspace file')
      const request = exportArgs(args)
      const result = await withWorkspace(api, ctx, file, async () => {
        const fileId = ctx.files.registerDestination(resolve(request.out), request.what === 'all' && request.format === 'csv' ? 'exportFolder' : 'dataExport')
        if (!json) ctx.events.subscribe(exportProgressPrinter(io.err))
        return api.call('export.run', { exportId: randomBytes(9).toString('base64url'), what: request.what, format: request.format, filter: request.filter, fileId })
      })
      if (!result) throw new Error('The export was not written.')
      out(json ? JSON.stringify(result) : formatExportResult(result))
      return
    }
    case 'subject-export': {
      const [file] = rest
      if (!file) throw new UsageError('subject-export needs a workspace file')
      const flags = subjectFlags(args)
      const result = await withReportHost(
        ctx,
        invoke,
        onServed,
        () => withWorkspace(api, ctx, file, () => subjectExport(api, ctx.files, flags)),
      )
      if (json) out(JSON.stringify(result))
      else for (const line of formatSubjectResult(result)) out(line)
      return
    }
    case 'survey': {
      const [file] = rest
      if (!file) throw new UsageError('survey needs a workspace file')
      if (poster) {
        const p = poster
        const result = await withReportHost(
          ctx,
          invoke,
          onServed,
          () =>
            withWorkspace(api, ctx, file, async () => {
              const surveyId = findSurveyId(ctx.session.require().ws.sqlite, p.survey)
              const fileId = ctx.files.registerDestination(resolve(p.out), 'reportPdf')
              return api.call('collection.poster', { surveyId, layout: p.layout, language: p.language, address: { host: p.host, port: p.port }, fileId })
            }),
        )
        if (!result) throw new Error('The poster was not written.')
        out(json ? JSON.stringify(result) : `Wrote ${result.path} (${result.pages ?? '?'} page${result.pages === 1 ? '' : 's'}, ${Math.round(result.bytes / 1024)} KB)`)
        return
      }
      const survey = await withWorkspace(api, ctx, file, () => createSurveyFromArgs(api, args))
      const link = survey.links[0].token
      out(json ? JSON.stringify({ id: survey.id, name: survey.name, metric: survey.metric, link }) : `Created survey ${survey.id} "${survey.name}" (${survey.metric.toUpperCase()}); its link: /s/${link}`)
      return
    }
    case 'collect': {
      const [file] = rest
      if (!file) throw new UsageError('collect needs a workspace file')
      const c = collectArgs(args)
      await withWorkspace(api, ctx, file, async () => {
        const surveyId = findSurveyId(ctx.session.require().ws.sqlite, c.survey)
        let survey = await api.call('collection.surveys', {}).then((r) => r.surveys.find((s) => s.id === surveyId)!)
        const wanted = c.kiosk ? 'kiosk' : 'qr'
        if (!survey.links.some((l) => l.kind === wanted && l.revokedAt === null)) survey = await api.call('collection.addLink', { surveyId, kind: wanted })
        const link = survey.links.find((l) => l.kind === wanted && l.revokedAt === null)!
        const status = await ctx.collection.start(c.host, c.port, { anyAddress: true })
        const url = `${status.baseUrl}/s/${link.token}`
        ctx.events.subscribe((e) => {
          if (e.name === 'collection.answer') io.err(`Answer ${e.payload.score} (${e.payload.metric.toUpperCase()})${e.payload.location ? ` at ${e.payload.location}` : ''}${e.payload.alert ? ' — low score' : ''}`)
        })
        out(`Collecting on ${url}`)
        io.collecting?.(url)
        try {
          await (io.untilStopped ?? untilSignal())
        } finally {
          await ctx.collection.stop()
        }
      })
      return
    }
    case 'erase': {
      const [file] = rest
      if (!file) throw new UsageError('erase needs a workspace file')
      const query = stringFlag(args, 'customer')
      if (!query) throw new UsageError('erase needs --customer <e-mail | phone | customer id>')
      const anonymise = args.flags.has('anonymise')
      const outcome = await withWorkspace(api, ctx, file, () => eraseCommand(api, { query, anonymise, yes: args.flags.has('yes'), reason: stringFlag(args, 'reason') }))
      if (outcome.kind === 'preview') {
        if (json) out(JSON.stringify({ erased: false, wouldErase: outcome.preview }))
        throw refusal(outcome.preview, anonymise)
      }
      if (json) out(JSON.stringify(outcome.result))
      else for (const line of formatErasure(outcome.result)) out(line)
      return
    }
    case 'survey-list': {
      const [file] = rest
      if (!file) throw new UsageError('survey-list needs a workspace file')
      const a = surveyListArgs(args)
      if (a.action === 'pending') {
        const result = await withWorkspace(api, ctx, file, () => pendingSurveyLists(api))
        if (json) out(JSON.stringify(result))
        else for (const line of formatPendingSurveyLists(result)) out(line)
        return
      }
      if (a.action === 'confirm') {
        const result = await withWorkspace(api, ctx, file, () => confirmSurveyList(api, a.token))
        if (json) out(JSON.stringify(result))
        else for (const line of formatConfirmSurveyList(result)) out(line)
        return
      }
      const result = await withWorkspace(api, ctx, file, () => surveyListCommand(api, ctx.files, a))
      if (json) out(JSON.stringify(result))
      else for (const line of formatSurveyList(result)) out(line)
      return
    }
    case 'send-list': {
      const [file, list] = rest
      if (!file) throw new UsageError('send-list needs a workspace file')
      const a = sendListArgs(args, list)
      const result = await withWorkspace(api, ctx, file, () => sendListCommand(api, ctx.files, a))
      if (json) out(JSON.stringify(result))
      else for (const line of formatSendList(result)) out(line)
      return
    }
    case 'follow-ups': {
      const [file] = rest
      if (!file) throw new UsageError('follow-ups needs a workspace file')
      const views = followUpsArgs(args)
      const result = await withWorkspace(api, ctx, file, async () => {
        const info = await api.call('workspace.current', {})
        return followUpsCommand(api, views, info?.timezone ?? 'UTC', ctx.clock.now())
      })
      if (json) out(JSON.stringify(result))
      else for (const line of formatFollowUps(result)) out(line)
      return
    }
    case undefined:
      throw new UsageError('say what to do')
    default:
      throw new UsageError(`unknown command "${command}"`)
  }
}

/**
 * Runs one command line (the arguments after `cxdesk`) and returns its exit code: 0 done, 1 failed,
 * 2 a usage or validation error. Relative paths are read from the process's working directory, and
 * the data folder and default zone from its environment (CXDESK_HOME, TZ), as for `cxdesk` itself.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let command: string | undefined
  const state: RunState = { internalError: null }
  try {
    const line = parseCommandLine(argv, commandSpecs)
    if (line.kind === 'run') command = line.command
    if (line.kind === 'version') {
      io.out(APP_VERSION)
      return 0
    }
    if (line.kind === 'help') {
      io.out(usageOf(line.command))
      return 0
    }
    await run(line.args, io, state)
    return 0
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`cxdesk: ${e.message}\n\n${usageOf(e.command ?? command)}`)
      return 2
    }
    if (e instanceof ApiCallError && e.code === 'INTERNAL' && isDamage(state.internalError)) {
      io.err(`cxdesk: the workspace is damaged: SQLite found a malformed page while reading it (${(state.internalError as Error).message}). Nothing was printed from it; open a backup or an earlier copy.`)
      return 1
    }
    if (e instanceof NotFound) {
      io.err(`cxdesk: ${e.message}`)
      return 1
    }
    if (e instanceof ApiCallError) {
      io.err(`cxdesk: ${e.message}`)
      return e.code === 'VALIDATION' ? 2 : 1
    }
    io.err(`cxdesk: ${(e as Error).message ?? e}`)
    return 1
  }
}

/** `cxdesk report`'s command line, checked before anything starts (UsageError when wrong). */
function reportCommandLine(args: ParsedArgs, rest: string[]) {
  const [file] = rest
  const pdfPath = stringFlag(args, 'out')
  if (!file) throw new UsageError('report needs a workspace file')
  if (!pdfPath) throw new UsageError('report needs --out <file.pdf>')
  return { file, pdfPath, flags: reportFlags(args) }
}

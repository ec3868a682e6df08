import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { DataExportResult, ExportFormat, ExportTable, ExportWhat } from '../../src-shared/api/exports'
import type { FeedbackFilter } from '../../src-shared/api/filters'
import { AppError } from '../../src-shared/api/result'
import { cleanFileName } from '../../src-shared/domain/fileName'
import { CsvFileWriter, type CsvValue } from '../common/csvWriter'
import { offerDownload } from '../common/downloads'
import type { EventBus } from '../common/events'
import type { FileRegistry } from '../common/fileRegistry'
import type { AppPaths } from '../common/paths'
import type { Platform } from '../common/platform'
import { XlsxWorkbookWriter } from '../common/xlsxWriter'
import type { OpenWorkspace } from '../db/openWorkspace'
import { customerHeader, noteHeader, responseHeader, rowFormatters } from './exportColumns'
import { csvResponseColumn, csvResponsePages, csvResponseQuery, customerCount, customersPage, exportHasTagsAndNotes, exportQuestions, exportRangeEnds, noteCount, notesPage, responseColumn, responsePages } from './exportRowsRepository'
import { exportLookupsOn, KEY_ABOVE_ALL } from './exportRangeRepository'
import { responseCsvLine } from './responseCsv'
import { defaultExportThreads, rangesFrom, writeCsvInThreads, type ExportThreads } from './exportThreads'

const SUBMITTED_AT = responseColumn.submitted_at
const ID = responseColumn.id
const CSV_SUBMITTED_AT = csvResponseColumn.submitted_at
const CSV_ID = csvResponseColumn.id

/** What an export needs of the process: dialogs (desktop), chosen destinations (CLI), events, a temporary folder. */
export interface DataExportDeps {
  platform: Platform
  files: FileRegistry
  events: EventBus
  paths: Pick<AppPaths, 'uploadsDir'>
  /** The native binding reader threads load (the desktop app's differs from Node's). */
  sqlite?: { nativeBinding?: string }
  /** When and how a large CSV export of responses is read by several threads (export/exportThreads.ts); tests change it. */
  exportThreads?: Partial<ExportThreads>
}

export interface DataExportRequest {
  exportId: string
  what: ExportWhat
  format: ExportFormat
  filter: FeedbackFilter
  fileId?: string
}

const TABLES: Record<ExportWhat, ExportTable[]> = { responses: ['responses'], customers: ['customers'], all: ['responses', 'customers', 'notes'] }
const SHEETS: Record<ExportTable, string> = { responses: 'Responses', customers: 'Customers', notes: 'Notes' }
const HEADERS: Record<ExportTable, readonly string[]> = { responses: responseHeader, customers: customerHeader, notes: noteHeader }
const CONTENT_TYPES: Record<ExportFormat, string> = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }

/** Exports in progress, by the id the page chose, so export.cancel can stop one. */
const running = new Map<string, AbortController>()

export function cancelDataExport(exportId: string): void {
  running.get(exportId)?.abort()
}

/** "Café Demo – responses – 2026-12-02.csv": names people recognise, cleaned by the app's one sanitiser. */
export function exportFileName(workspace: string, what: ExportWhat, format: ExportFormat, day: string): string {
  const label = what === 'all' ? 'workspace' : what
  return `${cleanFileName(`${workspace} – ${label} – ${day}`, 180) || 'export'}.${format}`
}

/** Where the table's rows go: a CSV file per table, or a sheet each in one workbook. */
interface Sink {
  begin(table: ExportTable): void
  row(values: readonly CsvValue[]): void
  /** A record already written as CSV (CSV sinks only: the responses' fast path). */
  line?(text: string): void
  /** Whole records already encoded as CSV (CSV sinks only: the fast path's reader threads). */
  bytes?(chunk: Uint8Array, rows: number): void
  /** Closes what is open; returns the bytes written. */
  finish(): number
  abort(): void
}

function workbookSink(path: string): Sink {
  const book = new XlsxWorkbookWriter(path)
  return {
    begin: (table) => book.sheet(SHEETS[table], HEADERS[table]),
    row: (values) => book.row(values),
    finish: () => book.close(),
    abort: () => book.abort(),
  }
}

/** CSV files, each written under a temporary name beside its final one and renamed when complete. */
function csvSink(pathOf: (table: ExportTable) => string, done: Array<{ temp: string; path: string }>): Sink {
  let current: { writer: CsvFileWriter; path: string } | null = null
  let bytes = 0
  const close = () => {
    if (!current) return
    bytes += current.writer.close()
    done.push({ temp: current.writer.path, path: current.path })
    current = null
  }
  return {
    begin: (table) => {
      close()
      const path = pathOf(table)
      current = { writer: new CsvFileWriter(`${path}.part-${randomBytes(4).toString('hex')}`, HEADERS[table], CSV_CHUNK), path }
    },
    row: (values) => current!.writer.write(values),
    line: (text) => current!.writer.writeLine(text),
    bytes: (chunk, rows) => current!.writer.writeBytes(chunk, rows),
    finish: () => {
      close()
      return bytes
    },
    abort: () => {
      current?.writer.abort()
      current = null
      for (const d of done) rmSync(d.temp, { force: true })
    },
  }
}

/** A folder this export made, removed again when it failed before anything was left in it. */
function rmEmptyFolder(path: string): void {
  try {
    if (!readdirSync(path).length) rmdirSync(path)
  } catch {
    // gone already, or not ours to judge
  }
}

/** About a megabyte of text per write: a few hundred system calls for a million rows. */
const CSV_CHUNK = 1 << 20

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Writes responses (the filter's: the inbox's view), customers, or the whole workspace as CSV or
 * XLSX, reading a keyset page at a time and writing as it reads, so memory stays flat and the event
 * loop gets a turn between pages (progress events, cancel). A cancelled or failed export leaves no
 * file: everything is written under temporary names and renamed at the end.
 *
 * The destination: `fileId`, a file (or, for a whole workspace as CSV, a folder) the CLI
 * registered; else the desktop's dialog (null when the user cancels); else a temporary file offered
 * once for download (browser).
 */
export async function exportData(deps: DataExportDeps, open: OpenWorkspace, req: DataExportRequest, now: number): Promise<DataExportResult | null> {
  const { exportId, what, format } = req
  const folder = what === 'all' && format === 'csv'
  if (running.has(exportId)) throw new AppError('VALIDATION', 'That export is already running.')
  const registered = req.fileId ? deps.files.takeDestination(req.fileId, folder ? 'exportFolder' : 'dataExport') : null
  const day = open.localDateOf(now)
  const fileName = exportFileName(open.settings.name, what, format, day)
  const tables = TABLES[what]

  let destination = registered
  if (!destination && deps.platform.dialogs) {
    if (folder) {
      const parent = await deps.platform.dialogs.chooseExportFolder()
      destination = parent ? join(parent, cleanFileName(`${open.settings.name} – export – ${day}`, 180) || 'export') : null
    } else destination = await deps.platform.dialogs.chooseExportDestination(fileName, format)
    if (!destination) return null
  }
  if (!destination && folder) throw new AppError('UNSUPPORTED', 'A whole workspace as CSV files needs a folder: export it as one XLSX workbook here, or use the desktop app or cxdesk export.')

  const controller = new AbortController()
  running.set(exportId, controller)
  let done = 0
  let total = 0
  let table: ExportTable | null = null
  const emit = (stage: 'counting' | 'writing' | 'done' | 'failed' | 'cancelled', message?: string) =>
    deps.events.emit('export.progress', { exportId, stage, table, done, total, ...(message ? { message } : {}) })
  const checkCancelled = () => {
    if (controller.signal.aborted) throw new AppError('CANCELLED', 'The export was cancelled.')
  }

  const renames: Array<{ temp: string; path: string }> = []
  let sink: Sink | null = null
  let finalFile: string | null = null
  let madeFolder = false
  try {
    emit('counting')
    const pages = tables.includes('responses') ? responsePages(open.db, open.ws.sqlite, req.filter) : null
    const counts: Record<ExportTable, number> = {
      responses: pages ? await pages.count() : 0,
      customers: tables.includes('customers') ? await customerCount(open.db) : 0,
      notes: tables.includes('notes') ? await noteCount(open.db) : 0,
    }
    total = tables.reduce((n, t) => n + counts[t], 0)
    checkCancelled()

    if (folder) {
      madeFolder = !existsSync(destination!)
      mkdirSync(destination!, { recursive: true })
      sink = csvSink((t) => join(destination!, `${t}.csv`), renames)
    } else {
      const final = destination ?? join(deps.paths.uploadsDir, `export-${randomBytes(8).toString('hex')}.${format}`)
      if (!destination) mkdirSync(deps.paths.uploadsDir, { recursive: true })
      finalFile = final
      if (format === 'xlsx') {
        const temp = `${final}.part-${randomBytes(4).toString('hex')}`
        renames.push({ temp, path: final })
        sink = workbookSink(temp)
      } else sink = csvSink(() => final, renames)
    }

    const fmt = rowFormatters(open.settings.timezone)
    const files: DataExportResult['files'] = []
    for (const t of tables) {
      table = t
      sink.begin(t)
      let rows = 0
      emit('writing')
      if (t === 'responses' && sink.line && sink.bytes) {
        // The CSV fast path (export/responseCsv.ts): raw rows straight to CSV lines, same bytes.
        const has = exportHasTagsAndNotes(open.ws.sqlite)
        const questions = exportQuestions(open.ws.sqlite)
        // Every customer read once when the rows outnumber them; else each as the first row names it.
        const preloadCustomers = counts.responses >= (await customerCount(open.db))
        const threads = { ...defaultExportThreads(), ...deps.exportThreads }
        if (open.ws.path !== ':memory:' && counts.responses >= threads.from) {
          // A large export: reader threads take key ranges, this thread writes them in order (export/exportThreads.ts).
          const write = sink.bytes
          await writeCsvInThreads({
            path: open.ws.path,
            nativeBinding: deps.sqlite?.nativeBinding,
            query: csvResponseQuery(open.db, req.filter, has),
            timezone: open.settings.timezone,
            questions,
            preloadCustomers,
            ranges: rangesFrom(exportRangeEnds(open.db, open.ws.sqlite, req.filter, threads.rangeRows)),
            threads,
            signal: controller.signal,
            write: (chunk, n) => {
              write(chunk, n)
              rows += n
              done += n
              emit('writing')
            },
          })
          checkCancelled()
        } else {
          const line = responseCsvLine(open.settings.timezone, questions, exportLookupsOn(open.ws.sqlite), preloadCustomers)
          const fast = csvResponsePages(open.db, open.ws.sqlite, req.filter, has)
          let page = fast.page(KEY_ABOVE_ALL)
          while (page.length) {
            for (const r of page) sink.line(line(r))
            rows += page.length
            done += page.length
            const last = page[page.length - 1]
            emit('writing')
            await nextTurn()
            checkCancelled()
            page = fast.page({ submittedAt: last[CSV_SUBMITTED_AT] as number, id: last[CSV_ID] as number })
          }
        }
      } else if (t === 'responses') {
        let page = pages!.page()
        while (page.length) {
          for (const r of page) sink.row(fmt.response(r))
          rows += page.length
          done += page.length
          const last = page[page.length - 1]
          emit('writing')
          await nextTurn()
          checkCancelled()
          page = pages!.page({ submittedAt: last[SUBMITTED_AT] as number, id: last[ID] as number })
        }
      } else {
        let after = 0
        for (;;) {
          const page = t === 'customers' ? await customersPage(open.db, after) : await notesPage(open.db, after)
          if (!page.length) break
          for (const r of page) sink.row(t === 'customers' ? fmt.customer(r as Awaited<ReturnType<typeof customersPage>>[number]) : fmt.note(r as Awaited<ReturnType<typeof notesPage>>[number]))
          rows += page.length
          done += page.length
          after = page[page.length - 1].id
          emit('writing')
          await nextTurn()
          checkCancelled()
        }
      }
      files.push({ table: t, fileName: folder ? `${t}.csv` : basename(destination ?? fileName), rows })
    }
    sink.finish()
    sink = null
    for (const r of renames) renameSync(r.temp, r.path)
    const bytes = folder ? files.reduce((n, f) => n + statSync(join(destination!, f.fileName)).size, 0) : statSync(finalFile!).size
    table = null
    emit('done')
    if (!destination) {
      const downloadId = offerDownload(finalFile!, fileName, CONTENT_TYPES[format])
      return { path: null, downloadId, fileName, files, rows: done, bytes }
    }
    return { path: destination, downloadId: null, fileName: basename(destination), files, rows: done, bytes }
  } catch (e) {
    sink?.abort()
    if (madeFolder) rmEmptyFolder(destination!)
    for (const r of renames) rmSync(r.temp, { force: true })
    const cancelled = controller.signal.aborted || (e instanceof AppError && e.code === 'CANCELLED')
    emit(cancelled ? 'cancelled' : 'failed', cancelled ? undefined : (e as Error).message)
    if (cancelled) throw new AppError('CANCELLED', 'The export was cancelled.')
    if (e instanceof AppError) throw e
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) throw new AppError('IO', `The export could not be written to ${destination ? dirname(destination) : 'a temporary file'}: ${(e as Error).message}`)
    throw e
  } finally {
    running.delete(exportId)
  }
}

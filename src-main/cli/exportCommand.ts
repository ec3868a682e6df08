import { exportFormats, exportWhats, type DataExportResult, type ExportFormat, type ExportWhat } from '../../src-shared/api/exports'
import { activeFilterKeys, type FeedbackFilter } from '../../src-shared/api/filters'
import type { AppEvent } from '../../src-shared/api/events'
import { UsageError, choiceFlag, stringFlag, type ParsedArgs } from './args'
import { filterFromArgs } from './filterArgs'

export interface ExportArgs {
  what: ExportWhat
  format: ExportFormat
  out: string
  filter: FeedbackFilter
}

/** `cxdesk export`'s options, checked: what, format (else the extension of --out, else csv), --out, and the filters (responses only). */
export function exportArgs(args: ParsedArgs): ExportArgs {
  const out = stringFlag(args, 'out')
  if (!out) throw new UsageError('export needs --out <file> (a folder for --what all --format csv)', 'export')
  const what = choiceFlag(args, 'what', exportWhats, 'responses', 'export')
  const format = choiceFlag(args, 'format', exportFormats, /\.xlsx$/i.test(out) ? 'xlsx' : 'csv', 'export')
  if (format === 'csv' && /\.xlsx$/i.test(out)) throw new UsageError(`--out ${out} names a workbook but --format is csv`, 'export')
  if (format === 'xlsx' && /\.csv$/i.test(out)) throw new UsageError(`--out ${out} names a CSV file but --format is xlsx`, 'export')
  const filter = filterFromArgs(args)
  if (what !== 'responses' && activeFilterKeys(filter).length)
    throw new UsageError(`--from, --to and --filter narrow responses; --what ${what} exports every row (use --what responses)`, 'export')
  return { what, format, out, filter }
}

/** Progress on stderr: the table being written, then every tenth of the rows. */
export function exportProgressPrinter(err: (line: string) => void): (e: AppEvent) => void {
  let table: string | null = null
  let tenth = -1
  return (e) => {
    if (e.name !== 'export.progress') return
    const p = e.payload
    if (p.stage === 'writing' && p.table !== table) {
      table = p.table
      err(`writing ${table}…`)
    }
    const now = p.total ? Math.floor((p.done / p.total) * 10) : 10
    if (p.stage === 'writing' && now > tenth && p.done > 0) {
      tenth = now
      err(`  ${p.done.toLocaleString('en')} of ${p.total.toLocaleString('en')} rows`)
    }
  }
}

export function formatExportResult(r: DataExportResult): string {
  const tables = r.files.map((f) => `${f.table} ${f.rows.toLocaleString('en')}`).join(', ')
  return `Wrote ${r.path} (${tables}; ${Math.max(1, Math.round(r.bytes / 1024)).toLocaleString('en')} KB)`
}

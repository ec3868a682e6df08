/**
 * One reader over one workbook, in its own process (so peak memory is its own and an abort is only
 * a result): prints {ok, rows, cells, ms, maxRssMB} or {ok:false, error}. Run by sections/xlsx.ts.
 *   tsx readChild.ts own|exceljs <file>
 * ExcelJS is not a dependency of the project: it is loaded from CXDESK_EXCELJS_DIR (a folder where
 * `npm install exceljs` was run), see docs/import-xlsx.md.
 */
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { xlsxSource } from '../../../src-main/import/source/xlsxSource'

async function own(file: string): Promise<{ rows: number; cells: number }> {
  let rows = 0
  let cells = 0
  for await (const batch of xlsxSource(file).batches())
    for (const r of batch) {
      rows++
      for (const f of r.fields) if (f !== '') cells++
    }
  return { rows, cells }
}

interface ExcelRow {
  values: unknown[]
}
type ExcelJs = { stream: { xlsx: { WorkbookReader: new (file: string, opts: Record<string, string>) => AsyncIterable<AsyncIterable<ExcelRow>> } } }

async function exceljs(file: string): Promise<{ rows: number; cells: number }> {
  const dir = process.env.CXDESK_EXCELJS_DIR
  if (!dir) throw new Error('CXDESK_EXCELJS_DIR is not set')
  const ExcelJS = createRequire(join(dir, 'package.json'))('exceljs') as ExcelJs
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' })
  let rows = 0
  let cells = 0
  for await (const sheet of reader) {
    for await (const row of sheet) {
      rows++
      for (const v of row.values) if (v !== undefined && v !== null && v !== '') cells++
    }
    break // the first sheet, as the importer reads
  }
  return { rows, cells }
}

async function main() {
  const [reader, file] = process.argv.slice(2)
  const t = performance.now()
  let out: Record<string, unknown>
  try {
    out = { ok: true, ...(reader === 'exceljs' ? await exceljs(file) : await own(file)) }
  } catch (e) {
    out = { ok: false, error: String((e as Error)?.message ?? e).slice(0, 300) }
  }
  out.ms = Math.round(performance.now() - t)
  out.maxRssMB = Math.round(process.resourceUsage().maxRSS / 1024)
  console.log(JSON.stringify(out))
}

void main()

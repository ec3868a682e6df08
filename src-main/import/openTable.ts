import type { Delimiter, ImportKind, TextEncoding } from '../../src-shared/api/imports'
import { AppError } from '../../src-shared/api/result'
import { csvSource, detectCsvSettings, readSample } from './source/csvSource'
import type { TableSource } from './source/tableSource'
import { xlsxSheetNames, xlsxSource } from './source/xlsxSource'
import { refuse } from './source/limits'
import { sniff } from './source/sniff'
import { addDateEvidence, emptyEvidence, type DateEvidence } from '../../src-shared/domain/dateText'
import { proposeMapping, type Proposal } from './mapping/proposeMapping'

export interface OpenedTable {
  source: TableSource
  fileKind: 'csv' | 'xlsx'
  encoding: TextEncoding | null
  encodingCertain: boolean
  delimiter: Delimiter | null
  sheets: string[]
  sheet: string | null
}

export interface TableOptions {
  encoding?: TextEncoding
  delimiter?: Delimiter
  sheet?: string
}

/** Opens a CSV / text file or an Excel workbook as a table of records, detecting what is not given. */
export async function openTable(path: string, name: string, opts: TableOptions = {}): Promise<OpenedTable> {
  const { sample, size } = readSample(path, SNIFF_BYTES)
  if (size === 0) throw refuse('empty', `${name} is empty.`, { file: name })
  const looks = sniff(sample)
  if (looks === 'ole')
    throw /\.xls$/i.test(name)
      ? new AppError('IMPORT_FAILED', `${name} is an old Excel 97–2003 workbook. Save it as .xlsx or CSV in Excel and import that.`)
      : new AppError('IMPORT_FAILED', `${name} is a password-protected workbook or an old Excel 97–2003 file. Open it in Excel, remove the password or save it as .xlsx or CSV, and import that.`)
  if (looks === 'binary') throw notTable(name)
  if (looks === 'zip') {
    const sheets = await xlsxSheetNames(path)
    if (!sheets) throw notTable(name)
    const sheet = opts.sheet && sheets.includes(opts.sheet) ? opts.sheet : (sheets[0] ?? null)
    return { source: xlsxSource(path, sheet ?? undefined), fileKind: 'xlsx', encoding: null, encodingCertain: true, delimiter: null, sheets, sheet }
  }
  const detected = detectCsvSettings(path)
  const encoding = opts.encoding ?? detected.encoding
  const delimiter = opts.delimiter ?? detected.delimiter
  return {
    source: csvSource(path, { encoding, delimiter }),
    fileKind: 'csv',
    encoding,
    encodingCertain: opts.encoding !== undefined || detected.encodingCertain,
    delimiter,
    sheets: [],
    sheet: null,
  }
}

/** Enough of the start of a file to tell text from binary. */
const SNIFF_BYTES = 64 * 1024

const notTable = (name: string) => refuse('notTable', `${name} is not a text (CSV) or Excel (.xlsx) file, so it cannot be imported.`, { file: name })

const INSPECT_ROWS = 20_000
/** Characters the mapping step holds at most (a few wide rows end the head early). */
const INSPECT_CHARS = 16 * 1024 * 1024
const GUESS_ROWS = 500
const PREVIEW_ROWS = 20

export interface TablePreview {
  rows: string[][]
  rowNumbers: number[]
  wholeFile: boolean
}

/** The first records of a table (header rows included), without reading the rest of the file. */
export async function readHead(source: TableSource, limit = INSPECT_ROWS, charLimit = INSPECT_CHARS): Promise<TablePreview> {
  const rows: string[][] = []
  const rowNumbers: number[] = []
  let wholeFile = true
  let chars = 0
  outer: for await (const batch of source.batches()) {
    for (const r of batch) {
      if (rows.length >= limit || (chars > charLimit && rows.length > 1)) {
        wholeFile = false
        break outer
      }
      for (const f of r.fields) chars += f.length
      rows.push(r.fields)
      rowNumbers.push(r.record)
    }
  }
  return { rows, rowNumbers, wholeFile }
}

/** What the mapping step tells about the opened file (the source itself stays with the reader). */
export type TableFacts = Omit<OpenedTable, 'source'>

export interface TableInspection {
  table: TableFacts
  proposal: Proposal
  headers: string[]
  preview: string[][]
  previewFirstRow: number
  dateEvidence: Array<DateEvidence & { index: number }>
  rowsInspected: number
  wholeFile: boolean
}

/** What the mapping step shows: header, first rows, the proposed mapping and how each column's dates read. */
export type InspectOptions = TableOptions & { headerRows?: number }

export async function inspectTable(path: string, name: string, kind: ImportKind, opts: InspectOptions = {}): Promise<TableInspection> {
  const { source, ...table } = await openTable(path, name, opts)
  let head: TablePreview
  try {
    head = await readHead(source)
  } catch (e) {
    if (e instanceof AppError) throw e
    if ((e as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') throw new AppError('IMPORT_FAILED', `${name} is not valid ${table.encoding ?? 'UTF-8'} text. Choose its encoding.`)
    throw new AppError('IMPORT_FAILED', `Could not read ${name}: ${(e as Error).message}`)
  }
  if (!head.rows.length) throw refuse('empty', `${name} is empty.`, { file: name })
  const proposal = proposeMapping(head.rows.slice(0, GUESS_ROWS), kind)
  if (opts.headerRows) proposal.mapping.headerRows = opts.headerRows
  const headerRows = proposal.mapping.headerRows
  if (head.rows.length <= headerRows)
    throw refuse('noRows', `${name} has no rows to import: it holds only ${headerRows === 1 ? 'a header row' : `${headerRows} header rows`}.`, { file: name })
  const width = Math.max(...head.rows.slice(0, GUESS_ROWS).map((r) => r.length))
  const headers = Array.from({ length: width }, (_, i) => (head.rows[0][i] ?? '').trim())
  const data = head.rows.slice(headerRows)
  const dateEvidence = headers.map((_, index) => {
    const ev = emptyEvidence()
    for (const r of data) addDateEvidence(ev, r[index] ?? '')
    return { index, ...ev }
  })
  return {
    table,
    proposal,
    headers,
    preview: data.slice(0, PREVIEW_ROWS),
    previewFirstRow: head.rowNumbers[headerRows] ?? headerRows + 1,
    dateEvidence: dateEvidence.filter((e) => e.dates > 0),
    rowsInspected: data.length,
    wholeFile: head.wholeFile,
  }
}

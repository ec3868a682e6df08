import type { Delimiter, ImportKind, TextEncoding } from '../../src-shared/api/imports'
import { AppError } from '../../src-shared/api/result'
import { csvSource, detectCsvSettings, readSample } from './source/csvSource'
import type { TableSource } from './source/tableSource'
import { xlsxSheetNames, xlsxSource } from './source/xlsxSource'
import { addDateEvidence, emptyEvidence, type DateEvidence } from './formats/dates'
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
  const { sample } = readSample(path, 8)
  const isZip = sample[0] === 0x50 && sample[1] === 0x4b && sample[2] === 0x03 && sample[3] === 0x04
  if (/\.xls$/i.test(name) && sample[0] === 0xd0 && sample[1] === 0xcf)
    throw new AppError('IMPORT_FAILED', `${name} is an old Excel 97–2003 workbook. Save it as .xlsx or CSV in Excel and import that.`)
  if (isZip) {
    const sheets = await xlsxSheetNames(path).catch(() => {
      throw new AppError('IMPORT_FAILED', `${name} is not a readable Excel workbook (.xlsx).`)
    })
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

const INSPECT_ROWS = 20_000
const GUESS_ROWS = 500
const PREVIEW_ROWS = 20

export interface TablePreview {
  rows: string[][]
  rowNumbers: number[]
  wholeFile: boolean
}

/** The first records of a table (header rows included), without reading the rest of the file. */
export async function readHead(source: TableSource, limit = INSPECT_ROWS): Promise<TablePreview> {
  const rows: string[][] = []
  const rowNumbers: number[] = []
  let wholeFile = true
  outer: for await (const batch of source.batches()) {
    for (const r of batch) {
      if (rows.length >= limit) {
        wholeFile = false
        break outer
      }
      rows.push(r.fields)
      rowNumbers.push(r.record)
    }
  }
  return { rows, rowNumbers, wholeFile }
}

export interface TableInspection {
  table: OpenedTable
  proposal: Proposal
  headers: string[]
  preview: string[][]
  previewFirstRow: number
  dateEvidence: Array<DateEvidence & { index: number }>
  rowsInspected: number
  wholeFile: boolean
}

/** What the mapping step shows: header, first rows, the proposed mapping and how each column's dates read. */
export async function inspectTable(path: string, name: string, kind: ImportKind, opts: TableOptions & { headerRows?: number } = {}): Promise<TableInspection> {
  const table = await openTable(path, name, opts)
  let head: TablePreview
  try {
    head = await readHead(table.source)
  } catch (e) {
    if (e instanceof AppError) throw e
    if (e instanceof TypeError) throw new AppError('IMPORT_FAILED', `${name} is not valid ${table.encoding ?? 'UTF-8'} text. Choose its encoding.`)
    throw new AppError('IMPORT_FAILED', `Could not read ${name}: ${(e as Error).message}`)
  }
  if (!head.rows.length) throw new AppError('IMPORT_FAILED', `${name} is empty.`)
  const proposal = proposeMapping(head.rows.slice(0, GUESS_ROWS), kind)
  if (opts.headerRows) proposal.mapping.headerRows = opts.headerRows
  const headerRows = proposal.mapping.headerRows
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

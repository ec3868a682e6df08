import { statSync } from 'node:fs'
import type { CsvRecord } from '../csv/CsvParser'
import type { TableSource } from './tableSource'
import { AppError } from '../../../src-shared/api/result'
import { cellTooLong, columnName, LIMITS, rowTooLong, tooManyColumns, tooManyRows, workbookDamaged, type Limits } from './limits'
import { openWorkbookZip, type WorkbookZip } from './zipParts'
import { parseXmlPart } from './xmlPart'
import { SharedStrings } from './sharedStrings'

/**
 * A streaming reader for Excel workbooks (.xlsx, Office Open XML): the zip is read by random access
 * (yauzl) and inflated and counted here (zipParts.ts), the sheet's XML is parsed as it streams
 * (saxes), so a sheet of a million rows never sits in memory. Shared strings are loaded first (cells
 * refer to them by index) into a compact store. Dates are numbers in a date style; they are given to
 * the importer as ISO local date-times. Every size a file controls is bounded (limits.ts); see
 * docs/import-xlsx.md for why this reader and not a library's.
 */

/** Entries kept from the small parts (relationships, sheets, number formats, cell styles): Excel's own limits are far lower. */
const MAX_LISTED = 65_536

interface WorkbookInfo {
  sheets: Array<{ name: string; path: string }>
  date1904: boolean
}

/** The workbook's sheets, or null when the zip holds no workbook (a .docx, a zip of anything). */
async function readWorkbook(wz: WorkbookZip): Promise<WorkbookInfo | null> {
  const book = wz.entries.get('xl/workbook.xml')
  if (!book) return null
  const rels = new Map<string, string>()
  const cap = wz.limits.otherPartBytes
  await parseXmlPart(wz, wz.entries.get('xl/_rels/workbook.xml.rels'), cap, 'the workbook relationships', {
    open: (n, a) => {
      if (n === 'Relationship' && a.Id && a.Target && rels.size < MAX_LISTED) rels.set(a.Id, a.Target.startsWith('/') ? a.Target.slice(1) : `xl/${a.Target}`)
    },
  })
  const sheets: WorkbookInfo['sheets'] = []
  let date1904 = false
  await parseXmlPart(wz, book, cap, 'the workbook', {
    open: (n, a) => {
      if (n === 'sheet') {
        const rid = a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1] ?? ''
        const path = rels.get(rid)
        if (path && sheets.length < MAX_LISTED) sheets.push({ name: (a.name ?? '').slice(0, 200), path })
      } else if (n === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true'
    },
  })
  return { sheets, date1904 }
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57])

/** A number format shows a date when it uses date or time letters outside quoted text and [colour] blocks. A format without a code is not a date. */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '')
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare)
}

/** Which cell styles show a number as a date or time. */
async function readDateStyles(wz: WorkbookZip): Promise<boolean[]> {
  const custom = new Map<number, boolean>()
  const styles: boolean[] = []
  let inCellXfs = false
  await parseXmlPart(wz, wz.entries.get('xl/styles.xml'), wz.limits.otherPartBytes, 'the styles', {
    open: (n, a) => {
      if (n === 'numFmt') {
        if (custom.size < MAX_LISTED) custom.set(Number(a.numFmtId), isDateFormat(a.formatCode))
      } else if (n === 'cellXfs') inCellXfs = true
      else if (n === 'xf' && inCellXfs && styles.length < MAX_LISTED) {
        const id = Number(a.numFmtId ?? 0)
        styles.push(custom.get(id) ?? BUILTIN_DATE_FORMATS.has(id))
      }
    },
    close: (n) => {
      if (n === 'cellXfs') inCellXfs = false
    },
  })
  return styles
}

async function readSharedStrings(wz: WorkbookZip): Promise<SharedStrings> {
  const { limits } = wz
  const strings = new SharedStrings(limits.sharedStrings, limits.sharedStringBytes)
  let current = ''
  let inT = false
  let inPhonetic = false
  await parseXmlPart(wz, wz.entries.get('xl/sharedStrings.xml'), limits.sharedStringsBytes, 'the shared strings', {
    open: (n) => {
      if (n === 'si') current = ''
      else if (n === 't') inT = true
      else if (n === 'rPh') inPhonetic = true
    },
    text: (t) => {
      if (!inT || inPhonetic) return
      current += t
      if (current.length > limits.xlsxCellChars) throw workbookDamaged(`shared text no. ${strings.count + 1} is longer than the ${limits.xlsxCellChars.toLocaleString('en-US')} characters a cell can hold`)
    },
    close: (n) => {
      if (n === 't') inT = false
      else if (n === 'rPh') inPhonetic = false
      else if (n === 'si') strings.add(current)
    },
  })
  return strings
}

/** Excel's serial day number to an ISO local date-time (Excel stores no time zone). */
export function excelSerialToIso(serial: number, date1904: boolean): string {
  // 1900 system: day 1 is 1900-01-01 and Excel counts a 29 February 1900 that never was.
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30)
  const ms = Math.round(serial * 86_400_000)
  const date = new Date(epoch + ms)
  // Beyond what a Date holds (±275,000 years) the number is shown as it is.
  if (Number.isNaN(date.getTime())) return String(serial)
  const iso = date.toISOString()
  return serial % 1 === 0 ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ')
}

/** The column of a cell reference such as "C5" (0-based), refused past Excel's last column. */
export function columnOf(ref: string, row: number, maxColumns: number = LIMITS.columns): number {
  let n = 0
  let i = 0
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i)
    if (code < 65 || code > 90) break
    n = n * 26 + (code - 64)
    if (n > maxColumns) {
      const letters = /^[A-Z]*/.exec(ref)?.[0] ?? ''
      throw tooManyColumns(row, letters.length > 12 ? `${letters.slice(0, 12)}…` : letters)
    }
  }
  if (i === 0) throw workbookDamaged(`a cell reference "${ref.slice(0, 20)}" has no column`)
  return n - 1
}

/** Opens the workbook, runs `read`, and closes it; a file that is not a zip yauzl can read fails with `notZip`. */
async function withWorkbook<T>(path: string, limits: Limits, read: (wz: WorkbookZip) => Promise<T>): Promise<T> {
  let wz: WorkbookZip
  try {
    wz = await openWorkbookZip(path, limits)
  } catch (e) {
    if (e instanceof AppError) throw e
    throw workbookDamaged(`its zip structure cannot be read: ${(e as Error).message}`)
  }
  try {
    return await read(wz)
  } finally {
    wz.close()
  }
}

/** The sheets' names, or null when the zip is not a workbook. */
export function xlsxSheetNames(path: string, limits: Limits = LIMITS): Promise<string[] | null> {
  return withWorkbook(path, limits, async (wz) => (await readWorkbook(wz))?.sheets.map((s) => s.name) ?? null)
}

/** Rows per batch, and characters per batch: a batch of wide rows is handed over sooner. */
const BATCH_ROWS = 2000
const BATCH_CHARS = 8 * 1024 * 1024

export function xlsxSource(path: string, sheetName?: string, limits: Limits = LIMITS): TableSource {
  const totalBytes = statSync(path).size
  return {
    kind: 'xlsx',
    totalBytes,
    async *batches(onBytes) {
      const opened = await openWorkbookZip(path, limits).catch((e: unknown) => {
        throw e instanceof AppError ? e : workbookDamaged(`its zip structure cannot be read: ${(e as Error).message}`)
      })
      const wz = opened
      try {
        const wb = await readWorkbook(wz)
        const sheet = wb && ((sheetName ? wb.sheets.find((s) => s.name === sheetName) : undefined) ?? wb.sheets[0])
        if (!wb || !sheet || !wz.entries.has(sheet.path)) throw new AppError('IMPORT_FAILED', 'The workbook has no sheet to import.')
        const dateStyles = await readDateStyles(wz)
        const shared = await readSharedStrings(wz)
        const sheetEntry = wz.entries.get(sheet.path)
        // Rows are collected as the XML streams and handed out a batch at a time.
        let batch: CsvRecord[] = []
        let batchChars = 0
        const ready: CsvRecord[][] = []
        let row: string[] = []
        let rowChars = 0
        let rowNo = 0
        let col = 0
        let type = ''
        let style = 0
        let value = ''
        let inValue = false
        let inPhonetic = false
        const base = totalBytes - (sheetEntry?.compressedSize ?? 0)
        // Set when the reader stops early (the mapping step reads only the first rows): parsing must stop too.
        let stopped = false
        const rows = async function* () {
          // parseXmlPart drives the handlers; batches are yielded between chunks.
          const pending: Promise<void> = parseXmlPart(
            wz,
            sheetEntry,
            limits.sheetBytes,
            `the sheet "${sheet.name}"`,
            {
              open: (n, a) => {
                if (n === 'row') {
                  if (a.r) {
                    const r = Number(a.r)
                    if (!Number.isInteger(r) || r < 1) throw workbookDamaged(`a row is numbered "${a.r.slice(0, 20)}"`)
                    rowNo = r
                  } else rowNo++
                  if (rowNo > limits.rows) throw tooManyRows(rowNo)
                  row = []
                  rowChars = 0
                  col = 0
                } else if (n === 'c') {
                  col = a.r ? columnOf(a.r, rowNo, limits.columns) : col
                  if (col >= limits.columns) throw tooManyColumns(rowNo, columnName(col))
                  type = a.t ?? 'n'
                  style = Number(a.s ?? 0)
                  value = ''
                } else if (n === 'v' || n === 't') inValue = true
                else if (n === 'rPh') inPhonetic = true
              },
              text: (t) => {
                if (!inValue || inPhonetic) return
                value += t
                if (value.length > limits.xlsxCellChars) throw cellTooLong(rowNo, columnName(col), limits.xlsxCellChars)
              },
              close: (n) => {
                if (n === 'v' || n === 't') inValue = false
                else if (n === 'rPh') inPhonetic = false
                else if (n === 'c') {
                  let text = value
                  if (type === 's') text = shared.get(Number(value))
                  else if (type === 'b') text = value === '1' ? 'TRUE' : 'FALSE'
                  else if (type === 'n' && value !== '' && dateStyles[style]) text = excelSerialToIso(Number(value), wb.date1904)
                  rowChars += text.length
                  if (rowChars > limits.rowChars) throw rowTooLong(rowNo)
                  while (row.length < col) row.push('')
                  row[col] = text
                  col++
                } else if (n === 'row') {
                  if (row.some((v) => v !== '')) {
                    batch.push({ fields: row, record: rowNo })
                    batchChars += rowChars
                  }
                  if (batch.length >= BATCH_ROWS || batchChars >= BATCH_CHARS) {
                    ready.push(batch)
                    batch = []
                    batchChars = 0
                  }
                }
              },
            },
            async (compressed) => {
              if (stopped) throw new Error('stopped')
              onBytes?.(base + compressed)
              // Backpressure: the XML waits while the importer has batches to work through.
              while (ready.length > 4 && !stopped) await new Promise((r) => setImmediate(r))
            },
          )
          let done = false
          let failure: unknown = null
          void pending.then(
            () => (done = true),
            (e) => {
              failure = e
              done = true
            },
          )
          try {
            while (!done || ready.length) {
              if (ready.length) yield ready.shift() as CsvRecord[]
              else await new Promise((r) => setImmediate(r))
            }
          } finally {
            stopped = true
          }
          if (failure) throw failure
          if (batch.length) yield batch
        }
        yield* rows()
      } finally {
        wz.close()
      }
    },
  }
}

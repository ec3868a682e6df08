import yauzl, { type Entry, type ZipFile } from 'yauzl'
import { SaxesParser } from 'saxes'
import type { Readable } from 'node:stream'
import { statSync } from 'node:fs'
import type { CsvRecord } from '../csv/CsvParser'
import type { TableSource } from './tableSource'
import { AppError } from '../../../src-shared/api/result'

/**
 * A streaming reader for Excel workbooks (.xlsx, Office Open XML): the zip is read by random access
 * (yauzl) and the sheet's XML is parsed as it streams (saxes), so a sheet of a million rows never sits
 * in memory. Shared strings are loaded first (they are referenced by index from the cells). Dates are
 * numbers in a date style; they are given to the importer as ISO local date-times.
 */
const openZip = (path: string) =>
  new Promise<ZipFile>((resolve, reject) => yauzl.open(path, { lazyEntries: true, autoClose: false }, (e, z) => (e || !z ? reject(e) : resolve(z))))

async function entriesOf(zip: ZipFile): Promise<Map<string, Entry>> {
  const out = new Map<string, Entry>()
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (e: Entry) => {
      out.set(e.fileName.replace(/^\//, ''), e)
      zip.readEntry()
    })
    zip.on('end', () => resolve())
    zip.on('error', reject)
    zip.readEntry()
  })
  return out
}

const streamOf = (zip: ZipFile, entry: Entry) =>
  new Promise<Readable>((resolve, reject) => zip.openReadStream(entry, (e, s) => (e || !s ? reject(e) : resolve(s))))

type Handlers = {
  open?: (name: string, attrs: Record<string, string>) => void
  text?: (text: string) => void
  close?: (name: string) => void
}

/** Streams one XML part through saxes; handlers see local names (prefixes dropped). */
async function parseXml(zip: ZipFile, entry: Entry | undefined, h: Handlers, onChunk?: (compressedBytesSoFar: number) => void | Promise<void>): Promise<void> {
  if (!entry) return
  const parser = new SaxesParser()
  const local = (n: string) => n.slice(n.indexOf(':') + 1)
  parser.on('opentag', (t) => h.open?.(local(t.name), t.attributes as Record<string, string>))
  if (h.text) parser.on('text', (t) => h.text?.(t))
  parser.on('closetag', (t) => h.close?.(local(t.name)))
  const stream = await streamOf(zip, entry)
  const decoder = new TextDecoder('utf-8')
  let seen = 0
  for await (const chunk of stream) {
    seen += (chunk as Buffer).length
    parser.write(decoder.decode(chunk as Buffer, { stream: true }))
    await onChunk?.(Math.round((seen / Math.max(1, entry.uncompressedSize)) * entry.compressedSize))
  }
  parser.write(decoder.decode())
  parser.close()
}

interface WorkbookInfo {
  sheets: Array<{ name: string; path: string }>
  date1904: boolean
}

async function readWorkbook(zip: ZipFile, entries: Map<string, Entry>): Promise<WorkbookInfo> {
  const rels = new Map<string, string>()
  await parseXml(zip, entries.get('xl/_rels/workbook.xml.rels'), {
    open: (n, a) => {
      if (n === 'Relationship') rels.set(a.Id, a.Target.startsWith('/') ? a.Target.slice(1) : `xl/${a.Target}`)
    },
  })
  const sheets: WorkbookInfo['sheets'] = []
  let date1904 = false
  await parseXml(zip, entries.get('xl/workbook.xml'), {
    open: (n, a) => {
      if (n === 'sheet') {
        const rid = a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1] ?? ''
        const path = rels.get(rid)
        if (path) sheets.push({ name: a.name, path })
      } else if (n === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true'
    },
  })
  return { sheets, date1904 }
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57])

/** Which cell styles show a number as a date or time. */
async function readDateStyles(zip: ZipFile, entries: Map<string, Entry>): Promise<boolean[]> {
  const custom = new Map<number, boolean>()
  const styles: boolean[] = []
  let inCellXfs = false
  await parseXml(zip, entries.get('xl/styles.xml'), {
    open: (n, a) => {
      if (n === 'numFmt') {
        // A format is a date when it uses date or time letters outside quoted text and [colour] blocks.
        const code = a.formatCode.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '')
        custom.set(Number(a.numFmtId), /[dmyhs]/i.test(code) && !/^general$/i.test(code))
      } else if (n === 'cellXfs') inCellXfs = true
      else if (n === 'xf' && inCellXfs) {
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

async function readSharedStrings(zip: ZipFile, entries: Map<string, Entry>): Promise<string[]> {
  const strings: string[] = []
  let current = ''
  let inT = false
  let inPhonetic = false
  await parseXml(zip, entries.get('xl/sharedStrings.xml'), {
    open: (n) => {
      if (n === 'si') current = ''
      else if (n === 't') inT = true
      else if (n === 'rPh') inPhonetic = true
    },
    text: (t) => {
      if (inT && !inPhonetic) current += t
    },
    close: (n) => {
      if (n === 't') inT = false
      else if (n === 'rPh') inPhonetic = false
      else if (n === 'si') strings.push(current)
    },
  })
  return strings
}

/** Excel's serial day number to an ISO local date-time (Excel stores no time zone). */
export function excelSerialToIso(serial: number, date1904: boolean): string {
  // 1900 system: day 1 is 1900-01-01 and Excel counts a 29 February 1900 that never was.
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30)
  const ms = Math.round(serial * 86_400_000)
  const iso = new Date(epoch + ms).toISOString()
  return serial % 1 === 0 ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ')
}

const columnIndex = (ref: string) => {
  let n = 0
  for (const c of ref) {
    const code = c.charCodeAt(0)
    if (code < 65 || code > 90) break
    n = n * 26 + (code - 64)
  }
  return n - 1
}

export async function xlsxSheetNames(path: string): Promise<string[]> {
  const zip = await openZip(path)
  try {
    return (await readWorkbook(zip, await entriesOf(zip))).sheets.map((s) => s.name)
  } finally {
    zip.close()
  }
}

export function xlsxSource(path: string, sheetName?: string): TableSource {
  const totalBytes = statSync(path).size
  return {
    kind: 'xlsx',
    totalBytes,
    problems: [],
    async *batches(onBytes) {
      let zip: ZipFile
      try {
        zip = await openZip(path)
      } catch {
        throw new AppError('IMPORT_FAILED', 'The file is not a readable Excel workbook (.xlsx).')
      }
      try {
        const entries = await entriesOf(zip)
        const wb = await readWorkbook(zip, entries)
        const sheet = (sheetName ? wb.sheets.find((s) => s.name === sheetName) : undefined) ?? wb.sheets[0]
        if (!sheet || !entries.has(sheet.path)) throw new AppError('IMPORT_FAILED', 'The workbook has no sheet to import.')
        const dateStyles = await readDateStyles(zip, entries)
        const shared = await readSharedStrings(zip, entries)
        const sheetEntry = entries.get(sheet.path)
        // Rows are collected as the XML streams and handed out a batch at a time.
        let batch: CsvRecord[] = []
        const ready: CsvRecord[][] = []
        let row: string[] = []
        let rowNo = 0
        let col = 0
        let type = ''
        let style = 0
        let value = ''
        let inValue = false
        const base = totalBytes - (sheetEntry?.compressedSize ?? 0)
        // Set when the reader stops early (the mapping step reads only the first rows): parsing must stop too.
        let stopped = false
        const rows = async function* () {
          // parseXml drives the handlers; batches are yielded between chunks.
          const pending: Promise<void> = parseXml(
            zip,
            sheetEntry,
            {
              open: (n, a) => {
                if (n === 'row') {
                  rowNo = a.r ? Number(a.r) : rowNo + 1
                  row = []
                  col = 0
                } else if (n === 'c') {
                  col = a.r ? columnIndex(a.r) : col
                  type = a.t ?? 'n'
                  style = Number(a.s ?? 0)
                  value = ''
                } else if (n === 'v' || n === 't') inValue = true
              },
              text: (t) => {
                if (inValue) value += t
              },
              close: (n) => {
                if (n === 'v' || n === 't') inValue = false
                else if (n === 'c') {
                  let text = value
                  if (type === 's') text = shared[Number(value)] ?? ''
                  else if (type === 'b') text = value === '1' ? 'TRUE' : 'FALSE'
                  else if (type === 'n' && value !== '' && dateStyles[style]) text = excelSerialToIso(Number(value), wb.date1904)
                  while (row.length < col) row.push('')
                  row[col] = text
                  col++
                } else if (n === 'row') {
                  if (row.some((v) => v !== '')) batch.push({ fields: row, record: rowNo })
                  if (batch.length >= 2000) {
                    ready.push(batch)
                    batch = []
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
        zip.close()
      }
    },
  }
}

import { closeSync, openSync, rmSync, writeSync } from 'node:fs'
import { constants, crc32, deflateRawSync } from 'node:zlib'
import { neutraliseFormula, type CsvValue } from './csvWriter'

/**
 * A streaming XLSX (SpreadsheetML in a zip) writer: sheets are written row by row, deflated in
 * chunks straight to the file, so memory stays flat whatever the row count. Hand-written rather than
 * a dependency: the repository reads XLSX itself (import/source), the format needed here is small
 * (inline strings and numbers, one bold header row, frozen), and node:zlib gives deflate and CRC-32.
 *
 * The zip is written in one pass: each entry's local header says its sizes follow in a data
 * descriptor (flag bit 3), and each sheet's deflate stream is made of chunks compressed with a
 * sync flush (non-final blocks with no back-references across chunks) ended by an empty final block.
 * Text cells are inline strings, which spreadsheets never evaluate; they are still neutralised like
 * the CSV's (a sheet saved again as CSV must not turn them into formulas).
 */

/** Excel's limits: rows per sheet (a longer table continues on a second sheet) and characters per cell. */
export const XLSX_MAX_ROWS = 1_048_576
const MAX_CELL_CHARS = 32_767
const CHUNK = 512 * 1024
const ZIP32_LIMIT = 0xffff_ffff

const textEncoder = new TextEncoder()

/** Characters XML 1.0 cannot carry (controls other than tab, LF, CR; lone surrogates) are left out. */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const XML_SPECIAL = /[&<>"]/g
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

export function xmlText(text: string): string {
  return text.replace(XML_INVALID, '').replace(XML_SPECIAL, (c) => ESCAPES[c])
}

/** A, B, …, Z, AA, AB, … */
export function columnName(index: number): string {
  let name = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  return name
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\ . */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet'
}

interface Entry {
  name: Uint8Array
  offset: number
  crc: number
  compressed: number
  size: number
  time: number
  date: number
}

/** The zip's entries, written in order to one file. */
class ZipFile {
  private fd: number
  private at = 0
  private entries: Entry[] = []
  private current: (Entry & { raw: string[]; rawLength: number }) | null = null
  private readonly time: number
  private readonly date: number

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w')
    const now = new Date()
    this.time = (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1)
    this.date = ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate()
  }

  get bytes(): number {
    return this.at
  }

  private out(buf: Uint8Array): void {
    let done = 0
    while (done < buf.length) done += writeSync(this.fd, buf, done, buf.length - done)
    this.at += buf.length
    if (this.at > ZIP32_LIMIT) throw new Error('The workbook would be larger than 4 GB; export to CSV instead.')
  }

  begin(name: string): void {
    const entry = { name: textEncoder.encode(name), offset: this.at, crc: 0, compressed: 0, size: 0, time: this.time, date: this.date, raw: [], rawLength: 0 }
    const h = Buffer.alloc(30)
    h.writeUInt32LE(0x04034b50, 0)
    h.writeUInt16LE(20, 4)
    h.writeUInt16LE(0x0808, 6) // sizes in a data descriptor; UTF-8 names
    h.writeUInt16LE(8, 8) // deflate
    h.writeUInt16LE(entry.time, 10)
    h.writeUInt16LE(entry.date, 12)
    h.writeUInt16LE(entry.name.length, 26)
    this.out(h)
    this.out(entry.name)
    this.current = entry
  }

  /** Text of the current entry; deflated a chunk at a time. */
  write(text: string): void {
    const e = this.current!
    e.raw.push(text)
    e.rawLength += text.length
    if (e.rawLength >= CHUNK) this.deflatePending(false)
  }

  private deflatePending(last: boolean): void {
    const e = this.current!
    const data = Buffer.from(e.raw.join(''), 'utf8')
    e.raw = []
    e.rawLength = 0
    e.crc = crc32(data, e.crc)
    e.size += data.length
    if (e.size > ZIP32_LIMIT) throw new Error('A sheet would be larger than 4 GB; export to CSV instead.')
    const packed = deflateRawSync(data, { level: 3, finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH })
    e.compressed += packed.length
    this.out(packed)
  }

  end(): void {
    this.deflatePending(true)
    const e = this.current!
    const d = Buffer.alloc(16)
    d.writeUInt32LE(0x08074b50, 0)
    d.writeUInt32LE(e.crc >>> 0, 4)
    d.writeUInt32LE(e.compressed, 8)
    d.writeUInt32LE(e.size, 12)
    this.out(d)
    this.entries.push(e)
    this.current = null
  }

  file(name: string, text: string): void {
    this.begin(name)
    this.write(text)
    this.end()
  }

  close(): number {
    const start = this.at
    for (const e of this.entries) {
      const c = Buffer.alloc(46)
      c.writeUInt32LE(0x02014b50, 0)
      c.writeUInt16LE(20, 4)
      c.writeUInt16LE(20, 6)
      c.writeUInt16LE(0x0808, 8)
      c.writeUInt16LE(8, 10)
      c.writeUInt16LE(e.time, 12)
      c.writeUInt16LE(e.date, 14)
      c.writeUInt32LE(e.crc >>> 0, 16)
      c.writeUInt32LE(e.compressed, 20)
      c.writeUInt32LE(e.size, 24)
      c.writeUInt16LE(e.name.length, 28)
      c.writeUInt32LE(e.offset, 42)
      this.out(c)
      this.out(e.name)
    }
    const end = Buffer.alloc(22)
    end.writeUInt32LE(0x06054b50, 0)
    end.writeUInt16LE(this.entries.length, 8)
    end.writeUInt16LE(this.entries.length, 10)
    end.writeUInt32LE(this.at - start, 12)
    end.writeUInt32LE(start, 16)
    this.out(end)
    closeSync(this.fd)
    return this.at
  }

  abort(): void {
    try {
      closeSync(this.fd)
    } catch {
      // already closed
    }
    rmSync(this.path, { force: true })
  }
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

/**
 * A workbook written sheet after sheet: `sheet(name, header)`, then `row(values)` for each row,
 * then the next sheet or `close()`. A sheet longer than Excel's limit goes on in "name (2)", with
 * the header again. `abort()` removes the partial file.
 */
export class XlsxWorkbookWriter {
  private zip: ZipFile
  private sheets: string[] = []
  private open: { name: string; header: readonly string[]; part: number; row: number; columns: string[] } | null = null

  /** `maxRows`: rows per sheet, header included (Excel's limit; smaller only in tests). */
  constructor(
    readonly path: string,
    private readonly maxRows = XLSX_MAX_ROWS,
  ) {
    this.zip = new ZipFile(path)
  }

  get bytes(): number {
    return this.zip.bytes
  }

  sheet(name: string, header: readonly string[]): void {
    this.finishSheet()
    this.open = { name: sheetName(name), header, part: 1, row: 0, columns: header.map((_, i) => columnName(i)) }
    this.startPart()
  }

  private startPart(): void {
    const s = this.open!
    const title = s.part === 1 ? s.name : sheetName(`${s.name.slice(0, 25)} (${s.part})`)
    this.sheets.push(title)
    this.zip.begin(`xl/worksheets/sheet${this.sheets.length}.xml`)
    this.zip.write(
      `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>`,
    )
    s.row = 0
    this.writeRow(s.header, 1)
  }

  row(values: readonly CsvValue[]): void {
    const s = this.open
    if (!s) throw new Error('row() before sheet()')
    if (s.row >= this.maxRows) {
      this.endPart()
      s.part++
      this.startPart()
    }
    this.writeRow(values, 0)
  }

  private writeRow(values: readonly CsvValue[], style: number): void {
    const s = this.open!
    const r = ++s.row
    let xml = `<row r="${r}">`
    for (let i = 0; i < values.length; i++) {
      const v = values[i]
      if (v === null || v === undefined || v === '') continue
      const ref = `${s.columns[i] ?? columnName(i)}${r}`
      const styled = style ? ` s="${style}"` : ''
      if (typeof v === 'number') {
        if (Number.isFinite(v)) xml += `<c r="${ref}"${styled}><v>${v}</v></c>`
        continue
      }
      let text = neutraliseFormula(v)
      if (text.length > MAX_CELL_CHARS) text = text.slice(0, MAX_CELL_CHARS)
      const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : ''
      xml += `<c r="${ref}"${styled} t="inlineStr"><is><t${space}>${xmlText(text)}</t></is></c>`
    }
    this.zip.write(`${xml}</row>`)
  }

  private endPart(): void {
    this.zip.write('</sheetData></worksheet>')
    this.zip.end()
  }

  private finishSheet(): void {
    if (!this.open) return
    this.endPart()
    this.open = null
  }

  /** Writes the workbook's parts around the sheets and closes the file; returns its size in bytes. */
  close(): number {
    if (!this.open && !this.sheets.length) throw new Error('A workbook needs at least one sheet.')
    this.finishSheet()
    const n = this.sheets.length
    const ids = Array.from({ length: n }, (_, i) => i + 1)
    this.zip.file(
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${ids
        .map((i) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
        .join('')}</Types>`,
    )
    this.zip.file(
      '_rels/.rels',
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    )
    this.zip.file(
      'xl/workbook.xml',
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${this.sheets.map((name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    )
    this.zip.file(
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${ids
        .map((i) => `<Relationship Id="rId${i}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i}.xml"/>`)
        .join('')}<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
    )
    this.zip.file(
      'xl/styles.xml',
      `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>`,
    )
    return this.zip.close()
  }

  abort(): void {
    this.zip.abort()
  }
}

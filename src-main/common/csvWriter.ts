import { closeSync, openSync, rmSync, writeSync } from 'node:fs'

/**
 * The one CSV writer of the app (exports of responses and customers, survey lists): RFC 4180
 * quoting, CRLF line ends, UTF-8 with a byte-order mark so Excel reads Vietnamese and Thai as such,
 * and text cells neutralised against formula injection.
 */

/** UTF-8's byte-order mark: without it Excel reads a CSV in the machine's legacy code page. */
export const UTF8_BOM = '\uFEFF'

/** A cell value: text, a number, or nothing (an empty cell). */
export type CsvValue = string | number | null | undefined

/**
 * What a spreadsheet may take for the start of a formula (OWASP: CSV injection), and DDE's tab and
 * carriage return — after any apostrophes, so that text typed as '=1 gets a guard of its own too
 * (''=1: a spreadsheet shows '=1, and an import of the export takes one apostrophe off, giving '=1).
 */
const FORMULA_START = /^'*[=+\-@\t\r]/

/**
 * Text a spreadsheet would run as a formula (=HYPERLINK(…), +1+cmd|…, -2+3, @SUM(…)) is written
 * with a leading apostrophe, which spreadsheets show as text and do not evaluate. Numbers are
 * written as numbers (a negative score stays a number): only text is neutralised.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/**
 * neutraliseFormula undone, for imports of CX Desk's own exports only (the import recognises one by
 * its header: import/formats/ownExportFormat.ts; in another file an apostrophe was typed): text
 * written as `'=…`, `'+…`, `'-…`, `'@…`, `'<tab>…` or `'<CR>…` comes back as it was typed. An
 * apostrophe before anything else is kept (it was typed).
 */
export function restoreNeutralised(text: string): string {
  return text.length > 1 && text.charCodeAt(0) === 39 && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text
}

/** One cell as CSV: empty for nothing, numbers as they are, text neutralised and quoted when it must be. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  // Most cells need neither: one test for both on the way out.
  if (!NEEDS_CARE.test(value)) return value
  const text = neutraliseFormula(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** A cell that needs quoting (a quote, comma or line break) or neutralising (a formula's first character). */
const NEEDS_CARE = /[",\r\n]|^'*[=+\-@\t]/

/** One record, with its line end. */
export function csvLine(values: readonly CsvValue[]): string {
  let line = ''
  for (let i = 0; i < values.length; i++) line += (i ? ',' : '') + csvCell(values[i])
  return `${line}\r\n`
}

/** A whole small table as CSV text, BOM first (for lists that fit in memory). */
export function csvText(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  let out = UTF8_BOM + csvLine(header)
  for (const row of rows) out += csvLine(row)
  return out
}

/** Bytes gathered before one write to the file: few system calls, and memory bounded whatever the row count. */
const FLUSH_AT = 256 * 1024

/**
 * Writes a CSV file as rows arrive, with bounded memory: lines are gathered up to FLUSH_AT bytes
 * and written synchronously. `abort` removes the partial file (a cancelled or failed export leaves
 * nothing behind).
 */
export class CsvFileWriter {
  private fd: number
  private pending = ''
  private written = 0
  rows = 0

  constructor(
    readonly path: string,
    header: readonly string[],
    /** Bytes (of UTF-16 text, near enough) gathered before a write: 256 KB, or 1 MB for a large export. */
    private readonly flushAt = FLUSH_AT,
  ) {
    this.fd = openSync(path, 'w')
    this.pending = UTF8_BOM + csvLine(header)
  }

  write(values: readonly CsvValue[]): void {
    this.pending += csvLine(values)
    this.rows++
    if (this.pending.length >= this.flushAt) this.flush()
  }

  /**
   * A record already written as CSV (csvLine's text, line end included): the export's fast path.
   * Encoded straight into one reused buffer of `flushAt` bytes (no string of a megabyte built up and
   * copied again, no new Buffer per write: less for the garbage collector).
   */
  writeLine(line: string): void {
    this.rows++
    if (this.pending) this.flush()
    let buf = this.chunk
    if (!buf) buf = this.chunk = Buffer.allocUnsafe(this.flushAt)
    // UTF-8 takes at most three bytes per UTF-16 unit.
    if (this.used + line.length * 3 > buf.length) {
      this.flushChunk()
      if (line.length * 3 > buf.length) {
        this.writeAll(Buffer.from(line, 'utf8'))
        return
      }
    }
    this.used += buf.write(line, this.used, 'utf8')
  }

  /** Whole records already encoded as CSV lines (UTF-8): an export's reader threads' chunks, written as they are. */
  writeBytes(bytes: Uint8Array, rows: number): void {
    this.flush()
    this.rows += rows
    this.writeAll(bytes)
  }

  private chunk: Buffer | null = null
  private used = 0

  private flushChunk(): void {
    if (!this.chunk || !this.used) return
    this.writeAll(this.chunk.subarray(0, this.used))
    this.used = 0
  }

  private writeAll(buf: Uint8Array): void {
    let at = 0
    while (at < buf.length) at += writeSync(this.fd, buf, at, buf.length - at)
    this.written += buf.length
  }

  /** Bytes written so far (the pending lines not yet counted). */
  get bytes(): number {
    return this.written
  }

  private flush(): void {
    this.flushChunk()
    if (!this.pending) return
    const buf = Buffer.from(this.pending, 'utf8')
    this.pending = ''
    this.writeAll(buf)
  }

  /** Writes what is left and closes the file; returns its size in bytes. */
  close(): number {
    this.flush()
    closeSync(this.fd)
    return this.written
  }

  /** Closes and deletes the partial file. */
  abort(): void {
    try {
      closeSync(this.fd)
    } catch {
      // already closed
    }
    rmSync(this.path, { force: true })
  }
}

import { cellTooLong, LIMITS, rowTooLong, tooManyFields } from '../source/limits'

export interface CsvRecord {
  fields: string[]
  /** 1-based record number, the way a spreadsheet counts rows (the header is record 1). */
  record: number
  /** A quoted field of this record never closed: it ran on to the end of the file, so the record holds the rest of it. */
  unterminated?: true
}

/**
 * Incremental RFC 4180 parser: feed it text chunks as they stream in, get complete records back.
 * Handles quoted fields with delimiters, doubled quotes and line breaks inside, and CRLF/LF/CR
 * line ends. Memory holds one record at a time, never the file, and a record is bounded: fields per
 * record, characters per field and per record (limits.ts), so one enormous line or a quote that never
 * closes is refused with its row number instead of growing a string without end.
 */
export class CsvParser {
  private field = ''
  private fields: string[] = []
  private inQuotes = false
  /** A quote seen inside a quoted field: either the closing quote or the first of a doubled pair. */
  private quoteSeen = false
  private lastWasCR = false
  private recordNo = 0
  private fieldStarted = false
  /** Characters in the finished fields of the current record. */
  private recordChars = 0

  constructor(
    private readonly delimiter = ',',
    private readonly limits: { columns: number; csvFieldChars: number; rowChars: number } = LIMITS,
  ) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') throw new Error(`Unusable delimiter ${JSON.stringify(delimiter)}`)
  }

  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = []
    const d = this.delimiter
    let i = 0
    const n = chunk.length
    while (i < n) {
      const c = chunk[i]
      if (this.inQuotes) {
        if (this.quoteSeen) {
          this.quoteSeen = false
          if (c === '"') {
            this.field += '"'
            i++
            continue
          }
          this.inQuotes = false
          // fall through: c is handled as an unquoted character below
        } else {
          // Step over doubled quotes to the closing one and append the whole run at once: appending one quote per
          // pair built a string of a million pieces from a field of "" pairs, which exhausted the reader thread's
          // memory before the field's length bound was reached. split + join, not replaceAll: on a 1 MB chunk of pairs
          // replaceAll held 18 MB at once, split + join 5 MB.
          let q = chunk.indexOf('"', i)
          let doubled = false
          while (q !== -1 && q + 1 < n && chunk[q + 1] === '"') {
            doubled = true
            q = chunk.indexOf('"', q + 2)
          }
          const run = chunk.slice(i, q === -1 ? n : q)
          this.field += doubled ? run.split('""').join('"') : run
          this.checkField()
          if (q === -1) return out
          this.quoteSeen = true
          i = q + 1
          continue
        }
      }
      if (this.lastWasCR) {
        this.lastWasCR = false
        if (c === '\n') {
          i++
          continue
        }
      }
      if (c === d) {
        this.fields.push(this.field)
        this.recordChars += this.field.length
        if (this.fields.length >= this.limits.columns) throw tooManyFields(this.recordNo + 1)
        if (this.recordChars > this.limits.rowChars) throw rowTooLong(this.recordNo + 1)
        this.field = ''
        this.fieldStarted = true
        i++
      } else if (c === '\n' || c === '\r') {
        this.lastWasCR = c === '\r'
        this.endRecord(out)
        i++
      } else if (c === '"' && this.field === '') {
        this.inQuotes = true
        this.fieldStarted = true
        i++
      } else {
        // Scan a run of plain characters at once: much faster than one at a time.
        let j = i + 1
        while (j < n) {
          const cj = chunk[j]
          if (cj === d || cj === '\n' || cj === '\r') break
          j++
        }
        this.field += chunk.slice(i, j)
        this.checkField()
        this.fieldStarted = true
        i = j
      }
    }
    return out
  }

  /** Flushes the last record, marked `unterminated` when a quoted field in it never closed. */
  end(): CsvRecord[] {
    const out: CsvRecord[] = []
    const unterminated = this.inQuotes && !this.quoteSeen
    this.inQuotes = false
    this.quoteSeen = false
    if (this.fieldStarted || this.field !== '' || this.fields.length > 0) this.endRecord(out)
    if (unterminated && out.length) out[0].unterminated = true
    return out
  }

  private checkField(): void {
    if (this.field.length > this.limits.csvFieldChars) throw cellTooLong(this.recordNo + 1, String(this.fields.length + 1), this.limits.csvFieldChars, this.inQuotes)
    if (this.recordChars + this.field.length > this.limits.rowChars) throw rowTooLong(this.recordNo + 1)
  }

  private endRecord(out: CsvRecord[]): void {
    this.fields.push(this.field)
    this.recordChars = 0
    this.recordNo++
    const fields = this.fields
    this.fields = []
    this.field = ''
    this.fieldStarted = false
    // A blank line is not a record (spreadsheets often leave a trailing one).
    if (fields.length === 1 && fields[0] === '') return
    out.push({ fields, record: this.recordNo })
  }
}

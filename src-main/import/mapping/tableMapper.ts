import type { ImportMapping, RowError, ScoreSpec } from '../../../src-shared/api/imports'
import { localDateConverter } from '../../../src-shared/domain/timezone'
import { questionKeyOf } from '../../db/questionLookup'
import type { CsvRecord } from '../csv/CsvParser'
import { addDateEvidence, emptyEvidence, type DateEvidence } from '../../../src-shared/domain/dateText'
import type { NormalizedCustomer } from '../formats/normalized'
import { rowError } from '../rowError'
import { customerRowMapper, responseRowMapper } from './rowMapper'

/** How many rejected rows are listed by number; the count covers all of them. */
export const MAX_LISTED_ERRORS = 200

import type { WireResponse } from './wire'

export { WIRE, type WireResponse } from './wire'

/** A batch of mapped rows: responses on the wire, or customers. `headers` from the batch that completes the header rows on. */
export interface MappedBatch {
  headers: string[] | null
  items: Array<WireResponse | NormalizedCustomer>
  /** How far into the file (bytes), and how many data rows so far. */
  bytesRead: number
  rowsRead: number
}

/** What reading the whole table found besides its rows. */
export interface MappingOutcome {
  headers: string[] | null
  rowsRead: number
  rejected: number
  /** The first MAX_LISTED_ERRORS rejected rows, in file order. */
  errors: RowError[]
  dateEvidence: DateEvidence | null
}

export interface TableMapperOptions {
  mapping: ImportMapping
  sourceKey: string
  /** The workspace's zone: times without a zone are read in it, and local dates are cut in it. */
  timezone: string
  /** The workspace holds rows keyed by an older version (see rowKeys.ts). */
  legacyKeys?: boolean
  /** CSV rows must have the header's width; spreadsheets leave trailing empty cells out. */
  sourceKind: 'csv' | 'xlsx'
}

/**
 * Turns a table's records into rows to write: header rows, row width, the date column's evidence,
 * the mapping, rejected rows by number. Touches no database, so it can run on its own thread.
 */
export class TableMapper {
  private headers: string[] | null = null
  private headerRowsSeen = 0
  private rowsRead = 0
  private rejected = 0
  private readonly errors: RowError[] = []
  private readonly evidence = emptyEvidence()
  private readonly dateIndex: number | null
  private readonly localDateOf: (epochMs: number) => string
  private mapRow: ((fields: string[], row: number, out: MappedBatch['items']) => void) | null = null

  constructor(private readonly opts: TableMapperOptions) {
    this.dateIndex = opts.mapping.columns.find((c) => c.role === 'date')?.index ?? null
    this.localDateOf = localDateConverter(opts.timezone)
  }

  private reject(e: RowError): void {
    this.rejected++
    if (this.errors.length < MAX_LISTED_ERRORS) this.errors.push(e)
  }

  private rowMapper(headers: string[]): (fields: string[], row: number, out: MappedBatch['items']) => void {
    const { mapping, sourceKey, timezone } = this.opts
    if (mapping.kind === 'customers') {
      const map = customerRowMapper(mapping, headers, { sourceKey, timezone })
      return (fields, row, out) => {
        const m = map(fields, row)
        if (m.ok) out.push(m.values[0])
        else this.reject(m.error)
      }
    }
    // The question key of an answer, made once per column or standard scale rather than once per row.
    // Keyed by the column, or by the scale's object for a metric the row names (one per metric: rowMapper.ts).
    const keys = new Map<ScoreSpec | number, string>()
    const questionKey = (spec: ScoreSpec, column: number | null): string => {
      const at = column ?? spec
      let key = keys.get(at)
      if (key === undefined) keys.set(at, (key = questionKeyOf(spec, column)))
      return key
    }
    const map = responseRowMapper(mapping, headers, { sourceKey, timezone, legacyKeys: this.opts.legacyKeys, localDateOf: this.localDateOf, questionKey })
    return (fields, row, out) => {
      const error = map(fields, row, out as WireResponse[])
      if (error) this.reject(error)
    }
  }

  /** Maps one batch of records read from the file. */
  map(records: CsvRecord[], bytesRead: number): MappedBatch {
    const items: MappedBatch['items'] = []
    const { mapping } = this.opts
    for (const rec of records) {
      if (this.headerRowsSeen < mapping.headerRows) {
        if (this.headerRowsSeen === 0) this.headers = rec.fields.map((h) => h.trim())
        this.headerRowsSeen++
        if (this.headerRowsSeen === mapping.headerRows) this.mapRow = this.rowMapper(this.headers ?? [])
        continue
      }
      this.rowsRead++
      // The rest of the file ran into one of its fields: rejected whole (and once), never mapped.
      if (rec.unterminated) {
        this.reject(rowError(rec.record, null, 'unterminatedQuote'))
        continue
      }
      // In a CSV every row has the header's width; a different count means a broken row (a stray quote or delimiter).
      if (this.opts.sourceKind === 'csv' && this.headers && rec.fields.length !== this.headers.length) {
        this.reject(rowError(rec.record, null, 'columnCount', { expected: this.headers.length, found: rec.fields.length }))
        continue
      }
      if (this.dateIndex !== null) addDateEvidence(this.evidence, rec.fields[this.dateIndex] ?? '')
      this.mapRow?.(rec.fields, rec.record, items)
    }
    return { headers: this.mapRow ? this.headers : null, items, bytesRead, rowsRead: this.rowsRead }
  }

  /** The outcome once every record is mapped. */
  finish(): MappingOutcome {
    return { headers: this.headers, rowsRead: this.rowsRead, rejected: this.rejected, errors: this.errors, dateEvidence: this.dateIndex === null ? null : this.evidence }
  }
}

import type { CsvRecord } from '../csv/CsvParser'

/** A table read from a file a batch of records at a time, so memory never holds the whole file. */
export interface TableSource {
  readonly kind: 'csv' | 'xlsx'
  readonly totalBytes: number
  /** Records in file order; `onBytes` reports how far into the file reading has got. */
  batches(onBytes?: (bytesRead: number) => void): AsyncIterable<CsvRecord[]>
}

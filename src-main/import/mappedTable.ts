import type { TableSource } from './source/tableSource'
import { TableMapper, type MappedBatch, type MappingOutcome, type TableMapperOptions } from './mapping/tableMapper'

/**
 * Rows per batch. A source reads ~6,000 rows at a time; smaller batches wait less between reading
 * and writing, so fewer of them outlive the young generation and the heap stays smaller.
 */
const BATCH_ROWS = 1_000

/** A table read through its mapping, a batch at a time: on this thread, or on a reader thread (worker/readInWorker.ts). */
export interface MappedTable {
  readonly totalBytes: number
  batches(): AsyncIterable<MappedBatch>
  /** What reading found besides the rows; available once batches() has ended. */
  outcome(): MappingOutcome
  /** Stops reading (a cancel or an error) and releases the reader; safe to call more than once. */
  close(): Promise<void>
}

/** Reads and maps on the calling thread (workspaces in memory, and the reader thread itself). */
export function mapInThisThread(source: TableSource, opts: Omit<TableMapperOptions, 'sourceKind'>): MappedTable {
  const mapper = new TableMapper({ ...opts, sourceKind: source.kind })
  let outcome: MappingOutcome | null = null
  let bytesRead = 0
  return {
    totalBytes: source.totalBytes,
    async *batches() {
      for await (const records of source.batches((b) => (bytesRead = b)))
        for (let i = 0; i < records.length; i += BATCH_ROWS) yield mapper.map(records.slice(i, i + BATCH_ROWS), bytesRead)
      outcome = mapper.finish()
    },
    outcome() {
      if (!outcome) throw new Error('The table has not been read to its end.')
      return outcome
    },
    close: async () => undefined,
  }
}

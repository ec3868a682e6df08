import type { ImportMapping, ImportSummary } from '../../../src-shared/api/imports'
import type { ErrorCode } from '../../../src-shared/api/result'
import type { MappedBatch, MappingOutcome } from '../mapping/tableMapper'

/** What the main process hands the import worker. The file itself arrives as TableMessages. */
export interface ImportWorkerData {
  dbPath: string
  nativeBinding?: string
  fileName: string
  mapping: ImportMapping
  dryRun: boolean
  now: number
  /** Int32Array over it: [0] becomes 1 when the user cancels. Read between batches, even while the worker is busy. */
  cancel: SharedArrayBuffer
}

export type ImportWorkerMessage =
  | { type: 'progress'; bytesRead: number; totalBytes: number; rowsRead: number }
  | { type: 'done'; summary: ImportSummary }
  | { type: 'failed'; code: ErrorCode; message: string }
  /** A batch was taken: the main process may send one more. */
  | { type: 'ack' }

/** The mapped file, from the main process to the worker, in order: open, batches, then end (or failed at any point). */
export type TableMessage =
  | { type: 'open'; totalBytes: number }
  | { type: 'batch'; batch: MappedBatch }
  | { type: 'end'; outcome: MappingOutcome }
  | { type: 'failed'; name: string; message: string; code?: ErrorCode }

import type { ImportMapping, ImportSummary } from '../../../src-shared/api/imports'
import type { ErrorCode } from '../../../src-shared/api/result'
import type { MappedBatch, MappingOutcome } from '../mapping/tableMapper'

/** What the main process hands the import worker. */
export interface ImportWorkerData {
  dbPath: string
  nativeBinding?: string
  path: string
  fileName: string
  mapping: ImportMapping
  sourceKey: string
  dryRun: boolean
  timezone: string
  now: number
  /** Int32Array over it: [0] becomes 1 when the user cancels. Read between batches, even while the worker is busy. */
  cancel: SharedArrayBuffer
}

export type ImportWorkerMessage =
  | { type: 'progress'; bytesRead: number; totalBytes: number; rowsRead: number }
  | { type: 'done'; summary: ImportSummary }
  | { type: 'failed'; code: ErrorCode; message: string }

/** What the import worker hands its reader thread: the file and how to map it. */
export type ReaderData = Pick<ImportWorkerData, 'path' | 'fileName' | 'mapping' | 'sourceKey' | 'timezone'>

/** The mapped file, from the reader thread to the import worker, in order: open, batches, then end (or failed at any point). */
export type TableMessage =
  | { type: 'open'; totalBytes: number }
  | { type: 'batch'; batch: MappedBatch }
  | { type: 'end'; outcome: MappingOutcome }
  | { type: 'failed'; name: string; message: string; code?: ErrorCode }

/** The import worker took a batch: the reader may send one more. */
export type TableAck = { type: 'ack' }

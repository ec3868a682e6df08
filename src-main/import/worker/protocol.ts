import type { ImportKind, ImportMapping, ImportStage, ImportSummary } from '../../../src-shared/api/imports'
import type { ErrorCode } from '../../../src-shared/api/result'
import type { MappedBatch, MappingOutcome } from '../mapping/tableMapper'
import type { InspectOptions, TableInspection } from '../openTable'

/** What the main process hands the import worker. */
export interface ImportWorkerData {
  dbPath: string
  nativeBinding?: string
  path: string
  fileName: string
  /** How to look at the file first; the mapping comes back from the main thread once it has seen the inspection. */
  kind: ImportKind
  inspect: InspectOptions
  dryRun: boolean
  timezone: string
  now: number
  /** Int32Array over it: [0] becomes 1 when the user cancels. Read between batches, even while the worker is busy. */
  cancel: SharedArrayBuffer
}

/** The mapping to import with, decided by the main thread from the inspection (remembered mappings live in its workspace). */
export interface MappingChoice {
  mapping: ImportMapping
  sourceKey: string
}

export type ImportWorkerMessage =
  | { type: 'inspected'; inspection: TableInspection }
  | { type: 'progress'; stage: ImportStage; bytesRead: number; totalBytes: number; rowsRead: number }
  | { type: 'done'; summary: ImportSummary }
  | { type: 'failed'; code: ErrorCode; message: string; details?: Record<string, unknown> }

/** From the main thread to the import worker, after 'inspected'. */
export type ImportWorkerOrder = { type: 'mapping' } & MappingChoice

/** What the import worker hands its reader thread: the file, which it inspects at once; then a ReadOrder. */
export type ReaderData = Pick<ImportWorkerData, 'path' | 'fileName' | 'kind' | 'inspect'> & { task: 'read' }

/** How to map the file, once the main thread has chosen. */
export type ReadOrder = { type: 'read'; timezone: string; legacyKeys: boolean } & MappingChoice

/** The same thread's other job: the mapping step's look at the start of a file (openTable.ts's inspectTable). */
export interface InspectData {
  task: 'inspect'
  path: string
  fileName: string
  kind: ImportKind
  opts: InspectOptions
}

/** An error as it crosses between threads: an AppError keeps its code and details, anything else its name. */
export type FailedMessage = { type: 'failed'; name: string; message: string; code?: ErrorCode; details?: Record<string, unknown> }

export type InspectMessage = { type: 'inspected'; inspection: TableInspection } | FailedMessage

/** From the reader thread to the import worker, in order: inspected, open, batches, then end (or failed at any point). */
export type TableMessage =
  | { type: 'inspected'; inspection: TableInspection }
  | { type: 'open'; totalBytes: number }
  | { type: 'batch'; batch: MappedBatch }
  | { type: 'end'; outcome: MappingOutcome }
  | FailedMessage

/** The import worker took a batch: the reader may send one more. */
export type TableAck = { type: 'ack' }

import type { ImportMapping, ImportSummary } from '../../../src-shared/api/imports'
import type { ErrorCode } from '../../../src-shared/api/result'

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

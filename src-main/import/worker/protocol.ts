import type { ImportMapping } from '../../../src-shared/api/imports'
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
}

/** How far the import is (src-main/workers/protocol.ts carries it, and the cancel flag read between batches). */
export type ImportProgressMessage = { bytesRead: number; totalBytes: number; rowsRead: number }

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

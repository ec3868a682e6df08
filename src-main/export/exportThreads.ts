import { availableParallelism } from 'node:os'
import { AppError } from '../../src-shared/api/result'
import { startJob, type WorkerJob } from '../workers/startJob'
import { KEY_ABOVE_ALL, KEY_BELOW_ALL, type CsvPageQuery, type ExportKey, type ExportQuestion } from './exportRangeRepository'

/**
 * A large CSV export of responses read by several threads (issue 17: a million rows within 3× of
 * DuckDB's COPY). Reading is most of an export's time (raw better-sqlite3 pages, ~9 µs a row), and
 * one thread reads at a time per connection, so the rows in the export's order (newest first) are
 * cut into ranges of `rangeRows` by a quick walk over an index (exportRangeEnds), and reader threads
 * (exportWorker.ts) take the ranges in order, each on a read-only connection of its own: a thread
 * that is done with a range claims the next one from a shared counter, so a thread that gets less of
 * a busy machine's CPU reads fewer ranges rather than holding the others up. Each formats its rows into
 * CSV chunks (the same lines as the single-threaded path) and hands them over; this thread writes
 * them to the file strictly in range order, so the bytes are those of the single-threaded export.
 *
 * Memory stays flat: a thread runs at most `ahead` chunks ahead of what was written (it waits on a
 * shared counter this thread moves), and a range is small enough (a few chunks) that the thread
 * reading the next range is rarely held up by that. Cancel reaches every thread through its flag.
 *
 * The chunks live in a ring of `ahead + 1` shared buffers per thread, made here once: a thread
 * encodes into the slot of its next chunk once this thread has written that slot's last chunk (the
 * same counter), and hands over only the slot's number and length. No buffer is allocated, faulted
 * in and freed per chunk (a fresh megabyte per chunk was part of the kernel's ≈ 13 % of the
 * export's CPU); only a row longer than a slot travels in a buffer of its own (transferred).
 */
export interface ExportThreads {
  /** From this many rows on (and only for a workspace in a file: threads open it themselves). */
  from: number
  /** Reader threads (at least two: this thread only writes). */
  count: number
  /** Rows per range. */
  rangeRows: number
  /** Bytes per chunk a thread hands over. */
  chunkBytes: number
  /** Chunks a thread may be ahead of the writing (its ring has one slot more: the chunk being filled). */
  ahead: number
  /** The reader threads' memory map of the file (0: none). */
  mmapBytes: number
  /** The reader threads' page cache, KiB (0: SQLite's default, 2 MB). */
  cacheSizeKiB: number
  /** The reader threads' young generation (V8's semi-spaces), in MB; 0: V8's default. */
  youngGenerationMb: number
}

/** `CXDESK_EXPORT_THREADS_FROM` changes the threshold (0: threads for every export of a workspace file). */
const fromEnv = process.env.CXDESK_EXPORT_THREADS_FROM
export function defaultExportThreads(): ExportThreads {
  return {
    from: fromEnv !== undefined && fromEnv !== '' && Number.isFinite(Number(fromEnv)) ? Number(fromEnv) : 20_000,
    count: Math.max(2, Math.min(availableParallelism(), 4)),
    rangeRows: 10_000,
    chunkBytes: 1 << 20,
    ahead: 8,
    // As the CLI's read-only connection (db/connect.ts openWorkspaceForReading): pages straight from
    // the OS's cache; without it a thread made a read() per page, ~145,000 of them at 200,000 rows.
    mmapBytes: 2 ** 31,
    cacheSizeKiB: 0,
    youngGenerationMb: 0,
  }
}

/** One range of the export's order: below `upper` (excluded), at or above `lower` (included). */
export interface ExportRange {
  index: number
  upper: ExportKey
  lower: ExportKey
}

/** What a reader thread is started with. */
export interface ExportWorkerData {
  path: string
  nativeBinding?: string
  query: CsvPageQuery
  timezone: string
  questions: Map<number, ExportQuestion>
  /** Read every customer up front (the export has at least as many rows as the workspace has customers). */
  preloadCustomers: boolean
  ranges: ExportRange[]
  /**
   * This thread's ring of chunk buffers (`ahead + 1` of `chunkBytes`): its chunk number k is encoded
   * into slot k % slots.length, once `written` says chunk k - slots.length was written.
   */
  slots: SharedArrayBuffer[]
  mmapBytes: number
  cacheSizeKiB: number
  /** Int32Array over it, [0]: how many of this thread's chunks were written (moved by the main thread). */
  written: SharedArrayBuffer
  /** Int32Array over it, [0]: the next range a thread takes (shared by all the export's threads). */
  nextRange: SharedArrayBuffer
}

/** A chunk of CSV lines of one range, whole rows only; the range's last chunk says `end` (it may be empty). */
export interface ExportChunk {
  range: number
  rows: number
  /** Its bytes: the first `length` of the thread's slot (ExportWorkerData.slots) … */
  slot: number
  length: number
  /** … or, with slot -1, these (a row longer than a slot, in a buffer of its own; or nothing). */
  bytes?: Uint8Array
  end: boolean
}

/** The ranges between the range ends exportRangeEnds found: the last one is open below. */
export function rangesFrom(ends: readonly ExportKey[]): ExportRange[] {
  const ranges: ExportRange[] = []
  let upper = KEY_ABOVE_ALL
  for (const end of ends) {
    ranges.push({ index: ranges.length, upper, lower: end })
    upper = end
  }
  ranges.push({ index: ranges.length, upper, lower: KEY_BELOW_ALL })
  return ranges
}

export interface ThreadedCsvRequest {
  path: string
  nativeBinding?: string
  query: CsvPageQuery
  timezone: string
  questions: Map<number, ExportQuestion>
  preloadCustomers: boolean
  ranges: ExportRange[]
  threads: ExportThreads
  signal: AbortSignal
  /** Writes a chunk (synchronously) and counts its rows; a throw stops the export. */
  write(bytes: Uint8Array, rows: number): void
}

/** Reads and formats the ranges in reader threads and writes them in order; resolves with the rows written. */
export async function writeCsvInThreads(req: ThreadedCsvRequest): Promise<number> {
  const { ranges, threads } = req
  const n = Math.max(1, Math.min(threads.count, ranges.length))
  const waiting = new Map<number, Array<{ chunk: ExportChunk; thread: number }>>()
  const counters: Int32Array[] = []
  /** Each thread's slots, as this thread reads them. */
  const slotViews: Uint8Array[][] = []
  const jobs: WorkerJob<number>[] = []
  let current = 0
  let rows = 0
  let failure: unknown = null

  const stopAll = (e: unknown) => {
    if (failure === null) failure = e
    for (const j of jobs) j.cancel()
  }
  const written = (thread: number) => {
    Atomics.add(counters[thread], 0, 1)
    Atomics.notify(counters[thread], 0)
  }
  const put = (chunk: ExportChunk, thread: number) => {
    const bytes = chunk.slot >= 0 ? slotViews[thread][chunk.slot].subarray(0, chunk.length) : chunk.bytes
    // Written synchronously: the slot is free again once the counter moves.
    if (bytes?.length) req.write(bytes, chunk.rows)
    rows += chunk.rows
    written(thread)
    if (chunk.end) current++
  }
  const receive = (chunk: ExportChunk, thread: number) => {
    if (failure !== null) return
    try {
      if (chunk.range !== current) {
        const list = waiting.get(chunk.range)
        if (list) list.push({ chunk, thread })
        else waiting.set(chunk.range, [{ chunk, thread }])
        return
      }
      put(chunk, thread)
      // The ranges that were waiting for this one, as far as they are whole or being read.
      for (let next = waiting.get(current); next && failure === null; next = waiting.get(current)) {
        waiting.delete(current)
        const at = current
        for (const w of next) put(w.chunk, w.thread)
        if (current === at) break
      }
    } catch (e) {
      stopAll(e)
    }
  }

  const onAbort = () => stopAll(new AppError('CANCELLED', 'The export was cancelled.'))
  req.signal.addEventListener('abort', onAbort)
  try {
    const nextRange = new SharedArrayBuffer(4)
    for (let t = 0; t < n; t++) {
      const counter = new SharedArrayBuffer(4)
      counters.push(new Int32Array(counter))
      const slots = Array.from({ length: Math.max(1, threads.ahead) + 1 }, () => new SharedArrayBuffer(threads.chunkBytes))
      slotViews.push(slots.map((s) => new Uint8Array(s)))
      const data: ExportWorkerData = {
        path: req.path,
        nativeBinding: req.nativeBinding,
        query: req.query,
        timezone: req.timezone,
        questions: req.questions,
        preloadCustomers: req.preloadCustomers,
        ranges,
        slots,
        mmapBytes: threads.mmapBytes,
        cacheSizeKiB: threads.cacheSizeKiB,
        written: counter,
        nextRange,
      }
      const job = startJob<ExportWorkerData, ExportChunk, number>('exportWorker', data, {
        onProgress: (chunk) => receive(chunk, t),
        resourceLimits: threads.youngGenerationMb ? { maxYoungGenerationSizeMb: threads.youngGenerationMb } : undefined,
        crashed: { code: 'INTERNAL', message: (reason) => `A thread reading the export stopped unexpectedly (${reason}).` },
      })
      jobs.push(job)
      job.done.catch((e: unknown) => stopAll(e))
    }
    if (req.signal.aborted) onAbort()
    await Promise.allSettled(jobs.map((j) => j.done))
  } finally {
    req.signal.removeEventListener('abort', onAbort)
  }
  if (failure !== null) throw failure
  if (current !== ranges.length) throw new AppError('INTERNAL', `The export's reader threads ended after ${current} of ${ranges.length} ranges.`)
  return rows
}

/**
 * An export's reader thread (export/exportThreads.ts): reads its key ranges of the responses on a
 * read-only connection of its own, writes each row as its CSV line (responseCsv.ts, the very bytes
 * of the single-threaded path) into chunks of about a megabyte, and hands each chunk over to the
 * main thread (transferred, not copied), which writes the ranges to the file in order. It runs at
 * most `ahead` chunks ahead of what the main thread has written (then waits), so memory stays flat
 * whatever the row count. Started through src-main/workers (bundled as out/main/exportWorker.js and
 * out/cli/exportWorker.js).
 */
import { openReaderConnection } from '../db/readerConnection'
import { AppError } from '../../src-shared/api/appError'
import { serveJob } from '../workers/serveJob'
import { csvPagesOn, csvResponseColumn as C, EXPORT_PAGE, exportLookupsOn, type ExportKey } from './exportRangeRepository'
import { responseCsvLine } from './responseCsv'
import type { ExportChunk, ExportWorkerData } from './exportThreads'

/** How long a wait for the main thread lasts before the cancel flag is looked at again. */
const WAIT_MS = 50

serveJob<ExportWorkerData, ExportChunk, number>((data, control) => {
  const sqlite = openReaderConnection(data.path, { nativeBinding: data.nativeBinding, busyTimeoutMs: 30_000, mmapBytes: data.mmapBytes, cacheSizeKiB: data.cacheSizeKiB })
  try {
    const pages = csvPagesOn(sqlite, data.query)
    const line = responseCsvLine(data.timezone, data.questions, exportLookupsOn(sqlite), data.preloadCustomers)
    const written = new Int32Array(data.written)
    const cancelled = () => new AppError('CANCELLED', 'The export was cancelled.')
    let sent = 0
    // Its own memory (not Node's shared pool), so it can be transferred.
    let buf = Buffer.allocUnsafeSlow(data.chunkBytes)
    let used = 0
    let rows = 0
    let total = 0

    /** Hands the chunk so far to the main thread, once it is at most `ahead` chunks behind. */
    const send = (range: number, end: boolean) => {
      for (;;) {
        const seen = Atomics.load(written, 0)
        if (sent - seen < data.ahead) break
        if (control.isCancelled()) throw cancelled()
        Atomics.wait(written, 0, seen, WAIT_MS)
      }
      const bytes = buf.subarray(0, used)
      control.progress({ range, rows, bytes, end }, [buf.buffer as ArrayBuffer])
      sent++
      buf = Buffer.allocUnsafeSlow(data.chunkBytes)
      used = 0
      rows = 0
    }

    // Ranges are claimed in order from a shared counter: a thread that gets more of the CPU reads more of them.
    const next = new Int32Array(data.nextRange)
    for (let i = Atomics.add(next, 0, 1); i < data.ranges.length; i = Atomics.add(next, 0, 1)) {
      const range = data.ranges[i]
      let upper: ExportKey = range.upper
      for (;;) {
        if (control.isCancelled()) throw cancelled()
        const page = pages.page(upper, range.lower)
        for (const r of page) {
          const text = line(r)
          // UTF-8 takes at most three bytes per UTF-16 unit.
          if (used + text.length * 3 > buf.length) {
            if (used) send(range.index, false)
            // A row longer than a chunk (a comment of megabytes) gets a chunk of its own size.
            if (text.length * 3 > buf.length) buf = Buffer.allocUnsafeSlow(text.length * 3)
          }
          used += buf.write(text, used, 'utf8')
          rows++
          total++
        }
        if (page.length < EXPORT_PAGE) break
        const last = page[page.length - 1]
        upper = { submittedAt: last[C.submitted_at] as number, id: last[C.id] as number }
      }
      send(range.index, true)
    }
    return total
  } finally {
    sqlite.close()
  }
}, 'INTERNAL')

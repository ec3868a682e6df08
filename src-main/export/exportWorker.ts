/**
 * An export's reader thread (export/exportThreads.ts): reads its key ranges of the responses on a
 * read-only connection of its own, writes each row as its CSV line (responseCsv.ts, the very bytes
 * of the single-threaded path) into chunks of about a megabyte, and hands each chunk over to the
 * main thread, which writes the ranges to the file in order. The chunks are slots of a ring of
 * shared buffers the main thread made for this thread (`ahead + 1`): a slot is filled again only
 * after the main thread has written its last chunk, so the thread runs at most `ahead` chunks ahead
 * of the writing (then waits) and memory stays flat whatever the row count, with no buffer made per chunk. Started through src-main/workers (bundled as out/main/exportWorker.js and
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
    // The ring of chunk buffers the main thread made (shared, not copied): chunk k goes into slot k % ring.
    const slots = data.slots.map((s) => Buffer.from(s))
    const ring = slots.length
    const size = slots[0].length
    let sent = 0
    /** The slot being filled (null: none claimed yet for chunk number `sent`). */
    let buf: Buffer | null = null
    let used = 0
    let rows = 0
    let total = 0

    /** Waits until chunk number `sent` may be filled and handed over: the main thread has written chunk `sent - ring`, the last in its slot. */
    const waitTurn = () => {
      for (;;) {
        const seen = Atomics.load(written, 0)
        if (sent - seen < ring) return
        if (control.isCancelled()) throw cancelled()
        Atomics.wait(written, 0, seen, WAIT_MS)
      }
    }
    const claim = (): Buffer => {
      waitTurn()
      used = 0
      return (buf = slots[sent % ring])
    }
    /** Hands the chunk so far (the slot's first `used` bytes, or `own` bytes) to the main thread. */
    const send = (range: number, end: boolean, own?: Buffer) => {
      if (own) {
        waitTurn()
        control.progress({ range, rows, slot: -1, length: own.length, bytes: own, end }, [own.buffer as ArrayBuffer])
      } else {
        if (buf === null) waitTurn()
        control.progress({ range, rows, slot: buf === null ? -1 : sent % ring, length: used, end })
      }
      sent++
      buf = null
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
          const most = text.length * 3
          if (used + most > size) {
            if (used) send(range.index, false)
            if (most > size) {
              // A row longer than a slot (a comment of megabytes) goes in a buffer of its own, alone.
              const own = Buffer.allocUnsafeSlow(most)
              rows = 1
              total++
              send(range.index, false, own.subarray(0, own.write(text, 0, 'utf8')))
              continue
            }
          }
          used += (buf ?? claim()).write(text, used, 'utf8')
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

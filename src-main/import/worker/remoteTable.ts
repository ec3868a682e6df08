import { Worker, type MessagePort } from 'node:worker_threads'
import { AppError, isAppError } from '../../../src-shared/api/result'
import type { MappedTable } from '../mappedTable'
import type { MappingOutcome } from '../mapping/tableMapper'
import { workerEntry } from '../../workers/entry'
import type { ReaderData, TableAck, TableMessage } from './protocol'

/** Batches the reader may send ahead of what the writer has taken: bounds the memory between them. */
const READ_AHEAD = 2

/**
 * The reader thread's side: reads and maps the file (TableMapper) and sends each batch once the
 * writer has taken all but READ_AHEAD of the earlier ones. The writer ends the thread when it stops.
 */
export async function sendTable(port: MessagePort, open: () => Promise<MappedTable>): Promise<void> {
  let credits = READ_AHEAD
  let wake: (() => void) | null = null
  port.on('message', (m: TableAck) => {
    if (m.type !== 'ack') return
    credits++
    wake?.()
  })
  const post = (m: TableMessage) => port.postMessage(m)
  try {
    const table = await open()
    post({ type: 'open', totalBytes: table.totalBytes })
    for await (const batch of table.batches()) {
      while (credits === 0) await new Promise<void>((resolve) => (wake = resolve))
      wake = null
      credits--
      post({ type: 'batch', batch })
    }
    post({ type: 'end', outcome: table.outcome() })
  } catch (e) {
    const err = e as Error
    post({ type: 'failed', name: err?.name ?? 'Error', message: err?.message ?? String(e), code: isAppError(e) ? e.code : undefined })
  }
}

/** The error the reader met, as the writer would have met it reading the file itself. */
function readError(m: Extract<TableMessage, { type: 'failed' }>): Error {
  if (m.code) return new AppError(m.code, m.message)
  // A decoding error keeps its kind, so the import says which encoding to choose.
  return m.name === 'TypeError' ? new TypeError(m.message) : new Error(m.message)
}

/**
 * The import worker's side: starts a reader thread on the file and returns the table it sends, once
 * the file is open. Each batch is acknowledged as it is taken, so the reader maps the next meanwhile;
 * closing the table (at the end, on a cancel or an error) ends the reader thread.
 */
export async function readInThread(data: ReaderData, entry = workerEntry('readerWorker')): Promise<MappedTable> {
  const reader = new Worker(entry.file, {
    argv: entry.argv,
    workerData: data,
    // It holds a chunk of the file and a few batches: a small heap is plenty, and bounds the import's memory.
    resourceLimits: { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 8 },
  })
  const queue: TableMessage[] = []
  let waiting: ((m: TableMessage) => void) | null = null
  const deliver = (m: TableMessage) => {
    if (!waiting) return void queue.push(m)
    const w = waiting
    waiting = null
    w(m)
  }
  reader.on('message', deliver)
  reader.on('error', (e) => deliver({ type: 'failed', name: e.name, message: e.message }))
  reader.on('exit', (code) => deliver({ type: 'failed', name: 'Error', message: `the file reader stopped (exit code ${code})` }))
  const next = () => (queue.length ? Promise.resolve(queue.shift() as TableMessage) : new Promise<TableMessage>((resolve) => (waiting = resolve)))
  const close = async () => void (await reader.terminate())
  const unexpected = (m: TableMessage) => (m.type === 'failed' ? readError(m) : new Error(`unexpected ${m.type} while reading the file`))

  const opened = await next()
  if (opened.type !== 'open') {
    await close()
    throw unexpected(opened)
  }
  let outcome: MappingOutcome | null = null
  return {
    totalBytes: opened.totalBytes,
    async *batches() {
      for (;;) {
        const m = await next()
        if (m.type === 'batch') {
          reader.postMessage({ type: 'ack' } satisfies TableAck)
          yield m.batch
        } else if (m.type === 'end') {
          outcome = m.outcome
          return
        } else throw unexpected(m)
      }
    },
    outcome() {
      if (!outcome) throw new Error('The table has not been read to its end.')
      return outcome
    },
    close,
  }
}

import { Worker, type MessagePort } from 'node:worker_threads'
import type { MappedTable } from '../mappedTable'
import type { MappingOutcome } from '../mapping/tableMapper'
import type { TableInspection } from '../openTable'
import { workerEntry } from '../../workers/entry'
import type { ReadOrder, ReaderData, TableAck, TableMessage } from './protocol'
import { errorFrom, failedMessage, readerDied } from './threadError'
import { phaseClock } from '../importTimings'

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
  const clock = phaseClock('reader')
  try {
    const table = await open()
    post({ type: 'open', totalBytes: table.totalBytes })
    clock.mark('open')
    for await (const batch of table.batches()) {
      clock.mark('parseAndMap')
      while (credits === 0) await new Promise<void>((resolve) => (wake = resolve))
      clock.mark('waitForWriter')
      wake = null
      credits--
      post({ type: 'batch', batch })
      clock.mark('post')
    }
    clock.mark('parseAndMap')
    post({ type: 'end', outcome: table.outcome() })
    clock.flush()
  } catch (e) {
    post(failedMessage(e))
  }
}

/** The import worker's handle on its reader thread: first the inspection, then the mapped table. */
export interface ReaderThread {
  inspection(): Promise<TableInspection>
  read(order: Omit<ReadOrder, 'type'>): Promise<MappedTable>
  close(): Promise<void>
}

/**
 * The import worker's side: starts a reader thread on the file, which inspects it at once (the
 * mapping step's look, so the main thread can choose the mapping without parsing the file itself)
 * and, once told how to map, sends the table. Each batch is acknowledged as it is taken, so the
 * reader maps the next meanwhile; closing the table (at the end, on a cancel or an error) ends the
 * reader thread.
 */
export function startReader(data: Omit<ReaderData, 'task'>, entry = workerEntry('readerWorker')): ReaderThread {
  const reader = new Worker(entry.file, {
    argv: entry.argv,
    workerData: { ...data, task: 'read' } satisfies ReaderData,
    // It holds a chunk of the file and a few batches (or the inspection's bounded head): a small heap is plenty, and bounds the import's memory.
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
  // A reader that dies (out of its memory limit) is an error of this import, said plainly; the process goes on.
  reader.on('error', (e) => deliver(failedMessage(readerDied(data.fileName, { error: e }))))
  reader.on('exit', (code) => deliver(failedMessage(readerDied(data.fileName, { exitCode: code }))))
  const next = () => (queue.length ? Promise.resolve(queue.shift() as TableMessage) : new Promise<TableMessage>((resolve) => (waiting = resolve)))
  const close = async () => void (await reader.terminate())
  const unexpected = (m: TableMessage) => (m.type === 'failed' ? errorFrom(m) : new Error(`unexpected ${m.type} while reading the file`))

  return {
    async inspection() {
      const m = await next()
      if (m.type !== 'inspected') {
        await close()
        throw unexpected(m)
      }
      return m.inspection
    },
    async read(order) {
      reader.postMessage({ type: 'read', ...order } satisfies ReadOrder)
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
    },
    close,
  }
}

import type { MessagePort, Worker } from 'node:worker_threads'
import { AppError, isAppError } from '../../../src-shared/api/result'
import type { MappedTable } from '../mappedTable'
import type { MappingOutcome } from '../mapping/tableMapper'
import type { ImportWorkerMessage, TableMessage } from './protocol'

/** Batches the main process may send ahead of what the worker has taken: bounds the memory between them. */
const READ_AHEAD = 2

/**
 * The main process's side of an import: reads and maps the file here (TableMapper) while the worker
 * writes, sending each batch once the worker has taken all but READ_AHEAD of the earlier ones. Ends
 * when everything is sent, or as soon as the worker is gone (a cancel, an error).
 */
export async function sendTable(worker: Worker, open: () => Promise<MappedTable>): Promise<void> {
  let credits = READ_AHEAD
  let gone = false
  let wake: (() => void) | null = null
  const onMessage = (m: ImportWorkerMessage) => {
    if (m.type !== 'ack') return
    credits++
    wake?.()
  }
  const onExit = () => {
    gone = true
    wake?.()
  }
  worker.on('message', onMessage)
  worker.once('exit', onExit)
  const post = (m: TableMessage) => worker.postMessage(m)
  let table: MappedTable | null = null
  try {
    table = await open()
    post({ type: 'open', totalBytes: table.totalBytes })
    for await (const batch of table.batches()) {
      while (credits === 0 && !gone) await new Promise<void>((resolve) => (wake = resolve))
      wake = null
      if (gone) return
      credits--
      post({ type: 'batch', batch })
    }
    post({ type: 'end', outcome: table.outcome() })
  } catch (e) {
    const err = e as Error
    if (!gone) post({ type: 'failed', name: err?.name ?? 'Error', message: err?.message ?? String(e), code: isAppError(e) ? e.code : undefined })
  } finally {
    worker.off('message', onMessage)
    worker.off('exit', onExit)
    await table?.close()
  }
}

/** The error the main process met reading the file, as the worker would have met it reading the file itself. */
function readError(m: Extract<TableMessage, { type: 'failed' }>): Error {
  if (m.code) return new AppError(m.code, m.message)
  // A decoding error keeps its kind, so the import says which encoding to choose.
  return m.name === 'TypeError' ? new TypeError(m.message) : new Error(m.message)
}

/** The worker's side: the table sendTable sends, once the file is open. Each batch is acknowledged as it is taken. */
export async function receiveTable(port: MessagePort): Promise<MappedTable> {
  const queue: TableMessage[] = []
  let waiting: ((m: TableMessage) => void) | null = null
  const deliver = (m: TableMessage) => {
    if (!waiting) return void queue.push(m)
    const w = waiting
    waiting = null
    w(m)
  }
  port.on('message', deliver)
  const next = () => (queue.length ? Promise.resolve(queue.shift() as TableMessage) : new Promise<TableMessage>((resolve) => (waiting = resolve)))
  const close = async () => void port.off('message', deliver)
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
          port.postMessage({ type: 'ack' } satisfies ImportWorkerMessage)
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

/**
 * The import's reader thread: inspects the file (the mapping step's look at its start), then, told
 * how to map it, opens it, parses and maps it, and sends the import worker compact batches while it
 * writes the previous ones (remoteTable.ts). With `task: 'inspect'` it only inspects, for the mapping
 * step (inspectInThread.ts). Either way no user's file is parsed on the app's main thread. Started through src-main/workers/entry.ts: bundled as its own entry for the desktop app, run from source through the tsx bootstrap otherwise.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads'
import { mapInThisThread } from '../mappedTable'
import { inspectTable, openTable } from '../openTable'
import type { InspectData, InspectMessage, ReadOrder, ReaderData, TableMessage } from './protocol'
import { sendTable } from './remoteTable'
import { failedMessage } from './threadError'

async function read(port: MessagePort, data: ReaderData): Promise<void> {
  try {
    const inspection = await inspectTable(data.path, data.fileName, data.kind, data.inspect)
    port.postMessage({ type: 'inspected', inspection } satisfies TableMessage)
  } catch (e) {
    port.postMessage(failedMessage(e))
    return
  }
  const order = await new Promise<ReadOrder>((resolve) => port.once('message', resolve))
  await sendTable(port, async () => {
    const { mapping } = order
    const { source } = await openTable(data.path, data.fileName, { encoding: mapping.encoding, delimiter: mapping.delimiter, sheet: mapping.sheet })
    return mapInThisThread(source, { mapping, sourceKey: order.sourceKey, timezone: order.timezone, legacyKeys: order.legacyKeys })
  })
}

if (parentPort && workerData) {
  const port = parentPort
  const data = workerData as ReaderData | InspectData
  if (data.task === 'inspect') {
    inspectTable(data.path, data.fileName, data.kind, data.opts).then(
      (inspection) => port.postMessage({ type: 'inspected', inspection } satisfies InspectMessage),
      (e: unknown) => port.postMessage(failedMessage(e) satisfies InspectMessage),
    )
  } else void read(port, data)
}

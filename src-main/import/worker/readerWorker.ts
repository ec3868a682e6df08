/**
 * The import's reader thread: opens the file, parses and maps it, and sends the import worker
 * compact batches while it writes the previous ones (remoteTable.ts). Started through src-main/workers
 * (bundled as its own entry for the desktop app, run from source through the tsx bootstrap otherwise).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { mapInThisThread } from '../mappedTable'
import { openTable } from '../openTable'
import type { ReaderData } from './protocol'
import { sendTable } from './remoteTable'

if (parentPort && workerData) {
  const data = workerData as ReaderData
  const open = async () => {
    const { source } = await openTable(data.path, data.fileName, { encoding: data.mapping.encoding, delimiter: data.mapping.delimiter, sheet: data.mapping.sheet })
    return mapInThisThread(source, { mapping: data.mapping, sourceKey: data.sourceKey, timezone: data.timezone })
  }
  void sendTable(parentPort, open)
}

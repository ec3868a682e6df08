import type { ImportSummary } from '../../../src-shared/api/imports'
import { startJob, type WorkerJob } from '../../workers/startJob'
import type { WorkerEntry } from '../../workers/entry'
import type { ImportProgressMessage, ImportWorkerData } from './protocol'

/** Starts an import in a worker thread; progress is relayed, the result or error comes back as a value. */
export function startImportWorker(data: ImportWorkerData, onProgress: (p: ImportProgressMessage) => void, entry?: WorkerEntry): WorkerJob<ImportSummary> {
  return startJob<ImportWorkerData, ImportProgressMessage, ImportSummary>('importWorker', data, {
    onProgress,
    entry,
    // The import streams: a small heap is plenty, and keeps the process's peak memory down.
    resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 },
    crashed: { code: 'IMPORT_FAILED', message: (reason) => `The import stopped unexpectedly (${reason}); nothing was imported.` },
  })
}

import { openWorkerConnection } from '../../db/connect'
import { walCheckpoint } from '../../db/checkpoint'
import { serveJob } from '../../workers/serveJob'
import type { CheckpointProgress, CheckpointSummary, CheckpointWorkerData } from './protocol'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
/** The longest a stop waits for the thread to notice it (ms). */
const STOP_POLL_MS = 25

/**
 * The WAL's checkpoints while the survey server collects, on a connection and a thread of their
 * own (collection/checkpoint/checkpointer.ts): a PASSIVE checkpoint every `intervalMs`, which never
 * waits for or blocks the serving thread's reads and writes, until the job is cancelled; then one
 * last checkpoint and the connection is closed.
 */
serveJob<CheckpointWorkerData, CheckpointProgress, CheckpointSummary>(async (data, control) => {
  const sqlite = openWorkerConnection(data.path, { nativeBinding: data.nativeBinding })
  const summary: CheckpointSummary = { checkpoints: 0, framesCopied: 0 }
  const once = () => {
    const r = walCheckpoint(sqlite)
    summary.checkpoints++
    if (r.checkpointed > 0) {
      summary.framesCopied += r.checkpointed
      control.progress({ log: r.log, checkpointed: r.checkpointed })
    }
  }
  try {
    while (!control.isCancelled()) {
      once()
      for (let waited = 0; waited < data.intervalMs && !control.isCancelled(); waited += STOP_POLL_MS) await sleep(STOP_POLL_MS)
    }
    once()
    return summary
  } finally {
    sqlite.close()
  }
}, 'INTERNAL')

/**
 * The customers' whole risk pass (every response read, the model fitted, every active customer
 * scored) in a worker thread with its own connection, so the app keeps answering on a large
 * workspace. Started by riskService through src-main/workers (bundled as out/main/riskWorker.js).
 */
import { openWorkerConnection } from '../db/connect'
import { localDateConverter } from '../../src-shared/domain/timezone'
import { serveJob } from '../workers/serveJob'
import { customerLifecycles, forEachCustomerFact, inOneSnapshot } from './riskFactsRepository'
import { threadCpuMs } from '../workers/threadCpu'
import { assessRisk, type RiskWorkerAnswer, type RiskWorkerData } from './riskService'

serveJob<RiskWorkerData, number, RiskWorkerAnswer>((data, control) => {
  const wall = performance.now()
  const cpu = threadCpuMs()
  const sqlite = openWorkerConnection(data.path, { nativeBinding: data.nativeBinding, busyTimeoutMs: 30_000 })
  let told = -1
  if (data.paceMs) {
    // Tests only: a hundred pauses before the pass, each a chance to be cancelled (the pass then stops at its first check).
    const pause = new Int32Array(new SharedArrayBuffer(4))
    for (let i = 0; i < 100 && !control.isCancelled(); i++) {
      control.progress(0)
      Atomics.wait(pause, 0, 0, data.paceMs)
    }
  }
  try {
    // The lifecycles and the facts from one snapshot: the app may write while the pass runs.
    const snapshot = inOneSnapshot(sqlite, () =>
      assessRisk({ lifecycles: customerLifecycles(sqlite), forEachFact: (each) => forEachCustomerFact(sqlite, each) }, data.rules, data.now, localDateConverter(data.timezone), {
        isCancelled: control.isCancelled,
        // A message per percent at most.
        onProgress: (share) => {
          const pct = Math.floor(share * 100)
          if (pct > told) control.progress((told = pct) / 100)
        },
      }),
    )
    const cpuAfter = threadCpuMs()
    return { snapshot, took: { wallMs: Math.round(performance.now() - wall), cpuMs: cpu === null || cpuAfter === null ? null : cpuAfter - cpu } }
  } finally {
    sqlite.close()
  }
}, 'INTERNAL')

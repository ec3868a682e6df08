/**
 * The customers' whole risk pass (every response read, the model fitted, every active customer
 * scored) in a worker thread with its own connection, so the app keeps answering on a large
 * workspace. Started by riskService through src-main/workers (bundled as out/main/riskWorker.js).
 */
import { openWorkerConnection } from '../db/connect'
import { localDateConverter } from '../../src-shared/domain/timezone'
import { serveJob } from '../workers/serveJob'
import { customerLifecycles, forEachCustomerFact } from './riskFactsRepository'
import { assessRisk, type RiskSnapshot, type RiskWorkerData } from './riskService'

serveJob<RiskWorkerData, number, RiskSnapshot>((data, control) => {
  const sqlite = openWorkerConnection(data.path, { nativeBinding: data.nativeBinding, busyTimeoutMs: 30_000 })
  let told = -1
  try {
    return assessRisk({ lifecycles: customerLifecycles(sqlite), forEachFact: (each) => forEachCustomerFact(sqlite, each) }, data.rules, data.now, localDateConverter(data.timezone), {
      isCancelled: control.isCancelled,
      // A message per percent at most.
      onProgress: (share) => {
        const pct = Math.floor(share * 100)
        if (pct > told) control.progress((told = pct) / 100)
      },
    })
  } finally {
    sqlite.close()
  }
}, 'INTERNAL')

import { runHttpRobustness } from '../../helpers/httpRobustness'
import type { RobustnessPart } from './part'

/**
 * The HTTP half, at bench size: the unit test (tests/unit/robustness/http.test.ts) runs the same
 * code with a few payloads per channel; here `scale` multiplies a longer run.
 */
export const httpPart: RobustnessPart = {
  name: 'http',
  async run({ dir, seed, scale }) {
    const r = await runHttpRobustness({
      dir,
      seed,
      payloadsPerChannel: 100 * scale,
      alienPerChannel: 12,
      randomRequests: 1_000 * scale,
      slowCopies: 10 * scale,
      rows: 2_000,
      progress: (line) => process.stderr.write(`${line}\n`),
    })
    return {
      requests: r.requests,
      failures: r.failures,
      hostDeaths: r.hostDeaths,
      writesFromInvalid: r.writesFromInvalid,
      skippedValid: r.skippedValid,
      slowestAnswerMs: r.slowestAnswerMs,
      batches: r.batches.length,
      setupMs: r.setupMs,
      attackMs: r.attackMs,
      examples: r.examples,
    }
  },
}

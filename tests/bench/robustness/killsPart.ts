import { runKillRobustness } from '../../helpers/robustness/killRobustness'
import type { RobustnessPart } from './part'

/**
 * The kill half at bench size: the unit test (tests/unit/robustness/kills.test.ts) kills 5 small
 * imports; here 12 × scale imports of 2,000–20,000 rows, every fourth a 55,000-row file (over 8 MB)
 * that drops and rebuilds its indexes before it commits, so kills land in the index builds and
 * ANALYZE too.
 */
export const killsPart: RobustnessPart = {
  name: 'kills',
  async run({ dir, seed, scale }) {
    return { ...(await runKillRobustness({ dir, seed, kills: Math.round(12 * scale), rows: [2_000, 20_000], bulkEvery: 4, progress: (line) => process.stderr.write(`kills: ${line}\n`) })) }
  },
}

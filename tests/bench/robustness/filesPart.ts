import { runFileRobustness } from '../../helpers/robustness/fileRobustness'
import type { RobustnessPart } from './part'

/**
 * The file half at bench size: the unit test (tests/unit/robustness/files.test.ts) imports 32
 * mutated files; here 200 × scale. A failure's label (seed, file index, seed file, mutations) makes
 * the same file again.
 */
export const filesPart: RobustnessPart = {
  name: 'files',
  async run({ dir, seed, scale }) {
    const r = await runFileRobustness({ dir, seed, files: Math.round(200 * scale), progress: (line) => process.stderr.write(`files: ${line}\n`) })
    return { ...r }
  },
}

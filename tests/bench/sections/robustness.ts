import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { BenchSection } from '../harness'
import { robustnessParts } from '../robustness/parts'
import { benchArgs } from '../args'


/**
 * `npm run bench -- --only robustness [--seed N] [--scale N] [--parts http,files,kills]`: the
 * robustness suite's long run. Prints each part's counts (requests and host deaths for HTTP, files
 * and their failures by kind for mutated files, kills and what each left for killed imports) and
 * the failures of all parts together. --rows does not apply: each part sizes its own workspace.
 */
export const robustness: BenchSection = {
  name: 'robustness',
  async run({ rows, dir }) {
    const { seed = 2026, scale = 1, parts: only } = benchArgs()
    const unknown = only?.filter((p) => !robustnessParts.some((part) => part.name === p)) ?? []
    if (unknown.length) throw new Error(`unknown robustness part ${unknown.join(', ')}; the parts are ${robustnessParts.map((p) => p.name).join(', ')}`)
    const out: Record<string, unknown> = { seed, scale }
    let failures = 0
    for (const part of robustnessParts) {
      if (only && !only.includes(part.name)) continue
      const partDir = join(dir, part.name)
      mkdirSync(partDir, { recursive: true })
      const result = await part.run({ rows, dir: partDir, seed, scale })
      failures += result.failures
      out[part.name] = result
    }
    return { ...out, failures }
  },
}

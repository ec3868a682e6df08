import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { BenchSection } from '../harness'
import { robustnessParts } from '../robustness/parts'

const args = process.argv.slice(2)
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`)
  const value = i >= 0 ? Number(args[i + 1]) : fallback
  return Number.isFinite(value) && value > 0 ? value : fallback
}

/**
 * `npm run bench -- --only robustness [--seed N] [--scale N] [--parts http,files,kills]`: the
 * robustness suite's long run. Prints each part's counts (requests and host deaths for HTTP, files
 * and their failures by kind for mutated files, kills and what each left for killed imports) and
 * the failures of all parts together. --rows does not apply: each part sizes its own workspace.
 */
export const robustness: BenchSection = {
  name: 'robustness',
  async run({ rows, dir }) {
    const seed = flag('seed', 2026)
    const scale = flag('scale', 1)
    const i = args.indexOf('--parts')
    const only = i >= 0 ? args[i + 1]?.split(',') : undefined
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

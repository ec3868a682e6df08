import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { writeFeedbackCsv } from '../writeFeedbackCsv'

/** Where the shared data generator may be: beside the project's checkout (../shared/tools), or named by CXDESK_GEN_FEEDBACK. */
function generatorPath(): string | null {
  const root = resolve(__dirname, '..', '..', '..')
  const candidates = [process.env.CXDESK_GEN_FEEDBACK, join(dirname(root), 'shared', 'tools', 'gen-feedback.mjs'), join(dirname(dirname(root)), 'shared', 'tools', 'gen-feedback.mjs')]
  return candidates.find((p): p is string => Boolean(p && existsSync(p))) ?? null
}

/**
 * The generator's rows as a CSV: `node gen-feedback.mjs --rows N` when the shared generator is there
 * (the file the figures were measured on), otherwise the project's own generator of the same
 * columns (tests/bench/writeFeedbackCsv.ts). Says which one wrote it.
 */
export async function generatorCsv(path: string, rows: number): Promise<{ generator: string }> {
  const gen = generatorPath()
  if (gen) {
    const r = spawnSync(process.execPath, [gen, '--rows', String(rows), '--out', path], { encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`${gen} failed: ${r.stderr || r.error?.message}`)
    return { generator: 'gen-feedback.mjs' }
  }
  await writeFeedbackCsv(path, rows)
  return { generator: 'tests/bench/writeFeedbackCsv.ts (gen-feedback.mjs not found)' }
}

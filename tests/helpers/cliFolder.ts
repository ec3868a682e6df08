import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import { writeGeneratorCsv, type GeneratorRow } from './csv'
import { cxdeskRun } from './cliInProcess'

/**
 * A CLI test's own folder: `cxdesk` runs there (cxdeskRun: in-process, an import as the bundle)
 * with its own CXDESK_HOME and `env`, so no test reads or writes the user's settings; `remove`
 * deletes the folder.
 */
export function cliFolder(name: string, env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), `cxdesk-cli-${name}-`))
  const cxdesk = async (args: string[]) => {
    const r = await cxdeskRun(args, { cwd: dir, env: { CXDESK_HOME: join(dir, 'home'), ...env } })
    return { ...r, json: () => JSON.parse(r.stdout) }
  }
  return { dir, cxdesk, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** `w.cxdesk` in the folder, in `timezone`, with the generator's `rows` imported through `cxdesk import`. */
export async function workspaceWithRows(folder: Pick<ReturnType<typeof cliFolder>, 'dir' | 'cxdesk'>, rows: GeneratorRow[], timezone = 'Asia/Bangkok'): Promise<void> {
  writeGeneratorCsv(join(folder.dir, 'r.csv'), rows)
  expect((await folder.cxdesk(['init', 'w.cxdesk', '--timezone', timezone])).code).toBe(0)
  const imported = await folder.cxdesk(['import', 'w.cxdesk', 'r.csv'])
  expect(imported.code, imported.stderr).toBe(0)
}

/** An ISO time `days` before now: fixtures relative to the run, for rules counted from today. */
export const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString()

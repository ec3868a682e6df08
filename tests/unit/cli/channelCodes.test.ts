import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { writeGeneratorCsv } from '../../helpers/csv'

const CLI = join(__dirname, '../../../src-main/cli/cxdesk.cjs')
let dir: string

function cxdesk(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, CXDESK_HOME: join(dir, 'home') } })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxdesk-cli-channels-'))
  writeGeneratorCsv(join(dir, 'r.csv'), [
    { submitted_at: '2025-03-03T02:00:00Z', score: 9, channel: 'store' },
    { submitted_at: '2025-03-04T02:00:00Z', score: 3, channel: 'grabfood' },
  ])
  cxdesk(['init', 'w.cxdesk', '--timezone', 'Asia/Bangkok'])
  cxdesk(['import', 'w.cxdesk', 'r.csv'])
  // Names as the settings page saves them (labels.setChannel writes this meta entry).
  const db = new Database(join(dir, 'w.cxdesk'))
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('channelLabels', JSON.stringify({ en: { store: 'Counter', grabfood: 'GrabFood' }, vi: { store: 'Quầy' }, th: {} }))
  db.close()
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the command line keeps channel codes', () => {
  it('groups by the codes in --json, whatever names the workspace gave them', () => {
    const r = cxdesk(['metrics', 'w.cxdesk', '--metric', 'nps', '--by', 'month', '--dim', 'channel', '--json'])
    expect(r.code).toBe(0)
    const groups = (r.json().rows as Array<{ group: string | null }>).map((row) => row.group)
    expect(new Set(groups)).toEqual(new Set(['store', 'grabfood']))
    expect(r.stdout).not.toContain('Counter')
    expect(r.stdout).not.toContain('Quầy')
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const CLI = join(__dirname, '../../../src-main/cli/cxdesk.cjs')
const EXPORTS = join(__dirname, '../../fixtures/exports')
let dir: string

function cxdesk(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, CXDESK_HOME: join(dir, 'home'), TZ: 'Asia/Bangkok' } })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxdesk-cli-import-'))
  cxdesk(['init', 'w.cxdesk'])
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('cxdesk import', () => {
  it('imports a known export without a mapping and prints the counts as JSON', () => {
    const r = cxdesk(['import', 'w.cxdesk', join(EXPORTS, 'surveymonkey.csv'), '--json'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ rowsRead: 3, imported: 6, duplicates: 0, rejected: 0 })
    expect(JSON.parse(cxdesk(['import', 'w.cxdesk', join(EXPORTS, 'surveymonkey.csv'), '--json']).stdout)).toMatchObject({ imported: 0, duplicates: 6 })
  })

  it('imports an Excel workbook and exits (the inspection stops reading the sheet early)', () => {
    const r = cxdesk(['import', 'w.cxdesk', join(EXPORTS, 'survey.xlsx'), '--json'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ rowsRead: 3, imported: 3, rejected: 0 })
  })

  it('takes a mapping as role=Column pairs', () => {
    writeFileSync(join(dir, 'store.csv'), 'When,Stars,Said\n2025-03-01 09:00,4,Ngon\n2025-03-02 10:00,1,Dở\n')
    const r = cxdesk(['import', 'w.cxdesk', 'store.csv', '--map', 'date=When,csat=Stars,comment=Said', '--json'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ imported: 2, rejected: 0 })
    const bad = cxdesk(['import', 'w.cxdesk', 'store.csv', '--map', 'date=Nope'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/no column "Nope"/)
  })

  it('refuses dates that read two ways until the order is given', () => {
    writeFileSync(join(dir, 'amb.csv'), 'Date,Score\n3/4/2025,9\n5/6/2025,7\n')
    const r = cxdesk(['import', 'w.cxdesk', 'amb.csv', '--json'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/3\/4\/2025.*--date-order/)
    const ok = cxdesk(['import', 'w.cxdesk', 'amb.csv', '--date-order', 'dmy', '--json'])
    expect(JSON.parse(ok.stdout)).toMatchObject({ imported: 2 })
  })

  it('imports customers from a CRM export, and checks without writing with --dry-run', () => {
    const dry = cxdesk(['import', 'w.cxdesk', join(EXPORTS, 'crm-customers.csv'), '--customers', '--date-order', 'dmy', '--dry-run', '--json'])
    expect(JSON.parse(dry.stdout)).toMatchObject({ kind: 'customers', dryRun: true, imported: 3 })
    const r = cxdesk(['import', 'w.cxdesk', join(EXPORTS, 'crm-customers.csv'), '--customers', '--date-order', 'dmy'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/3 new customers/)
  })
})

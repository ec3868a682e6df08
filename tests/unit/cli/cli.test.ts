import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeGeneratorCsv } from '../../helpers/csv'
import { cxdeskRun } from '../../helpers/cliInProcess'

const FIXTURE = join(__dirname, '../../fixtures/generator-400.csv')
let dir: string

/** The command line in the test's folder with its own data folder: in-process, imports as the bundled process (cxdeskRun). */
const cxdesk = (args: string[], env: Record<string, string> = {}) => cxdeskRun(args, { cwd: dir, env: { CXDESK_HOME: join(dir, 'home'), ...env } })

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxdesk-cli-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('cxdesk', () => {
  it('init creates a workspace in the system time zone', async () => {
    const r = await cxdesk(['init', 'a.cxdesk', '--json'], { TZ: 'Asia/Bangkok' })
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ name: 'a', timezone: 'Asia/Bangkok', responseCount: 0 })
  })

  it('import prints the counts as JSON, and a second import adds nothing', async () => {
    const first = await cxdesk(['import', 'a.cxdesk', FIXTURE, '--json'])
    expect(first.code).toBe(0)
    expect(JSON.parse(first.stdout)).toMatchObject({ rowsRead: 400, imported: 400, duplicates: 0, rejected: 0 })
    const second = await cxdesk(['import', 'a.cxdesk', FIXTURE, '--json'])
    expect(JSON.parse(second.stdout)).toMatchObject({ imported: 0, duplicates: 400 })
  })

  it('metrics prints one JSON document in the documented shape', async () => {
    const r = await cxdesk(['metrics', 'a.cxdesk', '--metric', 'nps', '--by', 'month', '--json'])
    expect(r.code).toBe(0)
    const doc = JSON.parse(r.stdout)
    expect(doc).toMatchObject({ metric: 'nps', by: 'month', overall: { value: expect.any(Number), n: expect.any(Number) } })
    expect(doc.rows.length).toBeGreaterThan(12)
    for (const row of doc.rows) {
      expect(row).toMatchObject({ period: expect.stringMatching(/^\d{4}-\d{2}$/), group: null, n: expect.any(Number) })
      expect(row).toHaveProperty('value')
      expect(row).toHaveProperty('moe95')
    }
    expect(doc.rows.reduce((s: number, r: { n: number }) => s + r.n, 0)).toBe(doc.overall.n)
  })

  it('cuts months in the workspace zone, not the zone of the machine running the command', async () => {
    writeGeneratorCsv(join(dir, 'edge.csv'), [{ submitted_at: '2025-01-31T16:30:00Z', score: 10 }])
    await cxdesk(['init', 'bkk.cxdesk', '--timezone', 'Asia/Bangkok'])
    await cxdesk(['import', 'bkk.cxdesk', 'edge.csv'])
    await cxdesk(['init', 'utc.cxdesk', '--timezone', 'America/Los_Angeles'])
    await cxdesk(['import', 'utc.cxdesk', 'edge.csv'])
    const bkk = JSON.parse((await cxdesk(['metrics', 'bkk.cxdesk', '--by', 'month', '--json'], { TZ: 'UTC' })).stdout)
    const la = JSON.parse((await cxdesk(['metrics', 'utc.cxdesk', '--by', 'month', '--json'], { TZ: 'UTC' })).stdout)
    expect(bkk.rows.map((r: { period: string }) => r.period)).toEqual(['2025-01'])
    expect(la.rows.map((r: { period: string }) => r.period)).toEqual(['2025-01'])
    const next = JSON.parse((await cxdesk(['metrics', 'bkk.cxdesk', '--by', 'day', '--json'])).stdout)
    expect(next.rows[0].period).toBe('2025-01-31')
  })

  it('prints a table without --json', async () => {
    const r = await cxdesk(['metrics', 'a.cxdesk', '--by', 'year'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/NPS by year/)
    expect(r.stdout).toMatch(/overall/)
  })

  it('sends errors to stderr with a non-zero exit code', async () => {
    const missing = await cxdesk(['metrics', 'nope.cxdesk', '--json'])
    expect(missing.code).toBe(1)
    expect(missing.stdout).toBe('')
    expect(missing.stderr).toMatch(/no file/i)

    writeFileSync(join(dir, 'junk.cxdesk'), 'hello')
    const junk = await cxdesk(['metrics', 'junk.cxdesk'])
    expect(junk.code).toBe(1)
    expect(junk.stderr).toMatch(/not a CX Desk workspace/)

    const exists = await cxdesk(['init', 'a.cxdesk'])
    expect(exists.code).toBe(1)
    expect(exists.stderr).toMatch(/already exists/)

    const noCsv = await cxdesk(['import', 'a.cxdesk', 'missing.csv'])
    expect(noCsv.code).toBe(1)
  })

  it('exits with 2 on a wrong command line', async () => {
    expect((await cxdesk([])).code).toBe(2)
    expect((await cxdesk(['frobnicate'])).code).toBe(2)
    expect((await cxdesk(['metrics', 'a.cxdesk', '--by', 'fortnight'])).code).toBe(2)
    expect((await cxdesk(['metrics', 'a.cxdesk', '--from', '2025/01/01'])).code).toBe(2)
    const help = await cxdesk(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/Usage/)
  })
})

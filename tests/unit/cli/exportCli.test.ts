import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { cliFolder, workspaceWithRows } from '../../helpers/cliFolder'
import { xlsxSheetNames } from '../../../src-main/import/source/xlsxSource'

const folder = cliFolder('export', { TZ: 'America/New_York' })
const { dir, cxdesk } = folder

beforeAll(async () => {
  await workspaceWithRows(folder, [
    { submitted_at: '2025-03-03T02:00:00Z', score: 2, channel: 'phone', comment: '+1 call me' },
    { submitted_at: '2025-03-04T02:00:00Z', score: 3, channel: 'app' },
    { submitted_at: '2025-04-05T02:00:00Z', score: 10, channel: 'app' },
  ])
})
afterAll(folder.remove)

describe('cxdesk export', () => {
  it('writes responses narrowed by the filters of cxdesk metrics, in the workspace’s zone', async () => {
    const r = await cxdesk(['export', 'w.cxdesk', '--out', 'march-app.csv', '--from', '2025-03-01', '--to', '2025-03-31', '--filter', 'channel=app', '--json'])
    expect(r.code).toBe(0)
    expect(r.json()).toMatchObject({ rows: 1, files: [{ table: 'responses', rows: 1 }] })
    const text = readFileSync(join(dir, 'march-app.csv'), 'utf8')
    expect(text.startsWith('\uFEFFresponse_id,')).toBe(true)
    expect(text).toContain(',2025-03-04T09:00:00+07:00,app,')
    const all = await cxdesk(['export', 'w.cxdesk', '--out', 'all.csv'])
    expect(all.code).toBe(0)
    expect(all.stdout).toMatch(/^Wrote .*all\.csv \(responses 3; \d+ KB\)/)
    expect(readFileSync(join(dir, 'all.csv'), 'utf8')).toContain(",'+1 call me,")
  })

  it('writes customers and the whole workspace, as XLSX (from the extension) or a folder of CSV files', async () => {
    expect((await cxdesk(['export', 'w.cxdesk', '--what', 'customers', '--out', 'c.xlsx'])).code).toBe(0)
    expect(await xlsxSheetNames(join(dir, 'c.xlsx'))).toEqual(['Customers'])
    expect((await cxdesk(['export', 'w.cxdesk', '--what', 'all', '--out', 'book.xlsx'])).code).toBe(0)
    expect(await xlsxSheetNames(join(dir, 'book.xlsx'))).toEqual(['Responses', 'Customers', 'Notes'])
    const r = await cxdesk(['export', 'w.cxdesk', '--what', 'all', '--format', 'csv', '--out', 'folder'])
    expect(r.code).toBe(0)
    expect(readdirSync(join(dir, 'folder')).sort()).toEqual(['customers.csv', 'notes.csv', 'responses.csv'])
  })

  it('refuses a wrong command line with exit code 2', async () => {
    for (const args of [
      ['export', 'w.cxdesk'],
      ['export', 'w.cxdesk', '--out', 'x.csv', '--what', 'everything'],
      ['export', 'w.cxdesk', '--out', 'x.csv', '--format', 'ods'],
      ['export', 'w.cxdesk', '--out', 'x.xlsx', '--format', 'csv'],
      ['export', 'w.cxdesk', '--out', 'x.csv', '--what', 'customers', '--filter', 'channel=app'],
      ['export', 'w.cxdesk', '--out', 'x.csv', '--filter', 'colour=red'],
      ['export', 'w.cxdesk', '--out', 'x.csv', '--from', '2025-13-45x'],
      ['export', 'w.cxdesk', '--out', 'x.csv', '--dim', 'channel'],
    ]) {
      const r = await cxdesk(args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr).toMatch(/^cxdesk: /)
    }
    expect(readdirSync(dir).filter((f) => f.startsWith('x.'))).toEqual([])
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inspectImport, runImport } from '../../../src-main/import/importService'
import { countResponses } from '../../../src-main/db/responses'
import { metricSeries } from '../../../src-main/metrics/series'
import type { OpenWorkspace } from '../../../src-main/db/openWorkspace'
import { AppError } from '../../../src-shared/api/result'
import { freshWorkspace } from '../../helpers/db'
import { fakeClock } from '../../helpers/clock'
import { writeGeneratorCsv } from '../../helpers/csv'

const FIXTURE = join(__dirname, '../../fixtures/generator-400.csv')
let dir: string
let open: OpenWorkspace
const file = (path: string) => ({ id: 'test-file', path, name: path.split('/').pop() ?? path, size: statSync(path).size })
const run = (path: string) => runImport(open, file(path), { dryRun: false, remember: false }, { clock: fakeClock(), emit: () => undefined })

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cxdesk-import-'))
  open = await freshWorkspace('Asia/Bangkok')
})
afterEach(async () => {
  await open.ws.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('importing the generator CSV', () => {
  it('imports every row of a generated file, with comments that span lines intact', async () => {
    const summary = await run(FIXTURE)
    expect(summary).toMatchObject({ rowsRead: 400, imported: 400, duplicates: 0, rejected: 0, errors: [] })
    expect(await countResponses(open.db)).toBe(400)
    const multiline = open.ws.sqlite.prepare(`SELECT count(*) n FROM responses WHERE comment LIKE '%' || char(10) || '%'`).get() as { n: number }
    expect(multiline.n).toBeGreaterThan(0)
  })

  it('adds nothing twice when the same file is imported again', async () => {
    await run(FIXTURE)
    const again = await run(FIXTURE)
    expect(again).toMatchObject({ imported: 0, duplicates: 400 })
    expect(await countResponses(open.db)).toBe(400)
  })

  it('computes the same NPS as counting the file by hand', async () => {
    const path = join(dir, 'hand.csv')
    // 3 promoters (9, 10, 10), 1 passive (8), 2 detractors (0, 6), and a CSAT row that must not count.
    writeGeneratorCsv(path, [{ score: 9 }, { score: 10 }, { score: 10 }, { score: 8 }, { score: 0 }, { score: 6 }, { metric: 'csat', score: 5 }])
    await run(path)
    const s = await metricSeries({ db: open.db, sqlite: open.ws.sqlite, timezone: 'Asia/Bangkok' }, { metric: 'nps', by: 'month' })
    expect(s.overall.n).toBe(6)
    expect(s.overall.value).toBeCloseTo((100 * (3 - 2)) / 6, 10)
  })

  it('reports each bad row by number, column and reason, and imports the good ones', async () => {
    const path = join(dir, 'bad.csv')
    writeGeneratorCsv(path, [
      { score: 9 },
      { score: 11 },
      { metric: 'stars' },
      { submitted_at: 'yesterday' },
      { submitted_at: '2025-02-30T10:00:00Z' },
      { status: 'archived' },
      { resolved_at: '2025-03-01T00:00:00Z' },
      { score: 7 },
    ])
    const s = await run(path)
    expect(s.imported).toBe(2)
    expect(s.rejected).toBe(6)
    expect(s.errors.map(({ row, column, reason }) => ({ row, column, reason }))).toEqual([
      { row: 3, column: 'score', reason: expect.stringContaining('0 to 10') },
      { row: 4, column: 'metric', reason: expect.stringContaining('stars') },
      { row: 5, column: 'submitted_at', reason: expect.stringContaining('is not a date') },
      { row: 6, column: 'submitted_at', reason: expect.any(String) },
      { row: 7, column: 'status', reason: expect.stringContaining('archived') },
      { row: 8, column: 'resolved_at', reason: expect.stringContaining('earlier') },
    ])
  })

  it('rejects a row with the wrong number of columns', async () => {
    const path = join(dir, 'short.csv')
    writeGeneratorCsv(path, [{ score: 9 }])
    writeFileSync(path, `${readFileSync(path, 'utf8')}1,2,3\n`)
    const s = await run(path)
    expect(s.errors.map(({ row, column, reason }) => ({ row, column, reason }))).toEqual([{ row: 3, column: null, reason: 'expected 14 columns, found 3' }])
  })

  it('accepts a UTF-8 BOM and CRLF line ends, and keeps Vietnamese and Thai text exact', async () => {
    const path = join(dir, 'bom.csv')
    writeGeneratorCsv(path, [{ comment: 'Cà phê muối ngon, nhân viên dễ thương' }, { comment: 'กาแฟอร่อย "มาก"' }], { bom: true, eol: '\r\n' })
    const s = await run(path)
    expect(s.imported).toBe(2)
    const comments = open.ws.sqlite.prepare('SELECT comment FROM responses ORDER BY id').all()
    expect(comments).toEqual([{ comment: 'Cà phê muối ngon, nhân viên dễ thương' }, { comment: 'กาแฟอร่อย "มาก"' }])
  })

  it('imports nothing from a file with no date column, and says what is missing', async () => {
    const path = join(dir, 'other.csv')
    writeFileSync(path, 'Store,How likely are you to recommend us?\nQuận 1,9\n')
    const err = await run(path).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect(err).toMatchObject({ code: 'IMPORT_FAILED', message: expect.stringContaining('date') })
    expect(await countResponses(open.db)).toBe(0)
  })

  it('stores the timestamp in UTC with its original offset, and the local date in the workspace zone', async () => {
    const path = join(dir, 'tz.csv')
    writeGeneratorCsv(path, [{ submitted_at: '2025-01-31T23:30:00+07:00' }, { submitted_at: '2025-01-31T17:30:00Z' }])
    await run(path)
    const rows = open.ws.sqlite.prepare('SELECT submitted_at, submitted_offset, local_date FROM responses ORDER BY id').all()
    expect(rows).toEqual([
      { submitted_at: Date.UTC(2025, 0, 31, 16, 30), submitted_offset: 420, local_date: '2025-01-31' },
      { submitted_at: Date.UTC(2025, 0, 31, 17, 30), submitted_offset: 0, local_date: '2025-02-01' },
    ])
  })

  it('links responses to customers by the source id, creating each customer once', async () => {
    await run(FIXTURE)
    const { customers } = open.ws.sqlite.prepare('SELECT count(*) customers FROM customers').get() as { customers: number }
    const { linked } = open.ws.sqlite.prepare('SELECT count(DISTINCT customer_id) linked FROM responses').get() as { linked: number }
    expect(customers).toBe(linked)
    expect(customers).toBeGreaterThan(1)
  })

  it('remembers the mapping a source was imported with, and the newer one when it is imported again', async () => {
    const fixture = file(FIXTURE)
    const first = await inspectImport(open, fixture, { kind: 'responses' })
    expect(first.mappingSource).not.toBe('remembered')
    const withoutLocation = { ...first.mapping, columns: first.mapping.columns.map((c) => (c.role === 'location' ? { ...c, role: 'ignore' as const } : c)) }
    await runImport(open, fixture, { mapping: withoutLocation, dryRun: false, remember: true }, { clock: fakeClock(), emit: () => undefined })
    const second = await inspectImport(open, fixture, { kind: 'responses' })
    expect(second.mappingSource).toBe('remembered')
    expect(second.mapping.columns.some((c) => c.role === 'location')).toBe(false)
    // Imported again with the location mapped: that mapping replaces the one remembered.
    await runImport(open, fixture, { mapping: first.mapping, dryRun: false, remember: true }, { clock: fakeClock(), emit: () => undefined })
    const third = await inspectImport(open, fixture, { kind: 'responses' })
    expect(third.mappingSource).toBe('remembered')
    expect(third.mapping.columns.filter((c) => c.role === 'location')).toHaveLength(1)
  })
})

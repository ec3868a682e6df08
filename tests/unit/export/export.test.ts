import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { testAppInMemory, type TestApp } from '../../helpers/context'
import { destination } from '../../helpers/files'
import { importFile } from '../../helpers/importing'
import { writeGeneratorCsv } from '../../helpers/csv'
import { csvCell, csvLine, csvText, neutraliseFormula, UTF8_BOM } from '../../../src-main/common/csvWriter'
import { takeDownload } from '../../../src-main/common/downloads'
import { xlsxSource } from '../../../src-main/import/source/xlsxSource'
import { zonedIsoConverter } from '../../../src-shared/domain/timezone'
import { responseHeader } from '../../../src-main/export/exportColumns'
import type { AppEvent } from '../../../src-shared/api/events'

/** A CSV file's records (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const endCell = () => {
    row.push(cell)
    cell = ''
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') endCell()
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell()
      rows.push(row)
      row = []
      i++
    } else cell += c
  }
  if (cell || row.length) {
    endCell()
    rows.push(row)
  }
  return rows
}

/** The file's records as objects by header (BOM checked and removed). */
function records(path: string): Array<Record<string, string>> {
  const text = readFileSync(path, 'utf8')
  expect(text.startsWith(UTF8_BOM)).toBe(true)
  const [header, ...rest] = parseCsv(text.slice(1))
  return rest.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])))
}

describe('the CSV writer', () => {
  it('neutralises cells a spreadsheet would run as formulas, and only those', () => {
    for (const bad of ['=HYPERLINK("http://evil","x")', '+1+cmd|/C calc!A0', '-2+3', '@SUM(A1:A9)', '\t=1', '\r=1'])
      expect(neutraliseFormula(bad)).toBe(`'${bad}`)
    for (const fine of ['Good', ' =1', "'1", "'quoted'", 'a=b', '', 'ไทย', '1-2']) expect(neutraliseFormula(fine)).toBe(fine)
    // Typed apostrophes before a formula's start get the guard's too, so an import of the export takes off only the guard's.
    expect(neutraliseFormula("'=1")).toBe("''=1")
    expect(neutraliseFormula("''-2")).toBe("'''-2")
    // Numbers stay numbers: a negative score or sentiment is not text.
    expect(csvCell(-3)).toBe('-3')
    expect(csvCell(-0.25)).toBe('-0.25')
    expect(csvCell('-3')).toBe("'-3")
    expect(csvCell(null)).toBe('')
    expect(csvCell(NaN)).toBe('')
  })

  it('quotes what must be quoted, ends lines with CRLF, and starts the file with a BOM', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines', 'plain', 7])).toBe('"a,b","say ""hi""","two\nlines",plain,7\r\n')
    expect(csvCell('=1,2')).toBe(`"'=1,2"`)
    const text = csvText(['h1', 'h2'], [['Nhân viên', 'กาแฟ']])
    expect(text).toBe('\uFEFFh1,h2\r\nNhân viên,กาแฟ\r\n')
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
  })
})

describe('zoned ISO 8601 times', () => {
  it('writes the workspace zone’s offset at the instant, summer time included, whatever the machine’s zone', () => {
    const saved = process.env.TZ
    process.env.TZ = 'America/Los_Angeles'
    try {
      const bangkok = zonedIsoConverter('Asia/Bangkok')
      expect(bangkok(Date.UTC(2026, 2, 1, 7, 5, 9))).toBe('2026-03-01T14:05:09+07:00')
      expect(bangkok(Date.UTC(2026, 2, 1, 20, 0, 0, 250))).toBe('2026-03-02T03:00:00.250+07:00')
      const berlin = zonedIsoConverter('Europe/Berlin')
      expect(berlin(Date.UTC(2026, 0, 15, 12))).toBe('2026-01-15T13:00:00+01:00')
      expect(berlin(Date.UTC(2026, 6, 15, 12))).toBe('2026-07-15T14:00:00+02:00')
      // The hour the clocks go forward (29 March 2026, 01:00 UTC).
      expect(berlin(Date.UTC(2026, 2, 29, 0, 59))).toBe('2026-03-29T01:59:00+01:00')
      expect(berlin(Date.UTC(2026, 2, 29, 1, 0))).toBe('2026-03-29T03:00:00+02:00')
      expect(zonedIsoConverter('America/St_Johns')(Date.UTC(2026, 0, 1, 12))).toBe('2026-01-01T08:30:00-03:30')
      expect(zonedIsoConverter('Asia/Kathmandu')(Date.UTC(2026, 0, 1, 12))).toBe('2026-01-01T17:45:00+05:45')
    } finally {
      if (saved === undefined) delete process.env.TZ
      else process.env.TZ = saved
    }
  })
})

describe('export.run', () => {
  let app: TestApp
  let events: AppEvent[]
  beforeEach(async () => {
    app = await testAppInMemory({ timezone: 'Asia/Bangkok' })
    events = []
    app.ctx.events.subscribe((e) => events.push(e))
    const file = join(app.dir, 'source.csv')
    writeGeneratorCsv(file, [
      { submitted_at: '2026-03-01T07:05:09Z', channel: 'app', score: 2, comment: '=HYPERLINK("http://evil.example","click")', status: 'resolved', resolved_at: '2026-03-01T10:00:00Z' },
      { submitted_at: '2026-03-02T20:00:00Z', channel: 'store', score: 10, comment: 'Cà phê ngon, "rất" thích\nsẽ quay lại' },
      { submitted_at: '2026-03-03T01:00:00Z', channel: 'app', score: 9, comment: '@SUM(1+1)' },
    ])
    await importFile(app.ctx.session.require(), file)
  })
  afterEach(() => app.cleanup())

  const run = (what: 'responses' | 'customers' | 'all', format: 'csv' | 'xlsx', path: string, filter = {}, exportId = 'export-test-1') =>
    app.api.call('export.run', { exportId, what, format, filter, fileId: destination(app, path, what === 'all' && format === 'csv' ? 'exportFolder' : 'dataExport') })

  it('writes the inbox’s view: its filter, every column, zoned times, tags and notes, formula-safe', async () => {
    const [item] = (await app.api.call('feedback.list', { filter: { score: [9] }, limit: 5 })).items
    await app.api.call('tags.assign', { ids: [item.id], tag: 'Staff' })
    await app.api.call('tags.assign', { ids: [item.id], tag: 'App & payment' })
    await app.api.call('feedback.addNote', { id: item.id, body: '-called back' })
    await app.api.call('feedback.update', { ids: [item.id], owner: 'Lan' })
    const path = join(app.dir, 'app.csv')
    const result = await run('responses', 'csv', path, { channel: ['app'] })
    expect(result).toMatchObject({ path, downloadId: null, rows: 2, files: [{ table: 'responses', fileName: 'app.csv', rows: 2 }] })
    const rows = records(path)
    expect(Object.keys(rows[0])).toEqual([...responseHeader])
    expect(rows.map((r) => r.channel)).toEqual(['app', 'app'])
    // Newest first, as the inbox; times in Bangkok (+07:00), whatever the machine's zone.
    expect(rows.map((r) => r.submitted_at)).toEqual(['2026-03-03T08:00:00+07:00', '2026-03-01T14:05:09+07:00'])
    expect(rows[1]).toMatchObject({ status: 'resolved', resolved_at: '2026-03-01T17:00:00+07:00', score: '2', metric: 'nps', band: 'poor', local_date: '2026-03-01' })
    expect(rows[1].comment).toBe(`'=HYPERLINK("http://evil.example","click")`)
    expect(rows[0]).toMatchObject({ comment: "'@SUM(1+1)", owner: 'Lan', tags: 'App & payment; Staff', band: 'good' })
    expect(rows[0].notes).toMatch(/^\[2026-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+07:00\] -called back$/)
    // The count matches the inbox's for the same filter.
    expect(result!.rows).toBe((await app.api.call('feedback.list', { filter: { channel: ['app'] }, limit: 1 })).total)
    // Progress: counting, then rows written of the total, then done.
    const progress = events.flatMap((e) => (e.name === 'export.progress' ? [e.payload] : []))
    expect(progress[0]).toMatchObject({ stage: 'counting', done: 0 })
    expect(progress.at(-1)).toMatchObject({ stage: 'done', done: 2, total: 2 })
  })

  it('keeps text intact across quotes, commas and line breaks', async () => {
    const path = join(app.dir, 'all.csv')
    await run('responses', 'csv', path)
    const store = records(path).find((r) => r.channel === 'store')!
    expect(store.comment).toBe('Cà phê ngon, "rất" thích\nsẽ quay lại')
  })

  it('writes the same rows to XLSX, its text cells neutralised too', async () => {
    const path = join(app.dir, 'app.xlsx')
    const result = await run('responses', 'xlsx', path, { channel: ['app'] })
    expect(result!.rows).toBe(2)
    const table: string[][] = []
    for await (const batch of xlsxSource(path, 'Responses').batches()) for (const r of batch) table.push(r.fields)
    expect(table[0]).toEqual([...responseHeader])
    const at = (name: string) => responseHeader.indexOf(name as (typeof responseHeader)[number])
    expect(table.slice(1).map((r) => r[at('submitted_at')])).toEqual(['2026-03-03T08:00:00+07:00', '2026-03-01T14:05:09+07:00'])
    expect(table[2][at('comment')]).toBe(`'=HYPERLINK("http://evil.example","click")`)
  })

  it('writes customers, and a whole workspace as a folder of CSV files or one workbook', async () => {
    const customers = join(app.dir, 'customers.csv')
    const c = await run('customers', 'csv', customers)
    expect(c!.rows).toBe(3)
    expect(records(customers)[0]).toMatchObject({ customer_id: 'C000001', email: 'c1@example.com', responses: '1' })

    const folder = join(app.dir, 'everything')
    const all = await run('all', 'csv', folder)
    expect(all!.files.map((f) => [f.table, f.fileName, f.rows])).toEqual([
      ['responses', 'responses.csv', 3],
      ['customers', 'customers.csv', 3],
      ['notes', 'notes.csv', 0],
    ])
    expect(readdirSync(folder).sort()).toEqual(['customers.csv', 'notes.csv', 'responses.csv'])

    const book = join(app.dir, 'everything.xlsx')
    const wb = await run('all', 'xlsx', book, {}, 'export-test-2')
    expect(wb!.rows).toBe(6)
    let n = 0
    for await (const batch of xlsxSource(book, 'Customers').batches()) n += batch.length
    expect(n).toBe(4)
  })

  it('in a browser, offers the file for one download', async () => {
    const result = await app.api.call('export.run', { exportId: 'export-web-1', what: 'responses', format: 'csv', filter: {} })
    expect(result).toMatchObject({ path: null, fileName: 'In memory – responses – 2026-11-22.csv', rows: 3 })
    const download = takeDownload(result!.downloadId!)
    expect(download.contentType).toMatch(/^text\/csv/)
    expect(readFileSync(download.path, 'utf8').startsWith(UTF8_BOM)).toBe(true)
    download.done()
    expect(() => takeDownload(result!.downloadId!)).toThrow()
    // A whole workspace as CSV files needs a folder, which a browser cannot name.
    await expect(app.api.call('export.run', { exportId: 'export-web-2', what: 'all', format: 'csv', filter: {} })).rejects.toMatchObject({ code: 'UNSUPPORTED' })
  })

  it('cancels, leaving no file behind', async () => {
    // Enough rows for several pages, so the export yields between them.
    const file = join(app.dir, 'many.csv')
    writeGeneratorCsv(file, Array.from({ length: 5_000 }, (_, i) => ({ response_id: `M${i}`, submitted_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString() })))
    await importFile(app.ctx.session.require(), file)
    app.ctx.events.subscribe((e) => {
      if (e.name === 'export.progress' && e.payload.stage === 'writing' && e.payload.done > 0) void app.api.call('export.cancel', { exportId: 'export-cancel' })
    })
    const path = join(app.dir, 'cancelled.csv')
    await expect(run('responses', 'csv', path, {}, 'export-cancel')).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(existsSync(path)).toBe(false)
    expect(readdirSync(app.dir).filter((f) => f.includes('.part-'))).toEqual([])
    expect(events.filter((e) => e.name === 'export.progress').at(-1)).toMatchObject({ payload: { stage: 'cancelled' } })
  })

  it('refuses requests outside the contract', async () => {
    await expect(app.api.call('export.run', { exportId: 'x', what: 'responses', format: 'csv', filter: {} })).rejects.toMatchObject({ code: 'VALIDATION' })
    // @ts-expect-error: not a format
    await expect(app.api.call('export.run', { exportId: 'export-bad-1', what: 'responses', format: 'ods', filter: {} })).rejects.toMatchObject({ code: 'VALIDATION' })
    // @ts-expect-error: no path fields
    await expect(app.api.call('export.run', { exportId: 'export-bad-2', what: 'responses', format: 'csv', filter: {}, path: '/tmp/x.csv' })).rejects.toMatchObject({ code: 'VALIDATION' })
  })
})

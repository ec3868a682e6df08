import { afterEach, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { testAppInMemory, type TestApp } from '../../helpers/context'
import { destination } from '../../helpers/files'
import { importFile } from '../../helpers/importing'
import { writeGeneratorCsv } from '../../helpers/csv'
import { csvLine, UTF8_BOM } from '../../../src-main/common/csvWriter'
import { responseHeader, rowFormatters } from '../../../src-main/export/exportColumns'
import { responseColumn, responsePages } from '../../../src-main/export/exportRowsRepository'
import type { OpenWorkspace } from '../../../src-main/db/openWorkspace'
import type { FeedbackFilter } from '../../../src-shared/api/filters'
import { cachedZonedIsoConverter, zonedIsoConverter } from '../../../src-shared/domain/timezone'

/**
 * The CSV fast path (export/responseCsv.ts: raw rows straight to lines, cached dates, questions read
 * once, tags and notes only when the workspace has any, 1 MB writes) must write the very bytes of
 * the general path it replaced for CSV (responsePages + rowFormatters + csvLine, still XLSX's).
 */
function referenceCsv(open: OpenWorkspace, filter: FeedbackFilter): Buffer {
  const pages = responsePages(open.db, open.ws.sqlite, filter)
  const fmt = rowFormatters(open.settings.timezone)
  let out = UTF8_BOM + csvLine(responseHeader)
  let page = pages.page()
  while (page.length) {
    for (const r of page) out += csvLine(fmt.response(r))
    const last = page[page.length - 1]
    page = pages.page({ submittedAt: last[responseColumn.submitted_at] as number, id: last[responseColumn.id] as number })
  }
  return Buffer.from(out, 'utf8')
}

const tricky = [
  { submitted_at: '2026-03-01T07:05:09.123Z', channel: 'app', score: 2, comment: '=HYPERLINK("http://evil.example","click")', status: 'resolved', resolved_at: '2026-03-01T10:00:00.5Z' },
  { submitted_at: '2026-03-29T00:59:59Z', channel: '+cmd|calc', score: 10, comment: 'Cà phê ngon, "rất" thích\nsẽ quay lại', language: 'vi' },
  { submitted_at: '2026-03-29T01:00:00Z', channel: 'app', score: 9, comment: '@SUM(1+1)', location: '-Sukhumvit' },
  { submitted_at: '2026-10-25T00:30:00.007Z', channel: 'store', score: 0, comment: 'กาแฟอร่อยมาก\tบริการดี', language: 'th', customer_email: '\t=1@x.example' },
  { submitted_at: '1999-12-31T23:59:59Z', channel: 'store', metric: 'csat', score: 1, comment: '\r=cmd', customer_id: '' },
  { submitted_at: '2026-07-04T12:00:00Z', channel: 'web', metric: 'ces', score: 7, comment: 'line one\r\nline two, with "quotes"' },
]

describe('the CSV fast path of export.run', () => {
  let app: TestApp
  let exports = 0
  afterEach(() => app.cleanup())

  const exportBytes = async (filter: FeedbackFilter = {}) => {
    const path = join(app.dir, `fast-${++exports}.csv`)
    await app.api.call('export.run', { exportId: `fast-export-${exports}`, what: 'responses', format: 'csv', filter, fileId: destination(app, path, 'dataExport') })
    return readFileSync(path)
  }

  it('writes the general path’s bytes: a demo workspace with tags, notes, customers, formula cells, Thai and Vietnamese', async () => {
    app = await testAppInMemory({ timezone: 'Asia/Bangkok', seed: 'cafeDemo' })
    const open = app.ctx.session.require()
    const file = join(app.dir, 'tricky.csv')
    writeGeneratorCsv(file, tricky)
    await importFile(open, file)
    const sqlite = open.ws.sqlite
    // Customers and rows with values a spreadsheet could misread, or that need quoting.
    sqlite.prepare(`UPDATE customers SET name = '=cmd|'' /C calc''!A0', phone = '+84 90 123 4567', segment = 'VIP, "gold"' WHERE id = (SELECT customer_id FROM responses WHERE customer_id IS NOT NULL ORDER BY submitted_at DESC LIMIT 1)`).run()
    sqlite.prepare(`UPDATE customers SET name = 'สมชาย ใจดี', phone = '-1' WHERE id = (SELECT max(id) FROM customers)`).run()
    sqlite.prepare(`UPDATE responses SET sentiment = -0.2345, owner = '@Lan', status_changed_by = 'Minh', status_changed_at = submitted_at + 61001 WHERE id % 7 = 0`).run()
    sqlite.prepare(`UPDATE responses SET band = NULL, sentiment = NULL WHERE id % 11 = 0`).run()
    // Customer cells come from a per-export lookup, not a join: customers without an e-mail (the
    // response's own is written instead), with none of name, phone and segment, and responses with
    // an e-mail of their own beside their customer's.
    sqlite.prepare(`UPDATE customers SET email = NULL WHERE id % 3 = 0`).run()
    sqlite.prepare(`UPDATE customers SET name = NULL, phone = NULL, segment = NULL WHERE id % 5 = 0`).run()
    sqlite.prepare(`UPDATE responses SET respondent_email = 'r' || id || '@x.example' WHERE id % 2 = 0`).run()
    sqlite.prepare(`UPDATE responses SET sentiment = -0.0004 WHERE id % 13 = 0`).run()
    // Channel … status come as one text joined by char(31): values that hold that character
    // themselves (the text is then ambiguous), and NULLs beside empty texts.
    sqlite.prepare(`UPDATE responses SET location = 'Quận 1' || char(31) || 'x', touchpoint = NULL WHERE id % 17 = 0`).run()
    sqlite.prepare(`UPDATE responses SET channel = char(31), stage = '' WHERE id % 19 = 0`).run()
    // Owner, status_changed_at, status_changed_by and resolved_at come as one JSON text, NULL when all
    // four are: each alone, an empty text beside NULLs, a far-off time, and texts JSON escapes
    // (quotes, backslash, tab, U+2028, Thai) or a spreadsheet could misread.
    sqlite.prepare(`UPDATE responses SET owner = ?, status_changed_at = NULL, status_changed_by = NULL, resolved_at = NULL WHERE id % 23 = 0`).run('Lan "Lead", \\ ทีม\t=x\u2028y')
    sqlite.prepare(`UPDATE responses SET owner = '', status_changed_at = NULL, status_changed_by = NULL, resolved_at = NULL WHERE id % 29 = 0`).run()
    sqlite.prepare(`UPDATE responses SET owner = NULL, status_changed_at = NULL, status_changed_by = '-Minh, "M"', resolved_at = NULL WHERE id % 31 = 0`).run()
    sqlite.prepare(`UPDATE responses SET owner = NULL, status_changed_at = NULL, status_changed_by = NULL, status = 'resolved', resolved_at = submitted_at + 1 WHERE id % 37 = 0`).run()
    sqlite.prepare(`UPDATE responses SET owner = NULL, status_changed_at = 4102444799999, status_changed_by = NULL, resolved_at = NULL WHERE id % 41 = 0`).run()
    expect((sqlite.prepare(`SELECT count(*) AS n FROM responses WHERE coalesce(owner, status_changed_at, status_changed_by, resolved_at) IS NOT NULL`).get() as { n: number }).n).toBeGreaterThan(20)
    const [first, second] = (await app.api.call('feedback.list', { filter: {}, limit: 2 })).items
    await app.api.call('tags.assign', { ids: [first.id, second.id], tag: 'Staff' })
    await app.api.call('tags.assign', { ids: [first.id], tag: '=Bad tag' })
    await app.api.call('feedback.addNote', { id: first.id, body: '-called back, "twice"' })
    await app.api.call('feedback.addNote', { id: first.id, body: 'ลูกค้าพอใจ' })
    expect(sqlite.prepare('SELECT count(*) AS n FROM response_tags').get()).not.toEqual({ n: 0 })

    const fast = await exportBytes()
    expect(fast.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(fast.toString('utf8')).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`)
    expect(fast.toString('utf8')).toContain(`"Lan ""Lead"", \\ ทีม\t=x\u2028y"`)
    expect(fast.toString('utf8')).toContain(`"'-Minh, ""M"""`)
    expect(fast.equals(referenceCsv(open, {}))).toBe(true)
    // A filtered view too (the filter's parameters come before the cursor's).
    const filter: FeedbackFilter = { channel: ['app', 'store'], from: '2026-01-01' }
    expect((await exportBytes(filter)).equals(referenceCsv(open, filter))).toBe(true)
    // A view with fewer rows than the workspace has customers: each customer is looked up as a row names it.
    const few: FeedbackFilter = { channel: ['+cmd|calc'] }
    expect(sqlite.prepare(`SELECT (SELECT count(*) FROM responses WHERE channel = '+cmd|calc') AS rows, (SELECT count(*) FROM customers) > 1 AS more`).get()).toEqual({ rows: 1, more: 1 })
    expect((await exportBytes(few)).equals(referenceCsv(open, few))).toBe(true)
  })

  it('writes the general path’s bytes in a zone with summer time, with no tags or notes in the workspace', async () => {
    app = await testAppInMemory({ timezone: 'Europe/Berlin' })
    const open = app.ctx.session.require()
    const file = join(app.dir, 'tricky.csv')
    // More rows than a page (2,000), many sharing an instant: the keyset cursor's ties and page ends.
    const many = Array.from({ length: 4_500 }, (_, i) => ({ response_id: `M${i}`, submitted_at: new Date(Date.UTC(2026, 5, 1) + Math.floor(i / 7) * 60_000).toISOString(), score: i % 11, comment: i % 5 ? '' : `row ${i}, "quoted"` }))
    writeGeneratorCsv(file, [...tricky, ...many])
    await importFile(open, file)
    const fast = await exportBytes()
    const text = fast.toString('utf8')
    // Header, every row, the final empty split — and one comment's own CRLF.
    expect(text.split('\r\n').length).toBe(1 + tricky.length + many.length + 1 + 1)
    // Either side of the spring change, and milliseconds only when there are some.
    expect(text).toContain('2026-03-29T01:59:59+01:00')
    expect(text).toContain('2026-03-29T03:00:00+02:00')
    expect(text).toContain('2026-03-01T08:05:09.123+01:00')
    expect(fast.equals(referenceCsv(open, {}))).toBe(true)
  })
})

describe('cachedZonedIsoConverter', () => {
  it('gives zonedIsoConverter’s text for every instant, across summer-time changes and odd offsets', () => {
    for (const tz of ['Asia/Bangkok', 'Europe/Berlin', 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Chatham', 'UTC']) {
      const slow = zonedIsoConverter(tz)
      const fast = cachedZonedIsoConverter(tz)
      let seed = 17
      const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
      const instants = [0, 1, 999, 86_400_000, Date.UTC(2026, 2, 29, 0, 59, 59, 999), Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 0, 59, 59), Date.UTC(2026, 9, 25, 1), -1000, 1.5, Date.UTC(9999, 11, 31)]
      for (let i = 0; i < 3000; i++) {
        const at = Math.floor(Date.UTC(1990, 0, 1) + random() * (Date.UTC(2040, 0, 1) - Date.UTC(1990, 0, 1)))
        instants.push(at, at - (at % 1000), at - (at % 86_400_000))
      }
      for (const at of instants) expect(fast(at), `${tz} ${at}`).toBe(slow(at))
    }
  })
})

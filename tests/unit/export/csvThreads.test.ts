import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { testApp, type TestApp } from '../../helpers/context'
import { createWorkspaceAt, destination } from '../../helpers/files'
import { writeGeneratorCsv } from '../../helpers/csv'
import { exportData } from '../../../src-main/export/exportService'
import { csvResponseQuery, exportHasTagsAndNotes, exportQuestions, exportRangeEnds } from '../../../src-main/export/exportRowsRepository'
import { defaultExportThreads, rangesFrom, writeCsvInThreads, type ExportThreads } from '../../../src-main/export/exportThreads'
import type { AppEvent } from '../../../src-shared/api/events'
import type { FeedbackFilter } from '../../../src-shared/api/filters'

/**
 * A large CSV export is read by reader threads, each taking ranges of the export's order
 * (export/exportThreads.ts); the file must hold the very bytes of the single-threaded export.
 * Small ranges and chunks here, so that a few thousand rows make many ranges, many chunks per range
 * and threads that wait for the writing — and range ends that fall inside runs of rows submitted
 * at the same instant (the order's second key, the id, decides there).
 */
const SMALL: Partial<ExportThreads> = { from: 0, count: 3, rangeRows: 97, chunkBytes: 8 * 1024, ahead: 2 }
const NEVER: Partial<ExportThreads> = { from: Number.POSITIVE_INFINITY }

let app: TestApp
let events: AppEvent[]
let n = 0

beforeEach(async () => {
  app = testApp({ timezone: 'Europe/Berlin' })
  events = []
  app.ctx.events.subscribe((e) => events.push(e))
  // A workspace file (reader threads open it themselves), with the demo's customers, tags and notes…
  await createWorkspaceAt(app, join(app.dir, 'threads.cxdesk'), { demo: true })
  // …and runs of up to 13 rows sharing an instant, with text that needs quoting and guarding.
  const file = join(app.dir, 'many.csv')
  const comments = ['', 'plain', '=SUM(A1)', 'Cà phê "ngon", sẽ quay lại\nlần sau', 'กาแฟอร่อย', '-1', '@x', 'a,b']
  writeGeneratorCsv(
    file,
    Array.from({ length: 3_000 }, (_, i) => ({
      response_id: `T${i}`,
      submitted_at: new Date(Date.UTC(2026, 2, 28, 12) + Math.floor(i / 13) * 3_600_000).toISOString(),
      score: i % 11,
      comment: comments[i % comments.length],
      channel: i % 3 ? 'app' : 'store',
    })),
  )
  await app.api.call('import.run', { fileId: app.ctx.files.register(file).id })
})
afterEach(() => app.cleanup())

async function exportWith(threads: Partial<ExportThreads>, filter: FeedbackFilter = {}, exportId = `threads-${++n}`): Promise<Buffer> {
  const path = join(app.dir, `${exportId}.csv`)
  const { ctx } = app
  await exportData(
    { platform: ctx.platform, files: ctx.files, events: ctx.events, paths: ctx.paths, sqlite: ctx.sqlite, exportThreads: threads },
    ctx.session.require(),
    { exportId, what: 'responses', format: 'csv', filter, fileId: destination(app, path, 'dataExport') },
    ctx.clock.now(),
  )
  return readFileSync(path)
}

describe('a CSV export read by several threads', () => {
  it('writes the single-threaded export’s bytes, with range ends inside runs of equal instants, and reports its progress', async () => {
    const open = app.ctx.session.require()
    const sqlite = open.ws.sqlite
    const [first, second] = (await app.api.call('feedback.list', { filter: {}, limit: 2 })).items
    await app.api.call('tags.assign', { ids: [first.id, second.id], tag: '=Staff' })
    await app.api.call('feedback.addNote', { id: second.id, body: 'called back, "twice"' })

    // The ranges: ends that split a run of rows sharing an instant (the next range starts with the same submitted_at).
    const ends = exportRangeEnds(open.db, sqlite, {}, SMALL.rangeRows!)
    const total = (sqlite.prepare('SELECT count(*) AS n FROM responses').get() as { n: number }).n
    expect(ends.length).toBe(Math.floor(total / SMALL.rangeRows!))
    const splitRuns = ends.filter((e) => (sqlite.prepare('SELECT count(*) AS n FROM responses WHERE submitted_at = ? AND id < ?').get(e.submittedAt, e.id) as { n: number }).n > 0)
    expect(splitRuns.length).toBeGreaterThan(3)
    expect(rangesFrom(ends).length).toBe(ends.length + 1)

    const single = await exportWith(NEVER)
    events.length = 0
    const threaded = await exportWith(SMALL)
    expect(threaded.length).toBe(single.length)
    expect(threaded.equals(single)).toBe(true)
    expect(single.toString('utf8').split('\r\n').length).toBeGreaterThan(3_000)

    const progress = events.flatMap((e) => (e.name === 'export.progress' ? [e.payload] : []))
    const writing = progress.filter((p) => p.stage === 'writing')
    expect(writing.length).toBeGreaterThan(10)
    for (let i = 1; i < writing.length; i++) expect(writing[i].done).toBeGreaterThanOrEqual(writing[i - 1].done)
    expect(progress.at(-1)).toMatchObject({ stage: 'done', done: total, total })

    // A range size that is a multiple of the row count (an empty last range), and ranges larger than the rows.
    expect((await exportWith({ ...SMALL, rangeRows: total })).equals(single)).toBe(true)
    expect((await exportWith({ ...SMALL, rangeRows: total + 1, count: 2 })).equals(single)).toBe(true)
  }, 60_000)

  it('fills a ring of shared slots per thread, each again only once written, and sends a row longer than a slot in a buffer of its own', async () => {
    const open = app.ctx.session.require()
    const sqlite = open.ws.sqlite
    // Rows longer than a slot of 8 KB (one in Thai: three bytes a character), among lines near a slot's size.
    sqlite.prepare(`UPDATE responses SET comment = ? WHERE id % 40 = 0`).run('y'.repeat(2_000))
    const long = ['ก'.repeat(3_000), 'x'.repeat(2_800), `"${'q'.repeat(9_000)}"`]
    sqlite.prepare(`UPDATE responses SET comment = ? WHERE id = (SELECT id FROM responses ORDER BY submitted_at DESC, id DESC LIMIT 1 OFFSET 150)`).run(long[0])
    sqlite.prepare(`UPDATE responses SET comment = ? WHERE id = (SELECT id FROM responses ORDER BY submitted_at DESC, id DESC LIMIT 1 OFFSET 151)`).run(long[1])
    sqlite.prepare(`UPDATE responses SET comment = ? WHERE id IN (SELECT id FROM responses ORDER BY submitted_at DESC, id DESC LIMIT 2 OFFSET 1000)`).run(long[2])

    const single = await exportWith(NEVER)
    for (const threads of [SMALL, { ...SMALL, ahead: 1, count: 2 }]) {
      const settings = { ...defaultExportThreads(), ...threads }
      const parts: Buffer[] = []
      const slots = new Set<ArrayBufferLike>()
      let own = 0
      const rows = await writeCsvInThreads({
        path: open.ws.path,
        nativeBinding: app.ctx.sqlite?.nativeBinding,
        query: csvResponseQuery(open.db, {}, exportHasTagsAndNotes(sqlite)),
        timezone: open.settings.timezone,
        questions: exportQuestions(sqlite),
        preloadCustomers: true,
        ranges: rangesFrom(exportRangeEnds(open.db, sqlite, {}, settings.rangeRows)),
        threads: settings,
        signal: new AbortController().signal,
        write: (bytes) => {
          // Copied now: the slot is filled again once this returns.
          parts.push(Buffer.from(bytes))
          if (bytes.buffer instanceof SharedArrayBuffer) slots.add(bytes.buffer)
          else own++
        },
      })
      expect(rows).toBe((sqlite.prepare('SELECT count(*) AS n FROM responses').get() as { n: number }).n)
      // Header and BOM aside, the single-threaded export's bytes.
      const headerEnd = single.indexOf('\r\n') + 2
      expect(Buffer.concat(parts).equals(single.subarray(headerEnd))).toBe(true)
      // Every chunk in a slot but the four rows longer than one.
      expect(own).toBe(4)
      expect(slots.size).toBeGreaterThan(settings.count)
      expect(slots.size).toBeLessThanOrEqual(settings.count * (settings.ahead + 1))
    }
  }, 60_000)

  it('applies the inbox’s filter', async () => {
    for (const filter of [{ channel: ['store'], from: '2026-03-29' }, { text: 'ngon' }, { score: [0, 1, 2] }] satisfies FeedbackFilter[]) {
      const single = await exportWith(NEVER, filter)
      expect((await exportWith(SMALL, filter)).equals(single)).toBe(true)
    }
  }, 60_000)

  it('writes the same bytes in a workspace with no tags or notes, whose rows end before them, and customers without e-mail', async () => {
    const sqlite = app.ctx.session.require().ws.sqlite
    sqlite.exec(`DELETE FROM response_tags; DELETE FROM notes; UPDATE customers SET email = NULL WHERE id % 2 = 0`)
    const single = await exportWith(NEVER)
    expect((await exportWith(SMALL)).equals(single)).toBe(true)
    // Fewer rows than customers: each thread looks customers up as its rows name them.
    expect((await exportWith(SMALL, { text: 'ngon' })).equals(await exportWith(NEVER, { text: 'ngon' }))).toBe(true)
  }, 60_000)

  it('cancels, stopping every thread and leaving no file behind', async () => {
    app.ctx.events.subscribe((e) => {
      if (e.name === 'export.progress' && e.payload.stage === 'writing' && e.payload.done > 0) void app.api.call('export.cancel', { exportId: 'threads-cancel' })
    })
    await expect(exportWith({ ...SMALL, count: 2, ahead: 1 }, {}, 'threads-cancel')).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(existsSync(join(app.dir, 'threads-cancel.csv'))).toBe(false)
    expect(readdirSync(app.dir).filter((f) => f.includes('.part-'))).toEqual([])
    expect(events.filter((e) => e.name === 'export.progress').at(-1)).toMatchObject({ payload: { stage: 'cancelled' } })
  }, 60_000)
})

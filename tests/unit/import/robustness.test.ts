import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { OpenWorkspace } from '../../../src-main/db/openWorkspace'
import { cancelImport, inspectImport, runImport } from '../../../src-main/import/importService'
import { AppError } from '../../../src-shared/api/result'
import { freshWorkspace } from '../../helpers/db'
import { fakeClock } from '../../helpers/clock'
import { testApp } from '../../helpers/context'
import { createWorkspaceAt } from '../../helpers/files'
import { fileAt, importFile, inspect, rows } from '../../helpers/importing'
import type { ImportMapping } from '../../../src-shared/api/imports'
import { MAX_LISTED_ERRORS } from '../../../src-main/import/mapping/tableMapper'
import { writeFeedbackCsv } from '../../bench/writeFeedbackCsv'

let dir: string
let open: OpenWorkspace
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxdesk-robust-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))
beforeEach(async () => {
  open = await freshWorkspace('Asia/Ho_Chi_Minh')
})
afterEach(() => open.ws.close())

const count = () => rows<{ n: number }>(open, 'SELECT count(*) n FROM responses')[0].n

describe('re-importing adds nothing twice', () => {
  it('recognises rows of an overlapping export without ids by their content', async () => {
    const header = 'Ngày,Điểm,Góp ý\n'
    const a = join(dir, 'feb.csv')
    const b = join(dir, 'feb-mar.csv')
    writeFileSync(a, header + '20/2/2025,9,Ngon\n21/2/2025,3,Chậm\n')
    writeFileSync(b, header + '20/2/2025,9,Ngon\n21/2/2025,3,Chậm\n13/3/2025,10,Tuyệt vời\n')
    const first = await importFile(open, a)
    expect(first).toMatchObject({ imported: 2 })
    const second = await importFile(open, b)
    expect(second).toMatchObject({ imported: 1, duplicates: 2 })
    expect(count()).toBe(3)
  })

  it('a check (dry run) writes nothing and predicts the counts', async () => {
    const a = join(dir, 'dry.csv')
    writeFileSync(a, 'Date,Score\n' + Array.from({ length: 9 }, (_, i) => `2025-01-0${i + 1},9\n`).join('') + '2025-01-10,11\n')
    const s = await importFile(open, a, undefined, { dryRun: true })
    expect(s).toMatchObject({ dryRun: true, imported: 9, rejected: 1, importId: null })
    expect(count()).toBe(0)
  })
})

describe('bad rows', () => {
  it('are listed by row number, column and reason while the good rows import', async () => {
    const path = join(dir, 'bad.csv')
    writeFileSync(path, 'Date,Score,Comment\n2025-01-01,9,ok\n2025-13-01,9,bad month\n2025-01-03,,\n2025-01-04,x,what\n2025-01-05,7\n"2025-01-06",10,"fine"\n')
    const s = await importFile(open, path)
    expect(s.imported).toBe(2)
    expect(s.errors.map(({ row, column, reason }) => ({ row, column, reason }))).toEqual([
      { row: 3, column: 'Date', reason: expect.stringContaining('not a date') },
      { row: 4, column: 'Score', reason: 'has neither a score nor a comment' },
      { row: 5, column: 'Score', reason: expect.stringContaining('"x"') },
      { row: 6, column: null, reason: 'expected 3 columns, found 2' },
    ])
    // The UI translates the reason from its code and parameters.
    expect(s.errors[2]).toMatchObject({ code: 'badScore', params: { value: 'x', min: 0, max: 10, metric: 'NPS' } })
  })
})

describe('cancel and crash leave the workspace as it was', () => {
  it('a cancel in the middle rolls back everything', async () => {
    const path = join(dir, 'big.csv')
    await writeFeedbackCsv(path, 60_000)
    let progressEvents = 0
    const err = await runImport(open, fileAt(path), { jobId: 'cancel-me-now', dryRun: false, remember: false }, {
      clock: fakeClock(),
      emit: () => {
        progressEvents++
        cancelImport('cancel-me-now')
      },
    }).catch((e: unknown) => e)
    expect(progressEvents).toBeGreaterThan(0)
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).code).toBe('CANCELLED')
    expect(count()).toBe(0)
    expect(rows(open, 'SELECT * FROM imports')).toEqual([])
    expect(open.ws.sqlite.inTransaction).toBe(false)
  })

  it('a SIGKILL of the importing process leaves the file consistent, and the import can simply be run again', async () => {
    const ws = join(dir, 'killed.cxdesk')
    const csv = join(dir, 'killed.csv')
    await writeFeedbackCsv(csv, 150_000)
    const cli = join(__dirname, '../../../src-main/cli/cxdesk.cjs')
    const run = (args: string[]) => spawn(process.execPath, [cli, ...args], { env: { ...process.env, CXDESK_HOME: join(dir, 'home') }, stdio: 'pipe' })
    await new Promise((r) => run(['init', ws]).on('exit', r))
    const child = run(['import', ws, csv, '--json'])
    // Kill it once the transaction is well under way (its pages are in the WAL, uncommitted).
    const wal = `${ws}-wal`
    const deadline = Date.now() + 60_000
    while (!(existsSync(wal) && statSync(wal).size > 4 << 20) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 50))
    expect(child.exitCode).toBeNull()
    child.kill('SIGKILL')
    await new Promise((r) => child.once('exit', r))

    const db = new Database(ws)
    expect(db.pragma('quick_check', { simple: true })).toBe('ok')
    expect((db.prepare('SELECT count(*) n FROM responses').get() as { n: number }).n).toBe(0)
    expect((db.prepare('SELECT count(*) n FROM imports').get() as { n: number }).n).toBe(0)
    expect((db.prepare('SELECT count(*) n FROM feedback_fts').get() as { n: number }).n).toBe(0)
    db.close()
    const again = run(['import', ws, csv, '--json'])
    let out = ''
    again.stdout.on('data', (d) => (out += String(d)))
    await new Promise((r) => again.once('exit', r))
    expect(JSON.parse(out)).toMatchObject({ rowsRead: 150_000, imported: 150_000, rejected: 0 })
  }, 180_000)
})

describe('the import worker', () => {
  it('imports into a workspace file from a worker thread and reports progress', async () => {
    const app = testApp()
    try {
      await createWorkspaceAt(app, join(app.dir, 'w.cxdesk'))
      const events: string[] = []
      app.ctx.events.subscribe((e) => events.push(e.name))
      const ref = app.ctx.files.register(join(__dirname, '../../fixtures/generator-400.csv'))
      const s = await app.api.call('import.run', { fileId: ref.id })
      expect(s).toMatchObject({ imported: 400 })
      expect(events).toContain('import.progress')
      expect(events).toContain('workspace.changed')
      // The main connection sees the worker's commit.
      expect((await app.api.call('feedback.list', { limit: 1 })).total).toBe(400)
    } finally {
      await app.cleanup()
    }
  })
})

/** A row of a generated file, and what the import must make of it. */
type RowKind = 'good' | 'duplicate' | 'badScore' | 'badDate' | 'empty' | 'wrongWidth'
const quoted = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)

describe('every row is accounted for', () => {
  const clean = join(__dirname, '../../fixtures/exports/google-forms.csv')
  const mappingFor = async (path: string) => (await inspect(open, path)).mapping

  it('rows read = imported + duplicates + rejected, with each count known before the import', async () => {
    // Dates, scores and comments by column, whatever the rows hold.
    const model = join(dir, 'model.csv')
    writeFileSync(model, 'Date,Score,Comment\n2025-01-01,9,ok\n2025-01-02,7,fine\n')
    const mapping = await mappingFor(model)
    expect(mapping.columns.map((c) => c.role)).toEqual(['date', 'score', 'comment'])
    const row = fc.record({
      kind: fc.constantFrom<RowKind>('good', 'good', 'duplicate', 'badScore', 'badDate', 'empty', 'wrongWidth'),
      comment: fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\n', 'ệ', 'ไ', '9'), maxLength: 12 }),
      pick: fc.nat(),
    })
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 25 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.boolean(), async (spec, eol, bom, openQuoteAtEnd) => {
        const lines: string[] = []
        const goods: string[] = []
        const expected = { rowsRead: spec.length + (openQuoteAtEnd ? 1 : 0), imported: 0, duplicates: 0, rejected: openQuoteAtEnd ? 1 : 0 }
        spec.forEach(({ kind, comment, pick }, i) => {
          const date = new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)
          if (kind === 'good' || (kind === 'duplicate' && !goods.length)) {
            const line = [date, String(i % 11), quoted(comment)].join(',')
            goods.push(line)
            lines.push(line)
            expected.imported++
          } else if (kind === 'duplicate') {
            lines.push(goods[pick % goods.length])
            expected.duplicates++
          } else {
            const bad = { badScore: [date, pick % 2 ? 'x' : '11', quoted(comment)], badDate: ['2025-13-45', '5', quoted(comment)], empty: [date, '', ''], wrongWidth: [date, '5'] }[kind]
            lines.push(bad.join(','))
            expected.rejected++
          }
        })
        // A quote that never closes, at the end: one more row read, and rejected.
        const tail = openQuoteAtEnd ? `2026-01-01,3,"never closed${eol}2026-01-02,4,lost${eol}` : ''
        const path = join(dir, 'accounted.csv')
        writeFileSync(path, `${bom ? '\uFEFF' : ''}Date,Score,Comment${eol}${lines.join(eol)}${eol}${tail}`)
        const ws = await freshWorkspace()
        try {
          const s = await importFile(ws, path, mapping)
          expect({ rowsRead: s.rowsRead, imported: s.imported, duplicates: s.duplicates, rejected: s.rejected }).toEqual(expected)
          expect(rows<{ n: number }>(ws, 'SELECT count(*) n FROM responses')[0].n).toBe(expected.imported)
        } finally {
          await ws.ws.close()
        }
      }),
      { numRuns: 120 },
    )
  })

  it('in mutated files too: each row read is imported, a duplicate, or rejected with its row number, once', async () => {
    const base = readFileSync(clean, 'utf8')
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat(base.length), cut: fc.nat(6), insert: fc.string({ unit: fc.constantFrom('"', ',', '\n', '\r', ';', 'x', '9', 'ệ', 'ไ', '/', ' '), maxLength: 4 }) }), { maxLength: 6 }),
        async (edits) => {
          let text = base
          for (const e of edits) text = text.slice(0, e.at) + e.insert + text.slice(e.at + e.cut)
          const path = join(dir, 'fuzz.csv')
          writeFileSync(path, text)
          const ws = await freshWorkspace()
          try {
            // As the import page does it: the mapping of the inspection, then the import with it.
            const result = await inspectImport(ws, fileAt(path), { kind: 'responses' })
              .then((insp) => importFile(ws, path, insp.mapping).then((summary) => ({ summary, mapping: insp.mapping })))
              .catch((e: unknown) => e)
            if (result instanceof AppError) {
              expect(['VALIDATION', 'IMPORT_FAILED']).toContain(result.code)
              return
            }
            if (result instanceof Error) throw result
            const { summary, mapping } = result as { summary: Awaited<ReturnType<typeof importFile>>; mapping: ImportMapping }
            // A row kept makes one response per score column (a mutated header may show two): with one
            // column, rows read = imported + duplicates + rejected exactly.
            const perRow = Math.max(1, mapping.columns.filter((c) => c.role === 'score').length)
            const kept = summary.rowsRead - summary.rejected
            expect(summary.imported + summary.duplicates).toBeGreaterThanOrEqual(kept)
            expect(summary.imported + summary.duplicates).toBeLessThanOrEqual(kept * perRow)
            expect(rows<{ n: number }>(ws, 'SELECT count(*) n FROM responses')[0].n).toBe(summary.imported)
            // Every rejected row is listed, by its number, once (up to the list's cap).
            const listed = summary.errors.map((e) => e.row)
            for (const r of listed) expect(r).toBeGreaterThan(0)
            expect(new Set(listed).size).toBe(listed.length)
            expect(listed.length).toBe(Math.min(summary.rejected, MAX_LISTED_ERRORS))
          } finally {
            await ws.ws.close()
          }
        },
      ),
      { numRuns: 150 },
    )
  })
})

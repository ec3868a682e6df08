import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { OpenWorkspace } from '../../../src-main/db/openWorkspace'
import { commentAnalyzer } from '../../../src-main/feedback/feedbackWriter'
import { compileLexicons } from '../../../src-main/text/sentiment'
import { ApiCallError } from '../../../src-shared/api/client'
import { testApp } from '../../helpers/context'
import { freshWorkspace } from '../../helpers/db'
import { createWorkspaceAt } from '../../helpers/files'
import { importFile, rows } from '../../helpers/importing'

/** Defects the robustness suite found in the importer, each pinned by the smallest file that showed it. */
let dir: string
let open: OpenWorkspace
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxdesk-robust-defects-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))
beforeEach(async () => {
  open = await freshWorkspace()
})
afterEach(() => open.ws.close())

const write = (name: string, text: string) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

describe('a quoted field that never closes', () => {
  // Found as "rows read 39 ≠ imported 0 + duplicates 33 + rejected 7" (seed 3, file 34: a truncated, newline-stormed export).
  it('rejects the row that swallowed the rest of the file, once, and imports none of what it swallowed', async () => {
    const s = await importFile(open, write('open-quote.csv', 'Date,Score,Comment\n2025-01-01,9,fine\n2025-01-02,8,"never closed\n2025-01-03,7,ok\n'))
    expect(s).toMatchObject({ rowsRead: 2, imported: 1, duplicates: 0, rejected: 1 })
    expect(s.errors.map(({ row, code }) => ({ row, code }))).toEqual([{ row: 3, code: 'unterminatedQuote' }])
    expect(rows(open, 'SELECT comment FROM responses')).toEqual([{ comment: 'fine' }])
  })

  it('counts it once when its width is wrong too', async () => {
    const good = Array.from({ length: 9 }, (_, i) => `2025-01-0${i + 1},${i},ok`).join('\n')
    const s = await importFile(open, write('open-quote-wide.csv', `Date,Score,Comment\n${good}\n"2025-01-10,8,never closed\n2025-01-11,6,meh\n`))
    expect(s).toMatchObject({ rowsRead: 10, imported: 9, rejected: 1 })
    expect(s.errors.map(({ row, code }) => ({ row, code }))).toEqual([{ row: 11, code: 'unterminatedQuote' }])
  })
})

describe('a field of escaped quotes', () => {
  // Found as "needed more memory than CX Desk gives one file" from import.run while import.inspect refused the same
  // file clearly (seed 12, file 22: typeform.csv with a 4.3 MB field of "" pairs): the parser appended one character
  // per pair, and a million one-character strings exhausted the import's reader thread (48 MB) before the field's bound.
  it('is refused by its length in the import reader thread, as in the mapping step, not by the thread running out of memory', async () => {
    const app = testApp()
    try {
      await createWorkspaceAt(app, join(app.dir, 'w.cxdesk'))
      // A comment of 900,000 escaped quotes (the mapping step holds it in its head), then one that runs past the bound.
      const path = write('escaped-quotes.csv', `Date,Score,Comment\n2025-01-01,9,"${'""'.repeat(900_000)}"\n2025-01-02,8,"${'""'.repeat(1_100_000)}"\n`)
      const fileId = app.ctx.files.register(path).id
      const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as ApiCallError)
      const inspected = await failure(app.api.call('import.inspect', { fileId }))
      const run = await failure(app.api.call('import.run', { fileId }))
      expect(inspected).toMatchObject({ code: 'IMPORT_FAILED', details: { problem: 'quoteNeverEnds', params: { row: 3 } } })
      expect(run).toMatchObject({ code: 'IMPORT_FAILED', details: { problem: 'quoteNeverEnds', params: { row: 3 } } })
      expect(await app.api.call('feedback.list', { limit: 1 })).toMatchObject({ total: 0 })
    } finally {
      await app.cleanup()
    }
  })
})

describe('the cache of comment analyses', () => {
  // Found with a legitimate 57 MB Thai export (22,000 rows, 900-character comments): import.inspect read it, and import.run
  // ended with "Worker terminated due to reaching memory limit". The cache kept up to 20,000 analyses whatever their size,
  // each holding its comment twice (key and search text): about 80 MB of the import worker's 96 MB.
  const analyze = () => commentAnalyzer(compileLexicons([]), () => [])

  it('keeps short comments that repeat, not long ones', () => {
    const a = analyze()
    expect(a('Ngon', 'vi')).toBe(a('Ngon', 'vi'))
    const long = 'ร้านนี้กาแฟอร่อยมาก '.repeat(50)
    expect(a(long, 'th')).not.toBe(a(long, 'th'))
    expect(a(long, 'th')).toEqual(a(long, 'th'))
  })

  it('holds a bounded amount of text, not a bounded number of comments', () => {
    const a = analyze()
    const first = a('Ngon', 'vi')
    // 5,000 different comments of 450 characters: 2.25 M characters, far fewer entries than the cache's 20,000.
    for (let i = 0; i < 5_000; i++) a(`${i} ${'Chờ lâu quá, nhân viên không để ý. '.repeat(13)}`, 'vi')
    expect(a('Ngon', 'vi')).not.toBe(first)
    expect(a('Ngon', 'vi')).toEqual(first)
  })
})

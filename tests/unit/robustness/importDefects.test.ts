import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { OpenWorkspace } from '../../../src-main/services/workspaceSession'
import { freshWorkspace } from '../../helpers/db'
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

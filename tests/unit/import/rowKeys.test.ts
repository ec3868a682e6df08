import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ImportMapping } from '../../../src-shared/api/imports'
import type { OpenWorkspace } from '../../../src-main/db/openWorkspace'
import { legacyRowKey } from '../../../src-main/import/mapping/rowKeys'
import { freshWorkspace } from '../../helpers/db'
import { importFile, inspect, rows } from '../../helpers/importing'

let open: OpenWorkspace
let dir: string
beforeEach(async () => {
  open = await freshWorkspace('Asia/Ho_Chi_Minh')
  dir = mkdtempSync(join(tmpdir(), 'cxdesk-keys-'))
})
afterEach(() => open.ws.close())

const csv = (name: string, lines: string[]) => {
  const path = join(dir, name)
  writeFileSync(path, lines.join('\n') + '\n')
  return path
}
const count = () => rows<{ n: number }>(open, 'SELECT count(*) n FROM responses')[0].n

/** The proposal with the column named `header` ignored, as a mapping that did not recognise it would. */
async function ignoring(path: string, header: string): Promise<ImportMapping> {
  const insp = await inspect(open, path)
  const i = insp.headers.indexOf(header)
  return { ...insp.mapping, columns: [...insp.mapping.columns.filter((c) => c.index !== i), { index: i, role: 'ignore' }] }
}

const HEADER = 'Date,Score,Channel,Shop note'
const TWO_CUSTOMERS = [HEADER, '2025-03-01 10:00,9,store,Ms Lan', '2025-03-01 10:00,9,store,Mr Somchai']

describe('row keys without a response id', () => {
  it('two answers that differ only in a column the mapping ignores are two responses', async () => {
    const path = csv('a.csv', TWO_CUSTOMERS)
    const s = await importFile(open, path, await ignoring(path, 'Shop note'))
    expect(s).toMatchObject({ imported: 2, duplicates: 0 })
    expect(count()).toBe(2)
  })

  it('truly identical rows in one file count as one, and the check predicts exactly what the import does', async () => {
    const path = csv('b.csv', [HEADER, '2025-03-01 10:00,9,store,x', '2025-03-01 10:00,9,store,x', '2025-03-02 10:00,7,app,y'])
    const check = await importFile(open, path, undefined, { dryRun: true })
    const done = await importFile(open, path)
    expect(done).toMatchObject({ imported: 2, duplicates: 1 })
    expect({ imported: check.imported, duplicates: check.duplicates }).toEqual({ imported: done.imported, duplicates: done.duplicates })
  })

  it('keys hash every cell as text (trimmed, NFC): another mapping or another zone finds the same rows', async () => {
    const path = csv('c.csv', [HEADER, '2025-03-01 10:00,9,store,Cafe\u0301 ', '2025-03-02 10:00,7,app,y'])
    await importFile(open, path, await ignoring(path, 'Shop note'))
    const insp = await inspect(open, path)
    const other = { ...insp.mapping, timezone: 'Asia/Bangkok', columns: insp.mapping.columns.map((c) => (c.role === 'channel' ? { ...c, role: 'location' as const } : c)) }
    expect(await importFile(open, path, other)).toMatchObject({ imported: 0, duplicates: 2 })
    const composed = csv('d.csv', [HEADER, '2025-03-01 10:00,9,store, Café'])
    expect(await importFile(open, composed)).toMatchObject({ imported: 0, duplicates: 1 })
  })

  it('a file an older version imported: adds only the rows its key wrongly merged (k − m), reports them, and nothing on the next import', async () => {
    const path = csv('e.csv', [...TWO_CUSTOMERS, '2025-03-01 10:00,9,store,Ms Mai', '2025-03-05 11:00,3,app,other'])
    const mapping = await ignoring(path, 'Shop note')
    // What the older version stored: one row per old key (the first of each group), keyed by the mapped cells only.
    await importFile(open, path, mapping)
    const insp = await inspect(open, path)
    const stored = rows<{ id: number; submitted_at: number; score: number }>(open, 'SELECT id, submitted_at, score FROM responses ORDER BY id')
    const legacy = (fields: string[]) => legacyRowKey(mapping, fields)
    open.ws.sqlite.prepare('DELETE FROM responses WHERE id IN (?, ?)').run(stored[1].id, stored[2].id)
    open.ws.sqlite.prepare('UPDATE responses SET dedup_key = ?, import_id = NULL, read_in_zone = NULL WHERE id = ?').run(legacy(insp.preview[0]), stored[0].id)
    open.ws.sqlite.prepare('UPDATE responses SET dedup_key = ?, import_id = NULL, read_in_zone = NULL WHERE id = ?').run(legacy(insp.preview[3]), stored[3].id)
    expect(count()).toBe(2)

    const check = await importFile(open, path, mapping, { dryRun: true })
    const again = await importFile(open, path, mapping)
    expect(again).toMatchObject({ imported: 2, duplicates: 2, mergedBefore: 2 })
    expect(check).toMatchObject({ imported: 2, duplicates: 2, mergedBefore: 2 })
    expect(count()).toBe(4)
    expect(await importFile(open, path, mapping)).toMatchObject({ imported: 0, duplicates: 4, mergedBefore: 0 })
    expect(count()).toBe(4)
  })
})

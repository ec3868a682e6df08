import { describe, expect, it } from 'vitest'
import { freshWorkspace } from '../../helpers/db'
import { foldAll } from '../../../src-main/metrics/rollups/jobs'
import { up as packSlicesAsJson } from '../../../src-main/db/migrations/2026-11-25-rollup-slice-packs'
import { up as packSlicesAsBytes } from '../../../src-main/db/migrations/2026-11-26-binary-slice-packs'
import { up as tagIndexes } from '../../../src-main/db/migrations/2026-11-27-month-cube-tag-indexes'
import { packedCells, responseAdder, sliceCells } from './helpers'

const DAY = 86_400_000

describe('the slice packs the charts read', () => {
  it('are made from the slices by the migration that made them binary, and by every fold alike', async () => {
    const open = await freshWorkspace('Asia/Bangkok')
    const add = responseAdder(open)
    for (let i = 0; i < 60; i++) {
      add((['nps', 'csat', 'ces'] as const)[i % 3], i % 6, { at: Date.UTC(2025, 0, 1) + i * 3 * DAY, touchpoint: `T${i % 4}`, location: i % 2 ? 'Hà Nội' : 'Bangkok' })
    }
    open.ws.sqlite.exec(`INSERT INTO tags (id, name, created_at) VALUES (1, 'Delivery', 0); INSERT INTO response_tags (response_id, tag_id, source, created_at) SELECT id, 1, 'manual', 0 FROM responses WHERE id % 5 = 0`)
    foldAll(open.ws.sqlite)
    const folded = packedCells(open.ws.sqlite)
    expect(folded.length).toBeGreaterThan(100)
    expect(folded).toEqual(sliceCells(open.ws.sqlite))
    // Negative values (follow-ups still open: −1; poor answers: band −1) survive the 32-bit packing.
    expect(folded.some((c) => c.split(',')[6] === '-1')).toBe(true)
    expect(folded.some((c) => c.split(',')[7] === '-1')).toBe(true)

    // A workspace from before: its packs as the first migration wrote them (JSON), then made binary.
    open.ws.sqlite.exec('DROP TABLE rollup_slice_packs')
    await packSlicesAsJson(open.db)
    await packSlicesAsBytes(open.db)
    expect(packedCells(open.ws.sqlite)).toEqual(folded)
    await open.ws.close()
  })

  it('walk the month cube by dimension, then tag, then period, with statistics for each index', async () => {
    const open = await freshWorkspace('Asia/Bangkok')
    const add = responseAdder(open)
    for (let i = 0; i < 40; i++) add('nps', i % 11, { at: Date.UTC(2025, 0, 1) + i * DAY, location: i % 2 ? 'Hà Nội' : 'Bangkok' })
    foldAll(open.ws.sqlite)
    const db = open.ws.sqlite
    const columns = (index: string) => (db.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).pluck().all(index) as string[]).slice(0, 6)
    for (const dim of ['location', 'channel', 'touchpoint', 'segment']) expect(columns(`rollup_month_${dim}`)).toEqual(['fact', 'question_id', dim, 'tag_id', 'period', 'n'])
    // Made again from an old layout by the migration, with the whole cube analysed.
    for (const dim of ['location', 'channel', 'touchpoint', 'segment']) db.exec(`DROP INDEX rollup_month_${dim}; CREATE INDEX rollup_month_${dim} ON rollup_month (fact, question_id, ${dim}, period, n)`)
    db.exec('DROP TABLE IF EXISTS sqlite_stat1')
    const limit = db.pragma('analysis_limit', { simple: true })
    await tagIndexes(open.db)
    expect(columns('rollup_month_location')).toEqual(['fact', 'question_id', 'location', 'tag_id', 'period', 'n'])
    expect(db.prepare(`SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'rollup_month'`).pluck().get()).toBe(5)
    expect(db.pragma('analysis_limit', { simple: true })).toBe(limit)
    await open.ws.close()
  })
})

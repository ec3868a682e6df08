import { describe, expect, it } from 'vitest'
import { freshWorkspace } from '../../helpers/db'
import { foldAll } from '../../../src-main/metrics/rollups/jobs'
import { up as packSlices } from '../../../src-main/db/migrations/2026-11-25-rollup-slice-packs'
import { packedCells, responseAdder, sliceCells } from './helpers'

const DAY = 86_400_000

describe('the slice packs the charts read', () => {
  it('are made from the slices of a workspace that had none, by its migration', async () => {
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

    open.ws.sqlite.exec('DROP TABLE rollup_slice_packs')
    await packSlices(open.db)
    expect(packedCells(open.ws.sqlite)).toEqual(folded)
    await open.ws.close()
  })
})

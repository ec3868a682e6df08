import { describe, expect, it } from 'vitest'
import { rowEdges } from '../../../src-renderer/src/components/rowEdges'

// The editor toolbar's groups as the browser lays them out: left and right edges in px.
const box = (left: number, width: number) => ({ left, right: left + width })

describe('the visual rows of a wrapped toolbar', () => {
  it('marks the group that ends each row, so that no row ends on a separator', () => {
    // Three rows at 1024 px in Vietnamese: undo | add ↵ scores ↵ zoom | ways out.
    const edges = rowEdges([box(10, 190), box(210, 140), box(10, 620), box(10, 250), box(270, 300)])
    expect(edges).toEqual([
      { start: true, end: false },
      { start: false, end: true },
      { start: true, end: true },
      { start: true, end: false },
      { start: false, end: true },
    ])
  })

  it('one row: only the last group ends it', () => {
    const edges = rowEdges([box(10, 100), box(120, 100), box(230, 100)])
    expect(edges.map((e) => e?.end)).toEqual([false, false, true])
    expect(edges.map((e) => e?.start)).toEqual([true, false, false])
  })

  it('skips items without a box (not shown) and ends the row at the shown item before them', () => {
    const edges = rowEdges([box(10, 100), null, box(10, 100), null])
    expect(edges).toEqual([{ start: true, end: true }, null, { start: true, end: true }, null])
  })
})

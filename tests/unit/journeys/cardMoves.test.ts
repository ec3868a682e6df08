import { describe, expect, it } from 'vitest'
import { applyCommand } from '../../../src-shared/domain/journeys/reducer'
import type { JourneyDoc } from '../../../src-shared/domain/journeys/model'
import { cardMoveCommand, cellAtPoint, edgeScroll, EDGE, insertIndex, intersect, keyboardMove, movingCards, neighbourCell, type MapGrid, type MapView } from '../../../src-renderer/src/features/journeys/editor/cardMoves'
import { card, cell, sampleDoc } from './fixtures'

/** The sample map plus a third card in act1 × sa11, so a cell has something to land between. */
function doc(): JourneyDoc {
  const d = sampleDoc()
  return { ...d, cards: [...d.cards.slice(0, 2), card('c005', 'act1', 'sa11'), ...d.cards.slice(2)] }
}

function moved(d: JourneyDoc, command: ReturnType<typeof cardMoveCommand>): JourneyDoc {
  if (!command) throw new Error('no command')
  const r = applyCommand(d, command)
  if (!r.ok) throw new Error(r.error.message)
  return r.doc
}

describe('where a dragged card lands in a cell', () => {
  // Three cards 40 px high, 8 px apart: middles at 120, 168, 216.
  const cards = [100, 148, 196].map((top) => ({ top, height: 40 }))

  it('goes before the first card whose middle is below the dragged card’s middle', () => {
    expect(insertIndex(0, cards)).toBe(0)
    expect(insertIndex(119, cards)).toBe(0)
    expect(insertIndex(120, cards)).toBe(1)
    expect(insertIndex(167.9, cards)).toBe(1)
    expect(insertIndex(200, cards)).toBe(2)
  })

  it('goes last (no index) below the last card’s middle or into an empty cell', () => {
    expect(insertIndex(216, cards)).toBeUndefined()
    expect(insertIndex(5000, cards)).toBeUndefined()
    expect(insertIndex(10, [])).toBeUndefined()
  })
})

describe('the command for a drop', () => {
  it('moves a card to another cell, at the index or last', () => {
    const d = doc()
    expect(cardMoveCommand(d, 'c003', ['c003'], { laneId: 'act1', stepId: 'sa11' }, 1)).toEqual({ type: 'moveCards', ids: ['c003'], laneId: 'act1', stepId: 'sa11', index: 1 })
    expect(cell(moved(d, cardMoveCommand(d, 'c003', ['c003'], { laneId: 'act1', stepId: 'sa11' }, 1)), 'act1', 'sa11')).toEqual(['c001', 'c003', 'c002', 'c005'])
    expect(cardMoveCommand(d, 'c003', ['c003'], { laneId: 'tp11', stepId: 'sb11' }, undefined)).toEqual({ type: 'moveCards', ids: ['c003'], laneId: 'tp11', stepId: 'sb11' })
  })

  it('reorders within a cell, the index counting the cards that stay', () => {
    const d = doc()
    // c001 let go below c002's middle and above c005's: among the staying c002, c005 that is index 1.
    expect(cell(moved(d, cardMoveCommand(d, 'c001', ['c001'], { laneId: 'act1', stepId: 'sa11' }, 1)), 'act1', 'sa11')).toEqual(['c002', 'c001', 'c005'])
    expect(cell(moved(d, cardMoveCommand(d, 'c001', ['c001'], { laneId: 'act1', stepId: 'sa11' }, undefined)), 'act1', 'sa11')).toEqual(['c002', 'c005', 'c001'])
  })

  it('is nothing when the card is let go where it already is', () => {
    const d = doc()
    expect(cardMoveCommand(d, 'c001', ['c001'], { laneId: 'act1', stepId: 'sa11' }, 0)).toBeNull()
    expect(cardMoveCommand(d, 'c002', ['c002'], { laneId: 'act1', stepId: 'sa11' }, 1)).toBeNull()
    expect(cardMoveCommand(d, 'c005', ['c005'], { laneId: 'act1', stepId: 'sa11' }, undefined)).toBeNull()
    expect(cardMoveCommand(d, 'c003', ['c003'], { laneId: 'act1', stepId: 'sa21' }, undefined)).toBeNull()
  })

  it('moves the whole selection, in map order, when the dragged card is part of it; only the card otherwise', () => {
    const d = doc()
    const selected = new Set(['c004', 'c001'])
    expect(movingCards(d, 'c004', selected)).toEqual(['c001', 'c004'])
    expect(movingCards(d, 'c003', selected)).toEqual(['c003'])
    const after = moved(d, cardMoveCommand(d, 'c004', movingCards(d, 'c004', selected), { laneId: 'act1', stepId: 'sa21' }, 0))
    expect(cell(after, 'act1', 'sa21')).toEqual(['c001', 'c004', 'c003'])
    // Several cards let go in their own cell are still moved (to the given place), as before.
    expect(cardMoveCommand(d, 'c001', ['c001', 'c002'], { laneId: 'act1', stepId: 'sa11' }, 0)).not.toBeNull()
  })
})

describe('arrow keys move a picked-up card a cell at a time', () => {
  const d = doc()
  it('across steps of all stages, and up and down card lanes only', () => {
    expect(neighbourCell(d, { laneId: 'act1', stepId: 'sa11' }, 'ArrowRight')).toEqual({ laneId: 'act1', stepId: 'sa21' })
    expect(neighbourCell(d, { laneId: 'act1', stepId: 'sa21' }, 'ArrowRight')).toEqual({ laneId: 'act1', stepId: 'sb11' })
    expect(neighbourCell(d, { laneId: 'act1', stepId: 'sb11' }, 'ArrowLeft')).toEqual({ laneId: 'act1', stepId: 'sa21' })
    expect(neighbourCell(d, { laneId: 'act1', stepId: 'sa21' }, 'ArrowDown')).toEqual({ laneId: 'tp11', stepId: 'sa21' })
    expect(neighbourCell(d, { laneId: 'tp11', stepId: 'sa21' }, 'ArrowUp')).toEqual({ laneId: 'act1', stepId: 'sa21' })
  })

  it('stops at the map’s edges and skips the emotion and live-score lanes', () => {
    expect(neighbourCell(d, { laneId: 'act1', stepId: 'sa11' }, 'ArrowLeft')).toBeNull()
    expect(neighbourCell(d, { laneId: 'act1', stepId: 'sb11' }, 'ArrowRight')).toBeNull()
    expect(neighbourCell(d, { laneId: 'act1', stepId: 'sa11' }, 'ArrowUp')).toBeNull()
    expect(neighbourCell(d, { laneId: 'tp11', stepId: 'sa11' }, 'ArrowDown')).toBeNull()
    expect(neighbourCell(d, { laneId: 'act1', stepId: 'sa11' }, 'Home')).toBeNull()
  })

  it('Alt+arrows (moving selected cards without picking them up) use the same neighbours', () => {
    expect(keyboardMove(d, ['c003'], 'ArrowRight', false)).toEqual({ type: 'moveCards', ids: ['c003'], laneId: 'act1', stepId: 'sb11' })
    expect(keyboardMove(d, ['c003'], 'ArrowDown', true)).toEqual({ type: 'moveCards', ids: ['c003'], laneId: 'tp11', stepId: 'sa21' })
    expect(keyboardMove(d, ['c003'], 'ArrowUp', true)).toBeNull()
    expect(keyboardMove(d, ['c002'], 'ArrowDown', false)).toEqual({ type: 'moveCards', ids: ['c002'], laneId: 'act1', stepId: 'sa11', index: 2 })
  })
})

describe('scrolling the map while a card is dragged near its edges', () => {
  const map = { left: 200, top: 300, right: 1200, bottom: 900 }
  const band = Math.min(EDGE.max, Math.max(EDGE.min, 1000 * EDGE.share))

  it('does nothing in the middle or outside the map', () => {
    expect(edgeScroll({ x: 700, y: 600 }, map)).toEqual({ dx: 0, dy: 0 })
    expect(edgeScroll({ x: 1300, y: 600 }, map)).toEqual({ dx: 0, dy: 0 })
    expect(edgeScroll({ x: 700, y: 100 }, map)).toEqual({ dx: 0, dy: 0 })
  })

  it('scrolls towards the edge, faster the closer the pointer is, up to the top speed', () => {
    const near = edgeScroll({ x: 1200 - band / 4, y: 600 }, map)
    const further = edgeScroll({ x: 1200 - (band * 3) / 4, y: 600 }, map)
    expect(near.dx).toBeGreaterThan(further.dx)
    expect(further.dx).toBeGreaterThan(0)
    expect(edgeScroll({ x: 1200, y: 600 }, map).dx).toBe(EDGE.maxSpeed)
    expect(edgeScroll({ x: 201, y: 600 }, map).dx).toBeLessThan(0)
    expect(edgeScroll({ x: 700, y: 899 }, map).dy).toBeGreaterThan(0)
    expect(edgeScroll({ x: 700, y: 301 }, map).dy).toBeLessThan(0)
  })

  it('uses the part of the map inside the window: a map wider than a narrow window scrolls at the window’s edge', () => {
    const seen = intersect({ left: 200, top: 300, right: 1650, bottom: 900 }, { left: 0, top: 0, right: 1000, bottom: 800 })
    expect(seen).toEqual({ left: 200, top: 300, right: 1000, bottom: 800 })
    expect(edgeScroll({ x: 995, y: 550 }, seen).dx).toBeGreaterThan(0)
  })

  it('does not scroll along an axis too short for two bands', () => {
    expect(edgeScroll({ x: 700, y: 310 }, { left: 200, top: 300, right: 1200, bottom: 360 })).toEqual({ dx: 0, dy: 0 })
  })
})

describe('the cell under the pointer, from the cells’ places', () => {
  // Lane headers 190 px wide and stage headers 80 px high (sticky); columns 208 px from x = 190; two card lanes.
  const grid: MapGrid = {
    columns: [
      { stepId: 'sa11', left: 190, right: 398 },
      { stepId: 'sa21', left: 398, right: 606 },
      { stepId: 'sb11', left: 606, right: 814 },
    ],
    rows: [
      { laneId: 'act1', top: 80, bottom: 200 },
      { laneId: 'tp11', top: 200, bottom: 420 },
    ],
    inset: { left: 190, top: 80 },
  }
  // The scrolling area's corner at (100, 300) on screen, 500 × 300 of it visible, not scrolled.
  const view: MapView = { left: 100, top: 300, scrollLeft: 0, scrollTop: 0, visible: { left: 100, top: 300, right: 600, bottom: 600 } }

  it('finds the lane and step at a point', () => {
    expect(cellAtPoint(grid, view, { x: 100 + 200, y: 300 + 100 })).toEqual({ laneId: 'act1', stepId: 'sa11' })
    expect(cellAtPoint(grid, view, { x: 100 + 400, y: 300 + 250 })).toEqual({ laneId: 'tp11', stepId: 'sa21' })
  })

  it('follows the map as it scrolls', () => {
    const scrolled = { ...view, scrollLeft: 300, scrollTop: 150 }
    // Content x = 200 + 300 = 500 (sa21), y = 100 + 150 = 250 (tp11).
    expect(cellAtPoint(grid, scrolled, { x: 100 + 200, y: 300 + 100 })).toEqual({ laneId: 'tp11', stepId: 'sa21' })
  })

  it('is no cell under the sticky headers, outside the visible map, or beyond the last lane and column', () => {
    expect(cellAtPoint(grid, view, { x: 100 + 150, y: 300 + 100 })).toBeNull()
    expect(cellAtPoint(grid, view, { x: 100 + 300, y: 300 + 40 })).toBeNull()
    expect(cellAtPoint(grid, view, { x: 650, y: 400 })).toBeNull()
    expect(cellAtPoint(grid, view, { x: 300, y: 650 })).toBeNull()
    const scrolled = { ...view, scrollLeft: 400, scrollTop: 200 }
    expect(cellAtPoint(grid, scrolled, { x: 590, y: 400 })).toBeNull()
    expect(cellAtPoint(grid, { ...view, scrollTop: 200 }, { x: 300, y: 590 })).toBeNull()
  })
})

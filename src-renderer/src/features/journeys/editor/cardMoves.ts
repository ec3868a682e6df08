import type { Command } from '../../../../../src-shared/domain/journeys/commands'
import { isCardLane, orderedSteps } from '../../../../../src-shared/domain/journeys/grid'
import type { JourneyDoc } from '../../../../../src-shared/domain/journeys/model'

/** One cell of the map: a card lane at a step. */
export interface CellRef {
  laneId: string
  stepId: string
}

/** The cards a move of `cardId` takes along: the whole selection, in map order, when the card is one of the selected. */
export function movingCards(doc: JourneyDoc, cardId: string, selected: ReadonlySet<string>): string[] {
  return selected.has(cardId) ? doc.cards.filter((c) => selected.has(c.id)).map((c) => c.id) : [cardId]
}

/**
 * Where in a cell a dragged card lands: before the first card (of those staying in the cell, top to
 * bottom) whose middle is below the dragged card's middle `y`; undefined when there is none (it goes last).
 */
export function insertIndex(y: number, cards: readonly { top: number; height: number }[]): number | undefined {
  const at = cards.findIndex((r) => y < r.top + r.height / 2)
  return at < 0 ? undefined : at
}

/**
 * The command for letting `ids` (dragged by `cardId`) go in `target` at `index` (among the cards
 * that stay there; undefined appends), or null when that changes nothing.
 */
export function cardMoveCommand(doc: JourneyDoc, cardId: string, ids: string[], target: CellRef, index: number | undefined): Command | null {
  const { laneId, stepId } = target
  const inTarget = (c: { laneId: string; stepId: string }) => c.laneId === laneId && c.stepId === stepId
  const card = doc.cards.find((c) => c.id === cardId)
  if (ids.length === 1 && card && inTarget(card)) {
    const staying = doc.cards.filter((c) => inTarget(c) && c.id !== cardId).length
    if (doc.cards.filter(inTarget).indexOf(card) === (index ?? staying)) return null
  }
  return index === undefined ? { type: 'moveCards', ids, laneId, stepId } : { type: 'moveCards', ids, laneId, stepId, index }
}

const STEP_KEYS: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1 }
const LANE_KEYS: Record<string, number> = { ArrowUp: -1, ArrowDown: 1 }

/** The card cell next to `from` in an arrow key's direction (steps across, card lanes up and down); null at the map's edge. */
export function neighbourCell(doc: JourneyDoc, from: CellRef, key: string): CellRef | null {
  if (key in STEP_KEYS) {
    const steps = orderedSteps(doc)
    const next = steps[steps.findIndex((s) => s.id === from.stepId) + STEP_KEYS[key]]
    return next ? { laneId: from.laneId, stepId: next.id } : null
  }
  if (key in LANE_KEYS) {
    const lanes = doc.lanes.filter(isCardLane)
    const next = lanes[lanes.findIndex((l) => l.id === from.laneId) + LANE_KEYS[key]]
    return next ? { laneId: next.id, stepId: from.stepId } : null
  }
  return null
}

/** Cards one cell over (Alt+←/→: step; Alt+Shift+↑/↓: lane) or one place up / down in their cell (Alt+↑/↓). */
export function keyboardMove(doc: JourneyDoc, ids: string[], key: string, shift: boolean): Command | null {
  const first = doc.cards.find((c) => c.id === ids[0])
  if (!first) return null
  if (shift || key === 'ArrowLeft' || key === 'ArrowRight') {
    const to = neighbourCell(doc, first, key)
    return to ? { type: 'moveCards', ids, laneId: to.laneId, stepId: to.stepId } : null
  }
  const cell = doc.cards.filter((c) => c.laneId === first.laneId && c.stepId === first.stepId)
  const at = cell.findIndex((c) => c.id === first.id)
  const to = at + (key === 'ArrowDown' ? 1 : -1)
  if (to < 0 || to >= cell.length) return null
  return { type: 'moveCards', ids, laneId: first.laneId, stepId: first.stepId, index: to }
}

export interface Bounds {
  left: number
  top: number
  right: number
  bottom: number
}

/** The part of `a` that is also in `b` (empty bounds have right ≤ left or bottom ≤ top). */
export function intersect(a: Bounds, b: Bounds): Bounds {
  return { left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) }
}

/**
 * Where the map's card cells are, measured once when a drag starts: nothing on the map changes size
 * during a drag, and scrolling only shifts it. Positions are in the scrolling area's content
 * (px from its top-left corner at scroll 0), so they hold however far it scrolls along.
 */
export interface MapGrid {
  /** Each step's column, left to right. */
  columns: { stepId: string; left: number; right: number }[]
  /** Each card lane's row, top to bottom (the emotion and live-score lanes take no cards and are left out). */
  rows: { laneId: string; top: number; bottom: number }[]
  /** The sticky lane headers' width and stage / step headers' height: a point under them is on no cell. */
  inset: { left: number; top: number }
}

/** Where the map's scrolling area is now: its top-left corner on screen, how far it is scrolled, and the part of it in the window. */
export interface MapView {
  left: number
  top: number
  scrollLeft: number
  scrollTop: number
  visible: Bounds
}

/**
 * The card cell at a point of the window, by arithmetic instead of a hit test (which costs
 * milliseconds per pointer move on a 600-card map); null outside the visible map, under a sticky
 * header, on a lane without cards or past the last column.
 */
export function cellAtPoint(grid: MapGrid, view: MapView, p: { x: number; y: number }): CellRef | null {
  const { visible } = view
  if (p.x < visible.left || p.x >= visible.right || p.y < visible.top || p.y >= visible.bottom) return null
  if (p.x < view.left + grid.inset.left || p.y < view.top + grid.inset.top) return null
  const x = p.x - view.left + view.scrollLeft
  const y = p.y - view.top + view.scrollTop
  const column = grid.columns.find((c) => x >= c.left && x < c.right)
  const row = grid.rows.find((r) => y >= r.top && y < r.bottom)
  return column && row ? { laneId: row.laneId, stepId: column.stepId } : null
}

/** How wide the band along each edge is where a drag scrolls (a share of the visible size, within limits), and the top speed. */
export const EDGE = { share: 0.15, min: 40, max: 140, maxSpeed: 22 }

/**
 * How far to scroll the map this frame (px, each axis) while a card is dragged at `p`: nothing in
 * the middle, faster the deeper the pointer is in the band along an edge of the visible part of the
 * map `bounds`, up to `EDGE.maxSpeed`. A pointer outside the bounds scrolls nothing, so dragging over
 * the card panel or the toolbar does not move the map.
 */
export function edgeScroll(p: { x: number; y: number }, bounds: Bounds): { dx: number; dy: number } {
  if (p.x < bounds.left || p.x > bounds.right || p.y < bounds.top || p.y > bounds.bottom) return { dx: 0, dy: 0 }
  const axis = (at: number, lo: number, hi: number) => {
    const band = Math.min(EDGE.max, Math.max(EDGE.min, (hi - lo) * EDGE.share))
    if (hi - lo < band * 2) return 0
    if (at < lo + band) return -Math.ceil(EDGE.maxSpeed * ((lo + band - at) / band))
    if (at > hi - band) return Math.ceil(EDGE.maxSpeed * ((at - (hi - band)) / band))
    return 0
  }
  return { dx: axis(p.x, bounds.left, bounds.right), dy: axis(p.y, bounds.top, bounds.bottom) }
}

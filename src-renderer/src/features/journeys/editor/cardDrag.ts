import type { Command } from '../../../../../src-shared/domain/journeys/commands'
import type { JourneyDoc } from '../../../../../src-shared/domain/journeys/model'
import type { Translate } from '../../../../../src-shared/i18n/translate'
import { cellKey } from '../../../../../src-shared/domain/journeys/grid'
import { cardMoveCommand, cellAtPoint, edgeScroll, insertIndex, intersect, movingCards, neighbourCell, type CellRef, type MapGrid, type MapView } from './cardMoves'
import { cardName, cellName } from './mapDnd'

/*
 * Moving cards on the editable map, with a pointer or the keyboard, without React.
 *
 * Cards used to be dnd-kit draggables and cells dnd-kit drop targets: each time a drag started, ended
 * or entered another cell, dnd-kit's context changed and all 600 cards and 200 cells of a big map
 * re-rendered, and it measured every drop target at the start (a first frame of 50–130 ms, one
 * frame in ten over 16 ms). Here nothing on the map re-renders until the drop's command: the
 * preview is a copy of the card's element moved with a transform once per animation frame; the
 * cell under the pointer is found by arithmetic on the cells' places, measured once at the start
 * (a hit test on the map costs milliseconds), and highlighted with a class on that one element;
 * only the cards of the cell it is let go in are measured again, at the drop. The preview stays
 * under the pointer and takes the pointer's hit tests, so the browser's own hit test for each
 * pointer move ends at it instead of searching the map (and no card or cell changes its hover state).
 */

/** How far a mouse moves with the button down before a press becomes a drag (so a click still selects). */
const DRAG_DISTANCE = 6
/** A finger (or pen) held this long on a card picks it up; a finger moving sooner scrolls the map instead. */
const HOLD_MS = 250
const HOLD_TOLERANCE = 8
/** The preview's width (CSS `.jm-overlay`): the card at 100 % zoom. */
const PREVIEW_WIDTH = 192

export interface CardDragHost {
  doc(): JourneyDoc
  selected(): ReadonlySet<string>
  t(): Translate
  dispatch(command: Command): void
  /** The map's scrolling element; only its cells are targets. */
  viewport(): HTMLElement | null
  /** A fixed-position layer outside the zoomed map that React leaves empty: the preview goes there. */
  layer(): HTMLElement | null
  /** Says something through the editor's live region. */
  announce(text: string): void
}

export interface CardDrag {
  /** Lets cards in `viewport` be dragged with a pointer; returns the way to stop. */
  listen(viewport: HTMLElement): () => void
  /** Space on a focused card: picks it (with the selection it belongs to) up; arrows move it a cell, Space or Enter drops, Escape cancels. */
  pickUp(cardId: string): void
  /** Ends a drag in progress without moving anything. */
  cancel(): void
}

interface Point {
  x: number
  y: number
}

interface Gesture {
  mode: 'pointer' | 'keyboard'
  cardId: string
  card: HTMLElement
  /** Removes every listener the gesture added. */
  off: AbortController
  pointerId: number
  pointerType: string
  start: Point
  pointer: Point
  holdTimer: number
  /** Past the threshold: the cards are being moved. */
  active: boolean
  ids: string[]
  faded: HTMLElement[]
  preview: HTMLElement | null
  /** Where in the preview the pointer holds it. */
  grab: Point
  /** From the pointer down to the dragged card's middle, on screen: where it lands in a cell is decided by its middle. */
  middle: number
  /** The cells' places, and the cells by `cellKey`, measured when the drag starts. */
  grid: MapGrid | null
  cells: Map<string, HTMLElement>
  cell: HTMLElement | null
  target: CellRef | null
  frame: number
}

const cardSelector = (id: string) => `.jm-card[data-card-id="${CSS.escape(id)}"]`
const cellSelector = (c: CellRef) => `.jm-cell[data-lane-id="${CSS.escape(c.laneId)}"][data-step-id="${CSS.escape(c.stepId)}"]`

/** Where the cells of the map in `viewport` are (see `MapGrid`), and the cells by `cellKey`. */
function measureGrid(viewport: HTMLElement): { grid: MapGrid; cells: Map<string, HTMLElement> } {
  const box = viewport.getBoundingClientRect()
  const x = (at: number) => at - box.left + viewport.scrollLeft
  const y = (at: number) => at - box.top + viewport.scrollTop
  const cells = new Map<string, HTMLElement>()
  const columns = new Map<string, { stepId: string; left: number; right: number }>()
  const rows = new Map<string, { laneId: string; top: number; bottom: number }>()
  for (const el of viewport.querySelectorAll<HTMLElement>('.jm-cell[data-lane-id][data-step-id]')) {
    const { laneId = '', stepId = '' } = el.dataset
    cells.set(cellKey(laneId, stepId), el)
    if (columns.has(stepId) && rows.has(laneId)) continue
    const r = el.getBoundingClientRect()
    if (!columns.has(stepId)) columns.set(stepId, { stepId, left: x(r.left), right: x(r.right) })
    if (!rows.has(laneId)) rows.set(laneId, { laneId, top: y(r.top), bottom: y(r.bottom) })
  }
  // The sticky corner(s) above the lane headers span the lane headers' width and the stage and step headers' height.
  const corners = [...viewport.querySelectorAll('.jm-corner')].map((el) => el.getBoundingClientRect())
  const inset = { left: Math.max(0, ...corners.map((r) => r.right - box.left)), top: Math.max(0, ...corners.map((r) => r.bottom - box.top)) }
  return { grid: { columns: [...columns.values()], rows: [...rows.values()], inset }, cells }
}

/** Where the map's scrolling area is now, and the part of it (without scroll bars) inside the window. */
function viewOf(viewport: HTMLElement): MapView {
  const box = viewport.getBoundingClientRect()
  const left = box.left + viewport.clientLeft
  const top = box.top + viewport.clientTop
  const inner = { left, top, right: left + viewport.clientWidth, bottom: top + viewport.clientHeight }
  return { left: box.left, top: box.top, scrollLeft: viewport.scrollLeft, scrollTop: viewport.scrollTop, visible: intersect(inner, { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight }) }
}

/** A copy of the card's element (what it shows, as it looks), inert, with a count when several cards move. */
function makePreview(card: HTMLElement, count: number): HTMLElement {
  const el = card.cloneNode(true) as HTMLElement
  for (const name of ['data-card-id', 'tabindex', 'role', 'aria-pressed', 'aria-roledescription', 'aria-describedby']) el.removeAttribute(name)
  el.setAttribute('aria-hidden', 'true')
  el.classList.remove('jm-selected', 'jm-dragging')
  el.classList.add('jm-overlay', 'jm-drag-preview')
  if (count > 1) {
    const badge = document.createElement('span')
    badge.className = 'jm-overlay-count'
    badge.textContent = String(count)
    el.append(badge)
  }
  return el
}

const stop = (e: Event) => {
  e.preventDefault()
  e.stopPropagation()
}

export function createCardDrag(host: CardDragHost): CardDrag {
  let gesture: Gesture | null = null

  const begin = (mode: Gesture['mode'], card: HTMLElement, cardId: string, at: Point): Gesture => {
    const g: Gesture = {
      mode,
      cardId,
      card,
      off: new AbortController(),
      pointerId: -1,
      pointerType: '',
      start: at,
      pointer: at,
      holdTimer: 0,
      active: false,
      ids: [],
      faded: [],
      preview: null,
      grab: { x: 0, y: 0 },
      middle: 0,
      grid: null,
      cells: new Map(),
      cell: null,
      target: null,
      frame: 0,
    }
    const { signal } = g.off
    window.addEventListener('keydown', (e) => onKey(g, e), { capture: true, signal })
    window.addEventListener('blur', () => finish(g, false), { signal })
    document.addEventListener('visibilitychange', () => finish(g, false), { signal })
    gesture = g
    return g
  }

  const say = (g: Gesture, key: 'start' | 'over' | 'end' | 'cancel') => {
    const t = host.t()
    const doc = host.doc()
    const name = cardName(t, doc, g.cardId)
    const place = g.target ? cellName(t, doc, g.target.laneId, g.target.stepId) : t('journey.drag.nowhere')
    if (key === 'start') host.announce(`${t('journey.drag.start', { name })} ${t('journey.drag.over', { name, place })}`)
    else if (key === 'over') host.announce(t('journey.drag.over', { name, place }))
    else if (key === 'end') host.announce(t('journey.drag.end', { name, place }))
    else host.announce(t('journey.drag.cancel', { name }))
  }

  /** The highlighted target: a class on one cell, nothing re-rendered. */
  const setTarget = (g: Gesture, target: CellRef | null, announce: boolean) => {
    if (target?.laneId === g.target?.laneId && target?.stepId === g.target?.stepId) return
    const cell = target ? (g.cells.get(cellKey(target.laneId, target.stepId)) ?? host.viewport()?.querySelector<HTMLElement>(cellSelector(target)) ?? null) : null
    g.cell?.classList.remove('jm-drop-over')
    cell?.classList.add('jm-drop-over')
    g.cell = cell
    g.target = cell ? target : null
    if (announce) say(g, 'over')
  }
  const pointedCell = (g: Gesture, viewport: HTMLElement) => (g.grid ? cellAtPoint(g.grid, viewOf(viewport), g.pointer) : null)

  const placePreview = (g: Gesture) => {
    if (!g.preview) return
    let at: Point
    if (g.mode === 'pointer') at = { x: g.pointer.x - g.grab.x, y: g.pointer.y - g.grab.y }
    else {
      const r = g.cell?.getBoundingClientRect()
      if (!r) return
      at = { x: r.left + r.width / 2 - PREVIEW_WIDTH / 2, y: r.top + 8 }
    }
    g.preview.style.transform = `translate(${Math.round(at.x)}px, ${Math.round(at.y)}px)`
  }

  /** Once per animation frame while the pointer moves (or rests near an edge): preview, edge scroll, target. */
  const frame = (g: Gesture) => {
    g.frame = 0
    const viewport = host.viewport()
    if (gesture !== g || !viewport) return
    placePreview(g)
    const { dx, dy } = edgeScroll(g.pointer, viewOf(viewport).visible)
    let scrolled = false
    if (dx || dy) {
      const { scrollLeft, scrollTop } = viewport
      viewport.scrollLeft = scrollLeft + dx
      viewport.scrollTop = scrollTop + dy
      scrolled = viewport.scrollLeft !== scrollLeft || viewport.scrollTop !== scrollTop
    }
    setTarget(g, pointedCell(g, viewport), true)
    if (scrolled) schedule(g)
  }
  const schedule = (g: Gesture) => {
    if (!g.frame) g.frame = requestAnimationFrame(() => frame(g))
  }

  const activate = (g: Gesture) => {
    const viewport = host.viewport()
    const doc = host.doc()
    window.clearTimeout(g.holdTimer)
    if (!viewport || !g.card.isConnected || !doc.cards.some((c) => c.id === g.cardId)) return finish(g, false)
    g.active = true
    g.ids = movingCards(doc, g.cardId, host.selected())
    const rect = g.card.getBoundingClientRect()
    const scale = rect.width > 0 ? PREVIEW_WIDTH / rect.width : 1
    g.grab = { x: (g.start.x - rect.left) * scale, y: (g.start.y - rect.top) * scale }
    g.middle = rect.top + rect.height / 2 - g.start.y
    g.faded = g.ids.flatMap((id) => viewport.querySelector<HTMLElement>(cardSelector(id)) ?? [])
    for (const el of g.faded) el.classList.add('jm-dragging')
    g.preview = makePreview(g.card, g.ids.length)
    host.layer()?.append(g.preview)
    // Keep the pointer on the preview even where its text wraps differently from the zoomed card's.
    g.grab = { x: Math.min(g.grab.x, PREVIEW_WIDTH - 4), y: Math.min(g.grab.y, Math.max(0, g.preview.offsetHeight - 4)) }
    // A drag is not a text selection.
    const unselect = () => document.getSelection()?.removeAllRanges()
    unselect()
    document.addEventListener('selectionchange', unselect, { signal: g.off.signal })
    if (g.mode === 'pointer') {
      Object.assign(g, measureGrid(viewport))
      setTarget(g, pointedCell(g, viewport), false)
    } else {
      const card = doc.cards.find((c) => c.id === g.cardId)
      setTarget(g, card ? { laneId: card.laneId, stepId: card.stepId } : null, false)
    }
    placePreview(g)
    say(g, 'start')
  }

  /** Ends the gesture; with `drop`, moves the cards to the target (if that changes anything). */
  const finish = (g: Gesture, drop: boolean) => {
    if (gesture !== g) return
    gesture = null
    const viewport = host.viewport()
    let command: Command | null = null
    if (g.active) {
      if (drop && g.mode === 'pointer' && viewport) setTarget(g, pointedCell(g, viewport), false)
      if (drop && g.target) {
        // Only the cards of the cell it lands in are measured, and only now.
        const staying = g.mode === 'pointer' && g.cell ? [...g.cell.querySelectorAll<HTMLElement>(':scope > .jm-card[data-card-id]')].filter((el) => !g.ids.includes(el.dataset.cardId ?? '')) : []
        const index = g.mode === 'pointer' ? insertIndex(g.pointer.y + g.middle, staying.map((el) => el.getBoundingClientRect())) : undefined
        command = cardMoveCommand(host.doc(), g.cardId, g.ids, g.target, index)
      }
      say(g, drop && g.target ? 'end' : 'cancel')
      if (g.mode === 'pointer') {
        // The click that follows a drag's pointer-up must not select the card under it.
        const swallow = (e: Event) => e.stopPropagation()
        window.addEventListener('click', swallow, { capture: true, once: true })
        window.setTimeout(() => window.removeEventListener('click', swallow, { capture: true }), 50)
      }
    }
    g.off.abort()
    window.clearTimeout(g.holdTimer)
    if (g.frame) cancelAnimationFrame(g.frame)
    g.cell?.classList.remove('jm-drop-over')
    for (const el of g.faded) el.classList.remove('jm-dragging')
    g.preview?.remove()
    if (command) host.dispatch(command)
    if (g.mode === 'keyboard' && g.active) requestAnimationFrame(() => host.viewport()?.querySelector<HTMLElement>(cardSelector(g.cardId))?.focus())
  }

  const onKey = (g: Gesture, e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      stop(e)
      finish(g, false)
    } else if (g.mode === 'keyboard') {
      if (e.key === ' ' || e.key === 'Enter') {
        stop(e)
        finish(g, true)
      } else if (e.key.startsWith('Arrow')) {
        stop(e)
        const next = g.target && neighbourCell(host.doc(), g.target, e.key)
        if (!next) return
        setTarget(g, next, true)
        g.cell?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
        placePreview(g)
      } else if (e.key === 'Tab') finish(g, false)
    }
  }

  const onPointerDown = (e: PointerEvent) => {
    const card = (e.target as Element | null)?.closest<HTMLElement>('.jm-card[data-card-id]')
    const cardId = card?.dataset.cardId
    if (gesture || !card || !cardId || !e.isPrimary || e.button !== 0) return
    const g = begin('pointer', card, cardId, { x: e.clientX, y: e.clientY })
    g.pointerId = e.pointerId
    g.pointerType = e.pointerType
    const { signal } = g.off
    window.addEventListener('pointermove', (ev) => onPointerMove(g, ev), { signal })
    window.addEventListener('pointerup', (ev) => ev.pointerId === g.pointerId && finish(g, true), { signal })
    window.addEventListener('pointercancel', (ev) => ev.pointerId === g.pointerId && finish(g, false), { signal })
    // A card's picture is not dragged out as an image, and a held finger does not open the context menu.
    window.addEventListener('dragstart', stop, { signal })
    window.addEventListener('contextmenu', stop, { signal })
    if (e.pointerType !== 'mouse') g.holdTimer = window.setTimeout(() => activate(g), HOLD_MS)
  }

  const onPointerMove = (g: Gesture, e: PointerEvent) => {
    if (e.pointerId !== g.pointerId) return
    g.pointer = { x: e.clientX, y: e.clientY }
    if (!g.active) {
      const moved = Math.hypot(g.pointer.x - g.start.x, g.pointer.y - g.start.y)
      // A finger that moves before it is held long enough scrolls the map: not a drag.
      if (g.pointerType === 'touch') return moved > HOLD_TOLERANCE ? finish(g, false) : undefined
      if (moved < DRAG_DISTANCE) return
      activate(g)
    }
    schedule(g)
  }

  return {
    listen(viewport) {
      const off = new AbortController()
      viewport.addEventListener('pointerdown', onPointerDown, { signal: off.signal })
      // Registered before any touch starts and not passive, so that once a held card is being dragged
      // the finger's moves can be kept from scrolling the map (a listener added during the touch is too late).
      viewport.addEventListener('touchmove', (e) => gesture?.active && gesture.mode === 'pointer' && e.cancelable && e.preventDefault(), { passive: false, signal: off.signal })
      return () => {
        off.abort()
        if (gesture) finish(gesture, false)
      }
    },
    pickUp(cardId) {
      const card = host.viewport()?.querySelector<HTMLElement>(cardSelector(cardId))
      if (gesture || !card) return
      const r = card.getBoundingClientRect()
      const g = begin('keyboard', card, cardId, { x: r.left, y: r.top })
      // A click elsewhere puts the card down where it was.
      window.addEventListener('pointerdown', () => finish(g, false), { capture: true, signal: g.off.signal })
      activate(g)
    },
    cancel() {
      if (gesture) finish(gesture, false)
    },
  }
}

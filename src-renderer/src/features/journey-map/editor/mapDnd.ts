import {
  closestCenter,
  KeyboardCode,
  pointerWithin,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core'
import type { Command } from '../../../../../src-shared/domain/journeys/commands'
import type { JourneyDoc } from '../../../../../src-shared/domain/journeys/model'
import type { Translate } from '../../../../../src-shared/i18n/translate'
import { plainText } from '../map/FormattedText'

type DragKind = 'card' | 'stage' | 'lane'
const targetsOf: Record<DragKind, string[]> = { card: ['cell'], stage: ['stage-slot'], lane: ['lane-slot'] }
const kindOf = (data: unknown): DragKind | null => {
  const type = (data as { type?: string } | undefined)?.type
  return type === 'card' || type === 'stage' || type === 'lane' ? type : null
}

/** Only targets of the dragged thing's kind count: cells for a card, header slots for a stage or a lane. */
export const mapCollisions: CollisionDetection = (args) => {
  const kind = kindOf(args.active.data.current)
  if (!kind) return []
  const allowed = targetsOf[kind]
  const droppableContainers = args.droppableContainers.filter((c) => allowed.includes((c.data.current as { type?: string } | undefined)?.type ?? ''))
  const filtered = { ...args, droppableContainers }
  // Keyboard moves have no pointer: the nearest target to where the card was moved wins.
  return (args.pointerCoordinates ? pointerWithin(filtered) : closestCenter(filtered)).slice(0, 1)
}

/**
 * Arrow keys move a picked-up card from cell to cell (or a stage / lane header to the next one),
 * instead of pixel by pixel: the neighbour whose centre lies nearest in that direction.
 */
export const mapKeyboardCoordinates: KeyboardCoordinateGetter = (event, { active, context }) => {
  const dirs: Record<string, [number, number]> = { [KeyboardCode.Right]: [1, 0], [KeyboardCode.Left]: [-1, 0], [KeyboardCode.Down]: [0, 1], [KeyboardCode.Up]: [0, -1] }
  const dir = dirs[event.code]
  const rect = context.collisionRect
  if (!dir || !rect) return undefined
  event.preventDefault()
  const kind = kindOf(context.active?.data.current) ?? 'card'
  const wanted = kind === 'card' ? 'cell' : `${kind}-slot`
  const cx = rect.left + rect.width / 2
  const cy = rect.top + rect.height / 2
  let best: { x: number; y: number; score: number } | null = null
  for (const container of context.droppableContainers.getEnabled()) {
    if ((container.data.current as { type?: string } | undefined)?.type !== wanted || container.id === active) continue
    const r = context.droppableRects.get(container.id)
    if (!r) continue
    const tx = r.left + r.width / 2
    const ty = r.top + Math.min(r.height / 2, 40)
    const along = (tx - cx) * dir[0] + (ty - cy) * dir[1]
    if (along <= 4) continue
    const across = Math.abs((tx - cx) * dir[1]) + Math.abs((ty - cy) * dir[0])
    const score = along + across * 3
    if (!best || score < best.score) best = { x: tx, y: ty, score }
  }
  if (!best) return undefined
  return { x: best.x - rect.width / 2, y: best.y - rect.height / 2 }
}

/**
 * The command a finished drag stands for, or null when it changes nothing. `indexAt` says where in
 * the target cell the card was let go (among the cards that stay there); undefined appends.
 */
export function commandForDrop(doc: JourneyDoc, event: DragEndEvent, selected: ReadonlySet<string>, indexAt: (laneId: string, stepId: string, moving: string[]) => number | undefined): Command | null {
  const { active, over } = event
  if (!over) return null
  const a = active.data.current as { type: string; cardId?: string; id?: string }
  const o = over.data.current as { type: string; laneId?: string; stepId?: string; id?: string }
  if (a.type === 'card' && a.cardId && o.type === 'cell' && o.laneId && o.stepId) {
    // Dragging one of several selected cards moves them all, in map order.
    const ids = selected.has(a.cardId) ? doc.cards.filter((c) => selected.has(c.id)).map((c) => c.id) : [a.cardId]
    const index = indexAt(o.laneId, o.stepId, ids)
    const card = doc.cards.find((c) => c.id === a.cardId)
    const cellNow = doc.cards.filter((c) => c.laneId === o.laneId && c.stepId === o.stepId && !ids.includes(c.id))
    // Let go where it already was: nothing to do.
    if (ids.length === 1 && card?.laneId === o.laneId && card.stepId === o.stepId && doc.cards.filter((c) => c.laneId === o.laneId && c.stepId === o.stepId).indexOf(card) === (index ?? cellNow.length)) return null
    return index === undefined ? { type: 'moveCards', ids, laneId: o.laneId, stepId: o.stepId } : { type: 'moveCards', ids, laneId: o.laneId, stepId: o.stepId, index }
  }
  if (a.type === 'stage' && a.id && o.type === 'stage-slot' && o.id && o.id !== a.id) return { type: 'moveStage', id: a.id, toIndex: doc.stages.findIndex((s) => s.id === o.id) }
  if (a.type === 'lane' && a.id && o.type === 'lane-slot' && o.id && o.id !== a.id) return { type: 'moveLane', id: a.id, toIndex: doc.lanes.findIndex((l) => l.id === o.id) }
  return null
}

/** What a screen reader hears while something is dragged, in the UI language. */
export function mapAnnouncements(t: Translate, doc: () => JourneyDoc): Announcements {
  const nameOf = (id: string | number) => {
    const [kind, key] = String(id).split(':')
    const d = doc()
    if (kind === 'card') return plainText(d.cards.find((c) => c.id === key)?.text ?? '') || t('journey.card.empty')
    if (kind === 'stage') return d.stages.find((s) => s.id === key)?.name ?? ''
    if (kind === 'lane') return d.lanes.find((l) => l.id === key)?.name ?? ''
    return ''
  }
  const placeOf = (over: { id: string | number; data: { current?: unknown } } | null) => {
    if (!over) return t('journey.drag.nowhere')
    const o = over.data.current as { type: string; laneId?: string; stepId?: string; id?: string }
    const d = doc()
    if (o.laneId && o.stepId) {
      const lane = d.lanes.find((l) => l.id === o.laneId)?.name ?? ''
      const step = d.steps.find((s) => s.id === o.stepId)
      const stage = d.stages.find((s) => s.id === step?.stageId)?.name ?? ''
      return t('journey.drag.cell', { lane, stage: step?.name ? `${stage} – ${step.name}` : stage })
    }
    return t('journey.drag.placeOf', { name: nameOf(`${o.type.replace('-slot', '')}:${o.id}`) })
  }
  return {
    onDragStart: ({ active }) => t('journey.drag.start', { name: nameOf(active.id) }),
    onDragOver: ({ active, over }) => t('journey.drag.over', { name: nameOf(active.id), place: placeOf(over) }),
    onDragEnd: ({ active, over }) => (over ? t('journey.drag.end', { name: nameOf(active.id), place: placeOf(over) }) : t('journey.drag.cancel', { name: nameOf(active.id) })),
    onDragCancel: ({ active }) => t('journey.drag.cancel', { name: nameOf(active.id) }),
  }
}

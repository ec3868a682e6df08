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

/*
 * dnd-kit moves stage and lane headers (by their handles). Cards are not dnd-kit draggables: on a big
 * map dnd-kit re-rendered all of them whenever a drag started, ended or changed target; they move
 * with `cardDrag.ts`. The screen-reader wording of both is here.
 */

type DragKind = 'stage' | 'lane'
const kindOf = (data: unknown): DragKind | null => {
  const type = (data as { type?: string } | undefined)?.type
  return type === 'stage' || type === 'lane' ? type : null
}

/** Only header slots of the dragged header's kind count as targets. */
export const mapCollisions: CollisionDetection = (args) => {
  const kind = kindOf(args.active.data.current)
  if (!kind) return []
  const droppableContainers = args.droppableContainers.filter((c) => (c.data.current as { type?: string } | undefined)?.type === `${kind}-slot`)
  const filtered = { ...args, droppableContainers }
  // Keyboard moves have no pointer: the nearest target to where the card was moved wins.
  return (args.pointerCoordinates ? pointerWithin(filtered) : closestCenter(filtered)).slice(0, 1)
}

/**
 * Arrow keys move a picked-up stage or lane header to the next one instead of pixel by pixel: the
 * neighbour whose centre lies nearest in that direction.
 */
export const mapKeyboardCoordinates: KeyboardCoordinateGetter = (event, { active, context }) => {
  const dirs: Record<string, [number, number]> = { [KeyboardCode.Right]: [1, 0], [KeyboardCode.Left]: [-1, 0], [KeyboardCode.Down]: [0, 1], [KeyboardCode.Up]: [0, -1] }
  const dir = dirs[event.code]
  const rect = context.collisionRect
  if (!dir || !rect) return undefined
  event.preventDefault()
  const kind = kindOf(context.active?.data.current)
  if (!kind) return undefined
  const wanted = `${kind}-slot`
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

/** The command a finished header drag stands for, or null when it changes nothing. */
export function commandForDrop(doc: JourneyDoc, event: DragEndEvent): Command | null {
  const { active, over } = event
  if (!over) return null
  const a = active.data.current as { type: string; id?: string }
  const o = over.data.current as { type: string; id?: string }
  if (a.type === 'stage' && a.id && o.type === 'stage-slot' && o.id && o.id !== a.id) return { type: 'moveStage', id: a.id, toIndex: doc.stages.findIndex((s) => s.id === o.id) }
  if (a.type === 'lane' && a.id && o.type === 'lane-slot' && o.id && o.id !== a.id) return { type: 'moveLane', id: a.id, toIndex: doc.lanes.findIndex((l) => l.id === o.id) }
  return null
}

/** A card's name for a screen reader: its text without formatting. */
export const cardName = (t: Translate, doc: JourneyDoc, cardId: string): string => plainText(doc.cards.find((c) => c.id === cardId)?.text ?? '') || t('journey.card.empty')

/** "Pain points, Order – In store": a cell for a screen reader. */
export function cellName(t: Translate, doc: JourneyDoc, laneId: string, stepId: string): string {
  const lane = doc.lanes.find((l) => l.id === laneId)?.name ?? ''
  const step = doc.steps.find((s) => s.id === stepId)
  const stage = doc.stages.find((s) => s.id === step?.stageId)?.name ?? ''
  return t('journey.drag.cell', { lane, stage: step?.name ? `${stage} – ${step.name}` : stage })
}

/** What a screen reader hears while a header is dragged, in the UI language. */
export function mapAnnouncements(t: Translate, doc: () => JourneyDoc): Announcements {
  const nameOf = (id: string | number) => {
    const [kind, key] = String(id).split(':')
    const d = doc()
    if (kind === 'stage') return d.stages.find((s) => s.id === key)?.name ?? ''
    if (kind === 'lane') return d.lanes.find((l) => l.id === key)?.name ?? ''
    return ''
  }
  const placeOf = (over: { id: string | number; data: { current?: unknown } } | null) => {
    if (!over) return t('journey.drag.nowhere')
    const o = over.data.current as { type: string; id?: string }
    return t('journey.drag.placeOf', { name: nameOf(`${o.type.replace('-slot', '')}:${o.id}`) })
  }
  return {
    onDragStart: ({ active }) => t('journey.drag.start', { name: nameOf(active.id) }),
    onDragOver: ({ active, over }) => t('journey.drag.over', { name: nameOf(active.id), place: placeOf(over) }),
    onDragEnd: ({ active, over }) => (over ? t('journey.drag.end', { name: nameOf(active.id), place: placeOf(over) }) : t('journey.drag.cancel', { name: nameOf(active.id) })),
    onDragCancel: ({ active }) => t('journey.drag.cancel', { name: nameOf(active.id) }),
  }
}

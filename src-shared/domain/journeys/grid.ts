import { cardLaneTypes, type Card, type Collection, type EntityOf, type JourneyDoc, type Lane, type Step } from './model'

/** A cell of the grid: one lane at one step. */
export const cellKey = (laneId: string, stepId: string): string => `${laneId}|${stepId}`
/** Emotion points have no id of their own: one per emotion lane and step. */
export const emotionKey = (laneId: string, stepId: string): string => `${laneId}:${stepId}`

/** The key each entity is known by within its collection. */
export function keyOf<C extends Collection>(collection: C, entity: EntityOf<C>): string {
  if (collection === 'emotions') {
    const e = entity as EntityOf<'emotions'>
    return emotionKey(e.laneId, e.stepId)
  }
  return (entity as { id: string }).id
}

/** Which ordered group an entity belongs to; null for collections without an order. */
export function groupOf<C extends Collection>(collection: C, entity: EntityOf<C>): string | null {
  switch (collection) {
    case 'stages':
    case 'lanes':
      return ''
    case 'steps':
      return (entity as Step).stageId
    case 'cards': {
      const c = entity as Card
      return cellKey(c.laneId, c.stepId)
    }
    default:
      return null
  }
}

export const isCardLane = (lane: Lane): boolean => cardLaneTypes.includes(lane.type)

/** The steps of a stage, in order. */
export const stepsOf = (doc: JourneyDoc, stageId: string): Step[] => doc.steps.filter((s) => s.stageId === stageId)

/** Every step left to right across all stages: the columns of the grid. */
export function orderedSteps(doc: JourneyDoc): Step[] {
  const byStage = new Map<string, Step[]>()
  for (const s of doc.steps) {
    const list = byStage.get(s.stageId)
    if (list) list.push(s)
    else byStage.set(s.stageId, [s])
  }
  return doc.stages.flatMap((st) => byStage.get(st.id) ?? [])
}

/** Cards grouped by cell, each cell in order: built once per document for rendering. */
export function cardsByCell(doc: JourneyDoc): Map<string, Card[]> {
  const cells = new Map<string, Card[]>()
  for (const c of doc.cards) {
    const key = cellKey(c.laneId, c.stepId)
    const list = cells.get(key)
    if (list) list.push(c)
    else cells.set(key, [c])
  }
  return cells
}

/** Each entity's position within its group (index among its siblings), for storing the order. */
export function positionsOf<C extends Collection>(items: readonly EntityOf<C>[], collection: C): Map<string, number> {
  const counters = new Map<string, number>()
  const positions = new Map<string, number>()
  for (const item of items) {
    const group = groupOf(collection, item) ?? ''
    const pos = counters.get(group) ?? 0
    counters.set(group, pos + 1)
    positions.set(keyOf(collection, item), pos)
  }
  return positions
}

/**
 * The one array order for a set of groups: steps by stage, cards by lane then step, emotions
 * likewise, comments by time. Order within a group is kept (the sort is stable), so the same
 * map always has the same arrays, whatever edits and undos led to it.
 */
export function canonical(doc: JourneyDoc): JourneyDoc {
  const stageRank = new Map(doc.stages.map((s, i) => [s.id, i]))
  const laneRank = new Map(doc.lanes.map((l, i) => [l.id, i]))
  const steps = sortedIfNeeded(doc.steps, (s) => stageRank.get(s.stageId) ?? -1)
  const stepRank = new Map(orderedStepsOf(doc.stages, steps).map((s, i) => [s.id, i]))
  const width = stepRank.size + 1
  const cellRank = (laneId: string, stepId: string) => (laneRank.get(laneId) ?? -1) * width + (stepRank.get(stepId) ?? -1)
  const cards = sortedIfNeeded(doc.cards, (c) => cellRank(c.laneId, c.stepId))
  const emotions = sortedIfNeeded(doc.emotions, (e) => cellRank(e.laneId, e.stepId))
  const comments = [...doc.comments].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const same = comments.every((m, i) => m === doc.comments[i])
  if (steps === doc.steps && cards === doc.cards && emotions === doc.emotions && same) return doc
  return { ...doc, steps, cards, emotions, comments: same ? doc.comments : comments }
}

function orderedStepsOf(stages: readonly { id: string }[], steps: readonly Step[]): Step[] {
  return orderedSteps({ stages, steps } as JourneyDoc)
}

/** A stable sort by rank that returns the same array when it is already in order. */
function sortedIfNeeded<T>(items: readonly T[], rank: (x: T) => number): T[] {
  let prev = -Infinity
  let inOrder = true
  for (const x of items) {
    const r = rank(x)
    if (r < prev) {
      inOrder = false
      break
    }
    prev = r
  }
  if (inOrder) return items as T[]
  return items
    .map((x, i) => ({ x, r: rank(x), i }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((e) => e.x)
}

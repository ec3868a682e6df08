import type { Command, Patch } from './commands'
import { canonical, cellKey, emotionKey, groupOf, isCardLane, keyOf } from './grid'
import { collections, type Card, type Collection, type EntityOf, type JourneyDoc } from './model'

export interface CommandError {
  code: 'NOT_FOUND' | 'VALIDATION'
  message: string
}
export type ReduceResult = { ok: true; doc: JourneyDoc } | { ok: false; error: CommandError }

class Refusal extends Error {
  constructor(
    readonly code: CommandError['code'],
    message: string,
  ) {
    super(message)
  }
}
const missing = (what: string, id: string) => new Refusal('NOT_FOUND', `The ${what} ${id} no longer exists on this map.`)
const invalid = (message: string) => new Refusal('VALIDATION', message)

function find<T extends { id: string }>(items: readonly T[], id: string, what: string): T {
  const found = items.find((x) => x.id === id)
  if (!found) throw missing(what, id)
  return found
}

const clamp = (i: number, max: number) => Math.max(0, Math.min(i, max))

/** Moves an item to a new index among the items of its group, leaving every other group where it is. */
function reorderInGroup<T>(items: readonly T[], inGroup: (x: T) => boolean, pick: (x: T) => boolean, toIndex: number): T[] {
  const slots: number[] = []
  const members: T[] = []
  items.forEach((x, i) => {
    if (inGroup(x)) {
      slots.push(i)
      members.push(x)
    }
  })
  const from = members.findIndex(pick)
  if (from < 0) return [...items]
  const [moved] = members.splice(from, 1)
  members.splice(clamp(toIndex, members.length), 0, moved)
  const out = [...items]
  slots.forEach((slot, i) => (out[slot] = members[i]))
  return out
}

/** Inserts items into a group at an index among its members (at the group's end, or the array's end for an empty group). */
function insertInGroup<T>(items: readonly T[], inGroup: (x: T) => boolean, added: readonly T[], index?: number): T[] {
  const slots: number[] = []
  items.forEach((x, i) => inGroup(x) && slots.push(i))
  let at: number
  if (slots.length === 0) at = items.length
  else if (index === undefined || index >= slots.length) at = slots[slots.length - 1] + 1
  else at = slots[Math.max(0, index)]
  return [...items.slice(0, at), ...added, ...items.slice(at)]
}

function withoutCards(doc: JourneyDoc, gone: (c: Card) => boolean): JourneyDoc {
  const removed = new Set(doc.cards.filter(gone).map((c) => c.id))
  if (removed.size === 0) return doc
  return { ...doc, cards: doc.cards.filter((c) => !removed.has(c.id)), comments: doc.comments.filter((m) => !removed.has(m.cardId)) }
}

function requireCardCell(doc: JourneyDoc, laneId: string, stepId: string): void {
  const lane = find(doc.lanes, laneId, 'lane')
  find(doc.steps, stepId, 'step')
  if (!isCardLane(lane)) throw invalid(`Cards cannot be placed in the ${lane.type} lane "${lane.name}".`)
}

function ensureNew(items: readonly { id: string }[], newIds: readonly string[], what: string): void {
  const existing = new Set(items.map((x) => x.id))
  const seen = new Set<string>()
  for (const id of newIds) {
    if (existing.has(id) || seen.has(id)) throw invalid(`A ${what} with id ${id} already exists.`)
    seen.add(id)
  }
}

function reduce(doc: JourneyDoc, cmd: Command): JourneyDoc {
  switch (cmd.type) {
    case 'updateMap':
      return { ...doc, map: { ...doc.map, ...cmd.patch } }
    case 'setPersona':
      return { ...doc, persona: cmd.persona }

    case 'addStage': {
      ensureNew(doc.stages, [cmd.stage.id], 'stage')
      ensureNew(doc.steps, [cmd.step.id], 'step')
      if (cmd.step.stageId !== cmd.stage.id) throw invalid('The first step of a new stage must belong to it.')
      const stages = [...doc.stages]
      stages.splice(clamp(cmd.index ?? stages.length, stages.length), 0, cmd.stage)
      return { ...doc, stages, steps: [...doc.steps, cmd.step] }
    }
    case 'updateStage': {
      const stage = find(doc.stages, cmd.id, 'stage')
      return { ...doc, stages: doc.stages.map((s) => (s === stage ? { ...s, ...cmd.patch } : s)) }
    }
    case 'moveStage':
      find(doc.stages, cmd.id, 'stage')
      return { ...doc, stages: reorderInGroup(doc.stages, () => true, (s) => s.id === cmd.id, cmd.toIndex) }
    case 'deleteStage': {
      find(doc.stages, cmd.id, 'stage')
      const stepIds = new Set(doc.steps.filter((s) => s.stageId === cmd.id).map((s) => s.id))
      const next = withoutCards(doc, (c) => stepIds.has(c.stepId))
      return {
        ...next,
        stages: next.stages.filter((s) => s.id !== cmd.id),
        steps: next.steps.filter((s) => !stepIds.has(s.id)),
        emotions: next.emotions.filter((e) => !stepIds.has(e.stepId)),
      }
    }

    case 'addStep': {
      find(doc.stages, cmd.step.stageId, 'stage')
      ensureNew(doc.steps, [cmd.step.id], 'step')
      return { ...doc, steps: insertInGroup(doc.steps, (s) => s.stageId === cmd.step.stageId, [cmd.step], cmd.index) }
    }
    case 'updateStep': {
      const step = find(doc.steps, cmd.id, 'step')
      return { ...doc, steps: doc.steps.map((s) => (s === step ? { ...s, ...cmd.patch } : s)) }
    }
    case 'moveStep': {
      const step = find(doc.steps, cmd.id, 'step')
      return { ...doc, steps: reorderInGroup(doc.steps, (s) => s.stageId === step.stageId, (s) => s.id === cmd.id, cmd.toIndex) }
    }
    case 'deleteStep': {
      const step = find(doc.steps, cmd.id, 'step')
      if (doc.steps.filter((s) => s.stageId === step.stageId).length === 1) throw invalid('A stage keeps at least one step; delete the stage instead.')
      const next = withoutCards(doc, (c) => c.stepId === cmd.id)
      return { ...next, steps: next.steps.filter((s) => s.id !== cmd.id), emotions: next.emotions.filter((e) => e.stepId !== cmd.id) }
    }

    case 'addLane': {
      ensureNew(doc.lanes, [cmd.lane.id], 'lane')
      const lanes = [...doc.lanes]
      lanes.splice(clamp(cmd.index ?? lanes.length, lanes.length), 0, cmd.lane)
      return { ...doc, lanes }
    }
    case 'updateLane': {
      const lane = find(doc.lanes, cmd.id, 'lane')
      return { ...doc, lanes: doc.lanes.map((l) => (l === lane ? { ...l, ...cmd.patch } : l)) }
    }
    case 'moveLane':
      find(doc.lanes, cmd.id, 'lane')
      return { ...doc, lanes: reorderInGroup(doc.lanes, () => true, (l) => l.id === cmd.id, cmd.toIndex) }
    case 'deleteLane': {
      find(doc.lanes, cmd.id, 'lane')
      const next = withoutCards(doc, (c) => c.laneId === cmd.id)
      return { ...next, lanes: next.lanes.filter((l) => l.id !== cmd.id), emotions: next.emotions.filter((e) => e.laneId !== cmd.id) }
    }

    case 'addCards': {
      ensureNew(doc.cards, cmd.cards.map((c) => c.id), 'card')
      let cards = doc.cards
      const offsets = new Map<string, number>()
      for (const card of cmd.cards) {
        requireCardCell(doc, card.laneId, card.stepId)
        const key = cellKey(card.laneId, card.stepId)
        const offset = offsets.get(key) ?? 0
        offsets.set(key, offset + 1)
        cards = insertInGroup(cards, (c) => c.laneId === card.laneId && c.stepId === card.stepId, [card], cmd.index === undefined ? undefined : cmd.index + offset)
      }
      return { ...doc, cards }
    }
    case 'updateCard': {
      const card = find(doc.cards, cmd.id, 'card')
      return { ...doc, cards: doc.cards.map((c) => (c === card ? { ...c, ...cmd.patch } : c)) }
    }
    case 'moveCards': {
      const moving = new Set(cmd.ids)
      for (const id of moving) find(doc.cards, id, 'card')
      requireCardCell(doc, cmd.laneId, cmd.stepId)
      const picked = cmd.ids.map((id) => doc.cards.find((c) => c.id === id) as Card).map((c) => ({ ...c, laneId: cmd.laneId, stepId: cmd.stepId }))
      // The index counts the target cell's cards as they stand before the move, minus the moved ones.
      const rest = doc.cards.filter((c) => !moving.has(c.id))
      const cards = insertInGroup(rest, (c) => c.laneId === cmd.laneId && c.stepId === cmd.stepId, picked, cmd.index)
      return { ...doc, cards }
    }
    case 'deleteCards': {
      const gone = new Set(cmd.ids)
      for (const id of gone) find(doc.cards, id, 'card')
      return withoutCards(doc, (c) => gone.has(c.id))
    }

    case 'setEmotion': {
      const lane = find(doc.lanes, cmd.laneId, 'lane')
      find(doc.steps, cmd.stepId, 'step')
      if (lane.type !== 'emotion') throw invalid(`"${lane.name}" is not an emotion lane.`)
      const key = emotionKey(cmd.laneId, cmd.stepId)
      const rest = doc.emotions.filter((e) => emotionKey(e.laneId, e.stepId) !== key)
      return { ...doc, emotions: cmd.value === null ? rest : [...rest, { laneId: cmd.laneId, stepId: cmd.stepId, value: cmd.value }] }
    }

    case 'addComment':
      find(doc.cards, cmd.comment.cardId, 'card')
      ensureNew(doc.comments, [cmd.comment.id], 'comment')
      return { ...doc, comments: [...doc.comments, cmd.comment] }
    case 'deleteComment':
      find(doc.comments, cmd.id, 'comment')
      return { ...doc, comments: doc.comments.filter((m) => m.id !== cmd.id) }

    case 'patch':
      return applyPatch(doc, cmd.patch)
  }
}

function patchCollection<C extends Collection>(doc: JourneyDoc, collection: C, patch: Patch): EntityOf<C>[] {
  let items = doc[collection] as EntityOf<C>[]
  const remove = new Set(patch.remove[collection] ?? [])
  if (remove.size) items = items.filter((x) => !remove.has(keyOf(collection, x)))
  const upsert = (patch.upsert[collection] ?? []) as EntityOf<C>[]
  if (upsert.length) {
    const byKey = new Map(upsert.map((x) => [keyOf(collection, x), x]))
    items = items.map((x) => {
      const key = keyOf(collection, x)
      const next = byKey.get(key)
      if (!next) return x
      byKey.delete(key)
      return next
    })
    items = [...items, ...byKey.values()]
  }
  const order = orderFor(patch, collection)
  if (order) {
    for (const [group, keys] of Object.entries(order)) {
      const rank = new Map(keys.map((k, i) => [k, i]))
      const slots: number[] = []
      const members: EntityOf<C>[] = []
      items.forEach((x, i) => {
        if (groupOf(collection, x) === group) {
          slots.push(i)
          members.push(x)
        }
      })
      const far = keys.length
      members.sort((a, b) => (rank.get(keyOf(collection, a)) ?? far) - (rank.get(keyOf(collection, b)) ?? far))
      items = [...items]
      slots.forEach((slot, i) => (items[slot] = members[i]))
    }
  }
  return items
}

function orderFor(patch: Patch, collection: Collection): Record<string, string[]> | null {
  switch (collection) {
    case 'stages':
      return patch.order.stages ? { '': patch.order.stages } : null
    case 'lanes':
      return patch.order.lanes ? { '': patch.order.lanes } : null
    case 'steps':
      return patch.order.steps ?? null
    case 'cards':
      return patch.order.cards ?? null
    default:
      return null
  }
}

function applyPatch(doc: JourneyDoc, patch: Patch): JourneyDoc {
  if (patch.map && patch.map.id !== doc.map.id) throw invalid('A patch cannot change which map it applies to.')
  const next: JourneyDoc = {
    map: patch.map ?? doc.map,
    persona: patch.persona === undefined ? doc.persona : patch.persona,
    stages: patchCollection(doc, 'stages', patch),
    steps: patchCollection(doc, 'steps', patch),
    lanes: patchCollection(doc, 'lanes', patch),
    cards: patchCollection(doc, 'cards', patch),
    emotions: patchCollection(doc, 'emotions', patch),
    comments: patchCollection(doc, 'comments', patch),
  }
  const problem = integrityProblem(next)
  if (problem) throw invalid(`That change would break the map: ${problem}`)
  return next
}

/** What is wrong with a document, or null: unique keys, and every reference pointing at something that exists. */
export function integrityProblem(doc: JourneyDoc): string | null {
  for (const c of collections) {
    const seen = new Set<string>()
    for (const x of doc[c] as EntityOf<typeof c>[]) {
      const key = keyOf(c, x)
      if (seen.has(key)) return `${c} ${key} appears twice.`
      seen.add(key)
    }
  }
  const stages = new Set(doc.stages.map((s) => s.id))
  const steps = new Set(doc.steps.map((s) => s.id))
  const lanes = new Map(doc.lanes.map((l) => [l.id, l]))
  const cards = new Set(doc.cards.map((c) => c.id))
  const stagesWithSteps = new Set<string>()
  for (const s of doc.steps) {
    if (!stages.has(s.stageId)) return `step ${s.id} belongs to a stage that does not exist.`
    stagesWithSteps.add(s.stageId)
  }
  for (const s of doc.stages) if (!stagesWithSteps.has(s.id)) return `stage ${s.id} has no step.`
  for (const c of doc.cards) {
    const lane = lanes.get(c.laneId)
    if (!lane) return `card ${c.id} is in a lane that does not exist.`
    if (!isCardLane(lane)) return `card ${c.id} is in the ${lane.type} lane.`
    if (!steps.has(c.stepId)) return `card ${c.id} is at a step that does not exist.`
  }
  for (const e of doc.emotions) {
    if (lanes.get(e.laneId)?.type !== 'emotion') return `emotion ${emotionKey(e.laneId, e.stepId)} is not in an emotion lane.`
    if (!steps.has(e.stepId)) return `emotion ${emotionKey(e.laneId, e.stepId)} is at a step that does not exist.`
  }
  for (const m of doc.comments) if (!cards.has(m.cardId)) return `comment ${m.id} is on a card that does not exist.`
  return null
}

/**
 * The pure reducer: the document after one command, or why the command cannot apply (the
 * document is then unchanged). The editor and the workspace run exactly this.
 */
export function applyCommand(doc: JourneyDoc, cmd: Command): ReduceResult {
  try {
    return { ok: true, doc: canonical(reduce(doc, cmd)) }
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, error: { code: e.code, message: e.message } }
    throw e
  }
}

/** Several commands as one: all apply, or none does. */
export function applyCommands(doc: JourneyDoc, cmds: readonly Command[]): ReduceResult {
  let current = doc
  for (const cmd of cmds) {
    const r = applyCommand(current, cmd)
    if (!r.ok) return r
    current = r.doc
  }
  return { ok: true, doc: current }
}

import type { Patch } from './commands'
import { groupOf, keyOf } from './grid'
import { collections, type Collection, type EntityOf, type JourneyDoc } from './model'

/** Entities are immutable, so an unchanged one is the same object; a copy that is equal counts as unchanged too. */
const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b)

function groupSequences<C extends Collection>(collection: C, items: readonly EntityOf<C>[]): Map<string, string[]> {
  const groups = new Map<string, string[]>()
  for (const x of items) {
    const g = groupOf(collection, x)
    if (g === null) continue
    const list = groups.get(g)
    if (list) list.push(keyOf(collection, x))
    else groups.set(g, [keyOf(collection, x)])
  }
  return groups
}

/**
 * The patch that turns `from` into `to`: the entities that were added or changed, the keys that
 * went, and the full order of every group whose order changed. diff(after, before) is the undo
 * of any edit; the workspace stores exactly what diff(before, after) names.
 */
export function diffDocs(from: JourneyDoc, to: JourneyDoc): Patch {
  const patch: Patch = { upsert: {}, remove: {}, order: {} }
  if (!same(from.map, to.map)) patch.map = to.map
  if (!same(from.persona, to.persona)) patch.persona = to.persona
  for (const c of collections) diffCollection(c, from[c] as EntityOf<typeof c>[], to[c] as EntityOf<typeof c>[], patch)
  return patch
}

function diffCollection<C extends Collection>(collection: C, from: readonly EntityOf<C>[], to: readonly EntityOf<C>[], patch: Patch): void {
  if (from === to) return
  const before = new Map(from.map((x) => [keyOf(collection, x), x]))
  const upsert: EntityOf<C>[] = []
  for (const x of to) {
    const key = keyOf(collection, x)
    const old = before.get(key)
    if (old === undefined || !same(old, x)) upsert.push(x)
    before.delete(key)
  }
  if (upsert.length) (patch.upsert as Record<string, unknown[]>)[collection] = upsert
  if (before.size) (patch.remove as Record<string, string[]>)[collection] = [...before.keys()]

  const fromGroups = groupSequences(collection, from)
  const changed: Record<string, string[]> = {}
  for (const [group, seq] of groupSequences(collection, to)) {
    const old = fromGroups.get(group)
    if (!old || old.length !== seq.length || old.some((k, i) => k !== seq[i])) changed[group] = seq
    fromGroups.delete(group)
  }
  // A group that emptied has nothing left to order, so it needs no entry.
  if (Object.keys(changed).length === 0) return
  if (collection === 'stages' || collection === 'lanes') patch.order[collection as 'stages' | 'lanes'] = changed['']
  else if (collection === 'steps') patch.order.steps = changed
  else if (collection === 'cards') patch.order.cards = changed
}

export function isEmptyPatch(p: Patch): boolean {
  return (
    p.map === undefined &&
    p.persona === undefined &&
    Object.values(p.upsert).every((v) => !v?.length) &&
    Object.values(p.remove).every((v) => !v?.length) &&
    Object.values(p.order).every((v) => v === undefined || (Array.isArray(v) ? false : Object.keys(v).length === 0))
  )
}

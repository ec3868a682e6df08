import type { Sqlite } from '../db/sqlite'
import { emailKey, nameKey, phoneKey } from '../../src-shared/domain/contactKeys'
import type { OpenWorkspace } from '../db/openWorkspace'
import { allIdentities, changedSince, identitiesOf, latestChange, type IdentityRow } from './customerChangesRepository'

/** More changed customers than this since the last look and the index is built again from every customer. */
const INCREMENTAL_LIMIT = 5_000

export type IdentityKind = 'email' | 'phone' | 'name'

/**
 * Every customer under their e-mail, phone and name keys (src-shared/domain/contactKeys), built in
 * one pass over the customers and kept per open workspace; after a write only the customers the
 * customer_changes log names are read again. A profile's possible duplicates and the duplicates
 * page are looked up here instead of reading every customer per request. Phone keys depend on the
 * workspace's zone (a national 09… is Vietnamese in Asia/Ho_Chi_Minh, Thai in Asia/Bangkok): the
 * index is made for one zone and made again when the zone changes.
 */
export class IdentityIndex {
  readonly rows = new Map<number, IdentityRow>()
  readonly keys: Record<IdentityKind, Map<string, Set<number>>> = { email: new Map(), phone: new Map(), name: new Map() }

  constructor(readonly timezone: string) {}

  keyOf(kind: IdentityKind, r: Pick<IdentityRow, 'name' | 'email' | 'phone'>): string | null {
    return kind === 'email' ? emailKey(r.email) : kind === 'phone' ? phoneKey(r.phone, this.timezone) : nameKey(r.name)
  }

  add(r: IdentityRow): void {
    this.rows.set(r.id, r)
    for (const kind of ['email', 'phone', 'name'] as const) {
      const k = this.keyOf(kind, r)
      if (k === null) continue
      let ids = this.keys[kind].get(k)
      if (!ids) this.keys[kind].set(k, (ids = new Set()))
      ids.add(r.id)
    }
  }

  remove(id: number): void {
    const r = this.rows.get(id)
    if (!r) return
    this.rows.delete(id)
    for (const kind of ['email', 'phone', 'name'] as const) {
      const k = this.keyOf(kind, r)
      const ids = k === null ? undefined : this.keys[kind].get(k)
      if (!ids) continue
      ids.delete(id)
      if (!ids.size) this.keys[kind].delete(k as string)
    }
  }

  /** The customers under this key, by id. */
  under(kind: IdentityKind, key: string | null): IdentityRow[] {
    const ids = key === null ? undefined : this.keys[kind].get(key)
    if (!ids) return []
    return [...ids].sort((a, b) => a - b).map((id) => this.rows.get(id) as IdentityRow)
  }
}

const cache = new WeakMap<OpenWorkspace, { seq: number; index: IdentityIndex }>()

function build(sqlite: Sqlite, timezone: string): { seq: number; index: IdentityIndex } {
  const seq = latestChange(sqlite)
  const index = new IdentityIndex(timezone)
  for (const r of allIdentities(sqlite)) index.add(r)
  return { seq, index }
}

/** The workspace's identity index, brought up to date with the customers changed since it was last read (and made again for a new zone). */
export function identityIndex(open: OpenWorkspace): IdentityIndex {
  const sqlite = open.ws.sqlite
  const timezone = open.settings.timezone
  let hit = cache.get(open)
  if (hit && hit.index.timezone !== timezone) hit = undefined
  if (hit) {
    const changed = changedSince(sqlite, hit.seq, INCREMENTAL_LIMIT)
    if (changed.more) hit = undefined
    else if (changed.ids.length) {
      const ids = changed.ids.filter((id) => id !== 0)
      for (const id of ids) hit.index.remove(id)
      for (const r of identitiesOf(sqlite, ids)) hit.index.add(r)
      hit.seq = changed.seq
    }
  }
  if (!hit) cache.set(open, (hit = build(sqlite, timezone)))
  return hit.index
}

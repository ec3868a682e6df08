import type Database from 'better-sqlite3'
import { statement } from '../db/statements'

// Which customers changed since a reader last looked (migration 2026-12-07-customer-changes: the
// triggers raise a customer's seq on every write to their facts or their responses). Raw
// better-sqlite3: read before every cached customers read, it must cost next to nothing.

/** The highest seq written so far (0 on a workspace where nothing changed since the migration). */
export function latestChange(sqlite: Database.Database): number {
  return statement(sqlite, 'SELECT ifnull(max(seq), 0) FROM customer_changes', 'pluck').get() as number
}

/** Customers whose seq is above `seq` (0 stands for "everyone"), at most `limit` + 1 of them, and the highest seq read. */
export function changedSince(sqlite: Database.Database, seq: number, limit: number): { ids: number[]; seq: number; more: boolean } {
  const rows = statement(sqlite, 'SELECT customer_id, seq FROM customer_changes WHERE seq > ? ORDER BY seq LIMIT ?', 'raw').all(seq, limit + 1) as Array<[number, number]>
  const more = rows.length > limit
  const kept = more ? rows.slice(0, limit) : rows
  return { ids: kept.map((r) => r[0]), seq: kept.length ? kept[kept.length - 1][1] : seq, more }
}

export interface IdentityRow {
  id: number
  name: string | null
  email: string | null
  phone: string | null
}

/** Every customer with a name, an e-mail or a phone (the duplicates' keys), by id. */
export function allIdentities(sqlite: Database.Database): IdentityRow[] {
  return statement(sqlite, 'SELECT id, name, email, phone FROM customers WHERE email IS NOT NULL OR phone IS NOT NULL OR name IS NOT NULL ORDER BY id').all() as IdentityRow[]
}

/** These customers' names, e-mails and phones (those still stored). */
export function identitiesOf(sqlite: Database.Database, ids: readonly number[]): IdentityRow[] {
  return statement(sqlite, 'SELECT id, name, email, phone FROM customers WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id').all(JSON.stringify(ids)) as IdentityRow[]
}

/** How many responses each of these customers gave (one index range each). */
export function responseCountsOf(sqlite: Database.Database, ids: readonly number[]): Map<number, number> {
  const count = statement(sqlite, 'SELECT count(*) FROM responses WHERE customer_id = ?', 'pluck')
  return new Map(ids.map((id) => [id, count.get(id) as number]))
}

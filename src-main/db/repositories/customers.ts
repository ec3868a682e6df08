import type Database from 'better-sqlite3'

/** Finds or creates a customer by the reference a source uses for them (a CRM id), remembering ids for the rest of an import. */
export function customerResolver(sqlite: Database.Database, now: number): (ref: string, email: string | null) => number {
  const find = sqlite.prepare<[string], { id: number }>('SELECT id FROM customers WHERE external_ref = ?')
  const insert = sqlite.prepare('INSERT INTO customers (external_ref, email, created_at, updated_at) VALUES (?, ?, ?, ?)')
  const fillEmail = sqlite.prepare('UPDATE customers SET email = ?, updated_at = ? WHERE id = ? AND email IS NULL')
  const cache = new Map<string, number>()
  return (ref, email) => {
    const known = cache.get(ref)
    if (known !== undefined) return known
    const found = find.get(ref)
    let id: number
    if (found) {
      id = found.id
      if (email) fillEmail.run(email, now, id)
    } else {
      id = Number(insert.run(ref, email, now, now).lastInsertRowid)
    }
    cache.set(ref, id)
    return id
  }
}

export interface CustomerSeed {
  externalRef: string
  name: string
  email: string | null
  phone: string | null
  segment: string | null
  location: string | null
  customerSince: string | null
  churnedAt: string | null
}

/** Inserts customers and returns their ids in the same order. */
export function insertCustomers(sqlite: Database.Database, rows: CustomerSeed[], now: number): number[] {
  const stmt = sqlite.prepare(`INSERT INTO customers (external_ref, name, email, phone, segment, location, customer_since, churned_at, created_at, updated_at)
    VALUES (@externalRef, @name, @email, @phone, @segment, @location, @customerSince, @churnedAt, @now, @now)`)
  return rows.map((r) => Number(stmt.run({ ...r, now }).lastInsertRowid))
}

import type Database from 'better-sqlite3'
import type { Kysely } from 'kysely'
import type { Customer } from '../../src-shared/api/feedback'
import type { DB } from '../db/schema'
import { build, runOf } from '../db/syncQuery'
import { phoneKey } from '../../src-shared/domain/contactKeys'

/** A customer as the detail pane shows them, with how many responses they gave. */
export async function customerCard(db: Kysely<DB>, id: number): Promise<Customer | null> {
  const row = await db
    .selectFrom('customers')
    .select((eb) => [
      'id',
      'external_ref as ref',
      'name',
      'email',
      'phone',
      'segment',
      'location',
      'customer_since as customerSince',
      'churned_at as churnedAt',
      eb.selectFrom('responses').select(eb.fn.countAll<number>().as('n')).whereRef('responses.customer_id', '=', 'customers.id').as('responses'),
    ])
    .where('id', '=', id)
    .executeTakeFirst()
  return row ? { ...row, responses: Number(row.responses) } : null
}

/**
 * Finds or creates a customer by the reference a source uses for them (a CRM id), remembering ids for
 * the rest of an import. Raw statements, prepared once: an import runs them per row, where compiling
 * a Kysely query per call would cost more than the statement (as customerLinker below).
 */
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
  return rows.map(
    (r) =>
      runOf(
        sqlite,
        build.insertInto('customers').values({
          external_ref: r.externalRef, name: r.name, email: r.email, phone: r.phone, segment: r.segment, location: r.location,
          customer_since: r.customerSince, churned_at: r.churnedAt, created_at: now, updated_at: now,
        }),
      ).lastInsertRowid,
  )
}

export interface CustomerFacts {
  ref: string | null
  email: string | null
  name?: string | null
  phone?: string | null
  segment?: string | null
  location?: string | null
  customerSince?: string | null
  churnedAt?: string | null
}

/**
 * Finds a customer by the source's id, else by e-mail, else by phone (normalised: src-shared/domain/phone.ts),
 * and creates one when none is known. A name alone identifies nobody (many people are called สมชาย
 * ใจดี): it creates a customer of its own every time, never merged with a namesake. Facts the
 * workspace lacks are filled in; facts it has are kept (feedback rows are not a CRM). Returns the id
 * and whether the customer was new; null when there is nothing at all (not even a name).
 * Raw statements prepared once per import and run per row (the import's hot path).
 */
export function customerLinker(sqlite: Database.Database, now: number, opts: { overwrite?: boolean; timezone?: string } = {}) {
  const byRef = sqlite.prepare<[string], { id: number }>('SELECT id FROM customers WHERE external_ref = ?')
  const byEmail = sqlite.prepare<[string], { id: number }>('SELECT id FROM customers WHERE email = ? ORDER BY id LIMIT 1')
  const byPhone = sqlite.prepare<[string], { id: number }>('SELECT id FROM customers WHERE phone = ? ORDER BY id LIMIT 1')
  const withPhones = sqlite.prepare<[], { id: number; phone: string }>('SELECT id, phone FROM customers WHERE phone IS NOT NULL ORDER BY id')
  // A phone stored as someone typed it ("+84 912 345 678" entered by hand) is not the text an import
  // writes ("+84912345678"): on a miss by text, the same number is looked up by its key in the
  // workspace's zone (contactKeys.ts), in a map of every customer's phone read once, on the first miss.
  let byPhoneKey: Map<string, number> | null = null
  const zone = opts.timezone
  const sameNumber = (phone: string): number | undefined => {
    const key = zone ? phoneKey(phone, zone) : null
    if (!zone || !key) return undefined
    if (!byPhoneKey) {
      byPhoneKey = new Map()
      for (const r of withPhones.iterate()) {
        const k = phoneKey(r.phone, zone)
        if (k && !byPhoneKey.has(k)) byPhoneKey.set(k, r.id)
      }
    }
    return byPhoneKey.get(key)
  }
  const remember = (phone: string | null, id: number) => {
    const key = phone && zone && byPhoneKey ? phoneKey(phone, zone) : null
    if (key && !byPhoneKey!.has(key)) byPhoneKey!.set(key, id)
  }
  const insert = sqlite.prepare(`INSERT INTO customers (external_ref, name, email, phone, segment, location, customer_since, churned_at, created_at, updated_at)
    VALUES (@ref, @name, @email, @phone, @segment, @location, @customerSince, @churnedAt, @now, @now)`)
  const combine = (col: string, param: string) => (opts.overwrite ? `coalesce(@${param}, ${col})` : `coalesce(${col}, @${param})`)
  const update = sqlite.prepare(`UPDATE customers SET
      external_ref = coalesce(external_ref, @ref), name = ${combine('name', 'name')}, email = ${combine('email', 'email')},
      phone = ${combine('phone', 'phone')}, segment = ${combine('segment', 'segment')}, location = ${combine('location', 'location')},
      customer_since = ${combine('customer_since', 'customerSince')}, churned_at = ${combine('churned_at', 'churnedAt')}, updated_at = @now
    WHERE id = @id`)
  const cache = new Map<string, number>()
  return (c: CustomerFacts): { id: number; created: boolean } | null => {
    const key = c.ref ? `r:${c.ref}` : c.email ? `e:${c.email}` : c.phone ? `p:${c.phone}` : null
    if (!key && !c.name) return null
    // Seen earlier in this import and nothing to overwrite: most rows of a feedback file (no objects built per row).
    const seen = key && !opts.overwrite ? cache.get(key) : undefined
    if (seen !== undefined) return { id: seen, created: false }
    const facts = {
      ref: c.ref,
      email: c.email,
      name: c.name ?? null,
      phone: c.phone ?? null,
      segment: c.segment ?? null,
      location: c.location ?? null,
      customerSince: c.customerSince ?? null,
      churnedAt: c.churnedAt ?? null,
      now,
    }
    if (!key) {
      const id = Number(insert.run(facts).lastInsertRowid)
      remember(facts.phone, id)
      return { id, created: true }
    }
    const known =
      cache.get(key) ??
      (c.ref ? byRef.get(c.ref)?.id : undefined) ??
      (c.email ? byEmail.get(c.email)?.id : undefined) ??
      (c.phone ? (byPhone.get(c.phone)?.id ?? sameNumber(c.phone)) : undefined)
    if (known !== undefined) {
      if (!cache.has(key) || opts.overwrite) update.run({ ...facts, id: known })
      cache.set(key, known)
      return { id: known, created: false }
    }
    const id = Number(insert.run(facts).lastInsertRowid)
    cache.set(key, id)
    remember(facts.phone, id)
    return { id, created: true }
  }
}

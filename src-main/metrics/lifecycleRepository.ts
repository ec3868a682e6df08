import type Database from 'better-sqlite3'
import { statement } from '../db/statements'

// Raw SQL on purpose: single-value reads ('pluck' mode) prepared once per connection and run
// synchronously by the metrics engine for every churn and retention figure.

type CustomerFilter = { segment?: string[]; location?: string[] }

function customerWhere(f: CustomerFilter): { where: string[]; params: string[] } {
  const where: string[] = []
  const params: string[] = []
  for (const [col, values] of [
    ['segment', f.segment],
    ['location', f.location],
  ] as const) {
    if (!values?.length) continue
    where.push(`${col} IN (${values.map(() => '?').join(', ')})`)
    params.push(...values)
  }
  return { where, params }
}

export interface LifecyclePair {
  since: string
  churned: string | null
  /** The customer's segment or location, when broken down by one. */
  grp: string | null
  n: number
}

/**
 * Customers counted by their (customer since, churned at) dates, optionally of some segments or
 * locations. Customers without a "since" date, or who
 * left before they joined, cannot be placed in time (the rollup triggers leave them out too).
 */
export function lifecyclePairs(sqlite: Database.Database, f: CustomerFilter, dim?: 'segment' | 'location'): LifecyclePair[] {
  const { where, params } = customerWhere(f)
  const and = where.length ? ` AND ${where.join(' AND ')}` : ''
  return statement(
    sqlite,
    `SELECT customer_since AS since, churned_at AS churned, ${dim ?? 'NULL'} AS grp, count(*) AS n FROM customers
       WHERE customer_since IS NOT NULL AND (churned_at IS NULL OR churned_at >= customer_since)${and} GROUP BY customer_since, churned_at${dim ? `, ${dim}` : ''}`,
  ).all(...params) as LifecyclePair[]
}

export function customerCount(sqlite: Database.Database, f: CustomerFilter): number {
  const { where, params } = customerWhere(f)
  return statement(sqlite, `SELECT count(*) FROM customers${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`, 'pluck').get(...params) as number
}

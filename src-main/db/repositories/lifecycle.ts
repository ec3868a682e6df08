import type Database from 'better-sqlite3'

export interface LifecyclePair {
  since: string
  churned: string | null
  n: number
}

/**
 * Customers counted by their (customer since, churned at) dates, optionally of some segments or
 * locations. Customers without a "since" date cannot be placed in time and are only counted.
 */
export function lifecyclePairs(sqlite: Database.Database, f: { segment?: string[]; location?: string[] }): { pairs: LifecyclePair[]; withoutDates: number } {
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
  const and = where.length ? ` AND ${where.join(' AND ')}` : ''
  const pairs = sqlite
    .prepare(`SELECT customer_since AS since, churned_at AS churned, count(*) AS n FROM customers WHERE customer_since IS NOT NULL${and} GROUP BY customer_since, churned_at`)
    .all(...params) as LifecyclePair[]
  const withoutDates = sqlite.prepare(`SELECT count(*) FROM customers WHERE customer_since IS NULL${and}`).pluck().get(...params) as number
  return { pairs, withoutDates }
}

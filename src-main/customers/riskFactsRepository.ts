import type Database from 'better-sqlite3'
import { statement } from '../db/statements'
import type { ResponseFact } from './riskRules'

// Raw better-sqlite3 on a measured hot path: the risk rules and the model read every response of
// every customer once (1,000,000 rows at the benchmark's scale). Rows come as arrays from one
// prepared statement walking the responses_customer_time index; Kysely would build an object per row
// and hold them all in memory before the first is read.

export interface Lifecycle {
  id: number
  since: string | null
  churned: string | null
}

export function customerLifecycles(sqlite: Database.Database): Lifecycle[] {
  return statement(sqlite, 'SELECT id, customer_since AS since, churned_at AS churned FROM customers ORDER BY id').all() as Lifecycle[]
}

/** The lifecycles of these customers only (those still stored). */
export function lifecyclesOf(sqlite: Database.Database, ids: readonly number[]): Lifecycle[] {
  return statement(sqlite, 'SELECT id, customer_since AS since, churned_at AS churned FROM customers WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id').all(JSON.stringify(ids)) as Lifecycle[]
}

const FACT_COLUMNS = `r.customer_id, r.submitted_at, r.band, r.score,
       CASE WHEN r.score IS NULL OR q.id IS NULL THEN NULL
            WHEN q.direction = 'lower_better' THEN (q.scale_max - r.score) * 1.0 / (q.scale_max - q.scale_min)
            ELSE (r.score - q.scale_min) * 1.0 / (q.scale_max - q.scale_min) END,
       q.metric, r.status, r.resolved_at, r.status_changed_at`

/** Every response that has a customer, by customer and time, with its score placed on 0–1 (1 best). */
export function forEachCustomerFact(sqlite: Database.Database, each: (customerId: number, fact: ResponseFact) => void): void {
  const stmt = statement(
    sqlite,
    `SELECT ${FACT_COLUMNS}
     FROM responses r INDEXED BY responses_customer_time LEFT JOIN questions q ON q.id = r.question_id
     WHERE r.customer_id IS NOT NULL ORDER BY r.customer_id, r.submitted_at, r.id`,
    'raw',
  )
  emitFacts(stmt.iterate() as IterableIterator<unknown[]>, each)
}

/** The responses of these customers only, by customer and time (one index range per customer). */
export function forEachFactOf(sqlite: Database.Database, ids: readonly number[], each: (customerId: number, fact: ResponseFact) => void): void {
  const stmt = statement(
    sqlite,
    `SELECT ${FACT_COLUMNS}
     FROM responses r INDEXED BY responses_customer_time LEFT JOIN questions q ON q.id = r.question_id
     WHERE r.customer_id = ? ORDER BY r.submitted_at, r.id`,
    'raw',
  )
  for (const id of [...ids].sort((a, b) => a - b)) emitFacts(stmt.iterate(id) as IterableIterator<unknown[]>, each)
}

function emitFacts(rows: IterableIterator<unknown[]>, each: (customerId: number, fact: ResponseFact) => void): void {
  for (const row of rows) {
    each(row[0] as number, {
      at: row[1] as number,
      band: row[2] as -1 | 0 | 1 | null,
      score: row[3] as number | null,
      u: row[4] as number | null,
      metric: row[5] as string | null,
      status: row[6] as string,
      resolvedAt: row[7] as number | null,
      changedAt: row[8] as number | null,
    })
  }
}

/** About how many responses there are (the largest id: no count over a million rows). */
export function responsesAbout(sqlite: Database.Database): number {
  return (statement(sqlite, 'SELECT ifnull(max(id), 0) FROM responses', 'pluck').get() as number) ?? 0
}

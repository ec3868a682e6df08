import type Database from 'better-sqlite3'
import { statement } from '../db/statements'
import type { ResponseFact } from './riskRules'

// Raw better-sqlite3 on a measured hot path: the risk rules and the model read every response of
// every customer once (1,000,000 rows at the benchmark's scale). Rows come as arrays from a prepared
// statement walking the responses_customer_time index, a range of customers at a time; Kysely would
// build an object per row.

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

/**
 * What the facts read, all from responses_customer_time (customer_id, submitted_at, band, score,
 * question_id, status, resolved_at; the rowid) so no row of the table is looked up: the status and
 * resolution only where the band is poor (the only responses whose follow-up addFact reads), and
 * status_changed_at — not in the index — only where it is read (a poor response closed without a
 * resolution time), so SQLite's deferred seek goes to the table for those few rows alone.
 */
const FACT_COLUMNS = `r.customer_id, r.submitted_at, r.band, r.score, r.question_id,
       CASE WHEN r.band = -1 THEN r.status END,
       CASE WHEN r.band = -1 THEN r.resolved_at END,
       CASE WHEN r.band = -1 AND r.resolved_at IS NULL AND r.status IN ('resolved', 'no_action') THEN r.status_changed_at END,
       r.id`
const ID = 8

/** The whole read's statement, for a range of customer ids [from, to) (exported for the query-plan test). */
export const WHOLE_READ = `SELECT ${FACT_COLUMNS}
     FROM responses r INDEXED BY responses_customer_time
     WHERE r.customer_id >= ? AND r.customer_id < ? ORDER BY r.customer_id, r.submitted_at`

/** Customers per statement of the whole read: ~8 responses each at the generator's scale, so some 30,000 rows a call. */
const CUSTOMERS_PER_READ = 4096

interface Scale {
  metric: string
  min: number
  max: number
  lowerBetter: boolean
}

/** The questions' scales, to place a score on 0–1 (1 best) in memory rather than join every response to its question. */
function scales(sqlite: Database.Database): Map<number, Scale> {
  const rows = statement(sqlite, `SELECT id, metric, scale_min, scale_max, direction FROM questions`, 'raw').all() as Array<[number, string, number, number, string]>
  return new Map(rows.map(([id, metric, min, max, direction]) => [id, { metric, min, max, lowerBetter: direction === 'lower_better' }]))
}

/**
 * Every response that has a customer, by customer and time (ties by id), with its score placed on
 * 0–1 (1 best). Read in ranges of customer ids, each with one statement walking the covering index.
 * The fact handed to `each` is one object filled again for every response: read it there, do not keep it.
 */
export function forEachCustomerFact(sqlite: Database.Database, each: (customerId: number, fact: ResponseFact) => void, opts: { customersPerRead?: number } = {}): void {
  const step = opts.customersPerRead ?? CUSTOMERS_PER_READ
  const stmt = statement(sqlite, WHOLE_READ, 'raw')
  const read = () => {
    const emit = factEmitter(scales(sqlite), each)
    // Apart: SQLite reads a lone min() or max() off the index's end, both at once by a full scan.
    const first = statement(sqlite, 'SELECT min(customer_id) FROM responses', 'pluck').get() as number | null
    const last = statement(sqlite, 'SELECT max(customer_id) FROM responses', 'pluck').get() as number | null
    if (first === null || last === null) return
    for (let from = first; from <= last; from += step) {
      const rows = stmt.all(from, from + step) as unknown[][]
      tiesById(rows)
      emit(rows)
    }
  }
  // Every range from one snapshot, as a single statement would read: a response moved between
  // customers while the pass runs is not seen twice or missed.
  inOneSnapshot(sqlite, read)
}

/** Runs `read` in one read transaction (or the one already open): what it reads comes from one snapshot of the file. */
export function inOneSnapshot<T>(sqlite: Database.Database, read: () => T): T {
  return sqlite.inTransaction ? read() : sqlite.transaction(read)()
}

/**
 * The index orders a customer's responses at the same time by band, score and so on, then id; the
 * facts come by id within such a tie (as `ORDER BY customer_id, submitted_at, id` would give, which
 * would make SQLite sort every group of equal times).
 */
function tiesById(rows: unknown[][]): void {
  for (let i = 0; i < rows.length; ) {
    let j = i + 1
    while (j < rows.length && rows[j][0] === rows[i][0] && rows[j][1] === rows[i][1]) j++
    if (j - i > 1) {
      const tie = rows.slice(i, j).sort((a, b) => (a[ID] as number) - (b[ID] as number))
      for (let k = 0; k < tie.length; k++) rows[i + k] = tie[k]
    }
    i = j
  }
}

/** The responses of these customers only, by customer and time (one index range per customer). The fact is reused as in forEachCustomerFact. */
export function forEachFactOf(sqlite: Database.Database, ids: readonly number[], each: (customerId: number, fact: ResponseFact) => void): void {
  const stmt = statement(
    sqlite,
    `SELECT ${FACT_COLUMNS}
     FROM responses r INDEXED BY responses_customer_time
     WHERE r.customer_id = ? ORDER BY r.submitted_at, r.id`,
    'raw',
  )
  const emit = factEmitter(scales(sqlite), each)
  for (const id of [...ids].sort((a, b) => a - b)) emit(stmt.all(id) as unknown[][])
}

function factEmitter(scales: Map<number, Scale>, each: (customerId: number, fact: ResponseFact) => void): (rows: unknown[][]) => void {
  const fact: ResponseFact = { at: 0, band: null, score: null, u: null, metric: null, status: '', resolvedAt: null, changedAt: null }
  return (rows) => {
    for (const row of rows) {
      const score = row[3] as number | null
      const q = row[4] === null ? undefined : scales.get(row[4] as number)
      fact.at = row[1] as number
      fact.band = row[2] as -1 | 0 | 1 | null
      fact.score = score
      // As SQL would: (max − score) / (max − min) turned round for lower-is-better, else (score − min) / (max − min).
      fact.u = score === null || q === undefined ? null : q.lowerBetter ? ((q.max - score) * 1.0) / (q.max - q.min) : ((score - q.min) * 1.0) / (q.max - q.min)
      fact.metric = q === undefined ? null : q.metric
      fact.status = (row[5] as string | null) ?? ''
      fact.resolvedAt = row[6] as number | null
      fact.changedAt = row[7] as number | null
      each(row[0] as number, fact)
    }
  }
}

/** About how many responses there are (the largest id: no count over a million rows). */
export function responsesAbout(sqlite: Database.Database): number {
  return (statement(sqlite, 'SELECT ifnull(max(id), 0) FROM responses', 'pluck').get() as number) ?? 0
}

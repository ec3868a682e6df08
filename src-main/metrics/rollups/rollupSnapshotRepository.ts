import type Database from 'better-sqlite3'
import { statement } from '../../db/statements'

/**
 * Raw SQL on purpose: PRAGMAs and total_changes(), which Kysely does not build.
 *
 * Summary reads of one unchanged database, remembered per connection. The Scores page makes a dozen
 * calls that read partly the same summary rows (the drivers read what the breakdowns just read);
 * while nothing has changed, the second read is the first one's rows.
 *
 * "Nothing has changed" is the database's generation, read at the start of every read snapshot:
 * - total_changes(): every row this connection has inserted, updated or deleted, triggers included
 *   (it only grows, also when a transaction is rolled back);
 * - PRAGMA data_version: changes whenever another connection (the import or fold worker, a script)
 *   commits;
 * - PRAGMA schema_version: changes with any schema change (a table dropped and recreated empty).
 * Rows are remembered only inside a read snapshot this module opened itself, so never in a
 * transaction that may have written (and could still roll back to a state with the same counter).
 */

type Generation = string
interface Cache {
  generation: Generation
  rows: Map<string, unknown>
  /** The generation of the snapshot being read, or null outside one (reads go straight to the database). */
  active: Generation | null
  hits: number
}

/** Entries per generation; a page needs a few dozen, a report a few hundred. */
const MAX_ENTRIES = 500

const caches = new WeakMap<Database.Database, Cache>()

function cacheOf(sqlite: Database.Database): Cache {
  let c = caches.get(sqlite)
  if (!c) caches.set(sqlite, (c = { generation: '', rows: new Map(), active: null, hits: 0 }))
  return c
}

function generationOf(sqlite: Database.Database): Generation {
  const [changes, data, schema] = statement(
    sqlite,
    'SELECT total_changes(), d.data_version, s.schema_version FROM pragma_data_version AS d, pragma_schema_version AS s',
    'raw',
  ).get() as [number, number, number]
  return `${changes}:${data}:${schema}`
}

/**
 * Runs `read` in one read transaction (summaries and journal seen in one snapshot), with the rows of
 * earlier reads of the same generation at hand. Inside a transaction someone else opened, it simply
 * runs, without remembering anything.
 */
export function readSnapshot<T>(sqlite: Database.Database, read: () => T): T {
  if (sqlite.inTransaction) return read()
  return snapshotTransaction(sqlite).deferred(read) as T
}

type SnapshotTransaction = Database.Transaction<(read: () => unknown) => unknown>
const transactions = new WeakMap<Database.Database, SnapshotTransaction>()

/** One transaction function per connection: making one costs more than the BEGIN and COMMIT it runs (~15 µs, and a page opens ~50 snapshots). */
function snapshotTransaction(sqlite: Database.Database): SnapshotTransaction {
  let tx = transactions.get(sqlite)
  if (tx) return tx
  tx = sqlite.transaction((read: () => unknown) => {
    const cache = cacheOf(sqlite)
    // The first statement of the transaction: the generation describes the snapshot read below.
    const generation = generationOf(sqlite)
    if (generation !== cache.generation) {
      cache.generation = generation
      cache.rows.clear()
    }
    cache.active = generation
    try {
      return read()
    } finally {
      cache.active = null
    }
  })
  transactions.set(sqlite, tx)
  return tx
}

/** The rows of a prepared summary statement, from this generation's earlier identical read when there was one. Callers must not change them. */
export function snapshotRows<R>(sqlite: Database.Database, stmt: Database.Statement, sql: string, params: ReadonlyArray<number | string>): R[] {
  return remembered(sqlite, `${sql}\u0000${JSON.stringify(params)}`, () => stmt.all(...params) as R[])
}

/** What `compute` read from the summaries, from this generation's earlier call with the same key when there was one. Callers must not change it. */
export function remembered<T>(sqlite: Database.Database, key: string, compute: () => T): T {
  const cache = caches.get(sqlite)
  if (!cache || !remembersReads(sqlite)) return compute()
  if (cache.rows.has(key)) {
    cache.hits++
    return cache.rows.get(key) as T
  }
  const value = compute()
  if (cache.rows.size >= MAX_ENTRIES) cache.rows.delete(cache.rows.keys().next().value!)
  cache.rows.set(key, value)
  return value
}

/** True inside a read snapshot whose reads are remembered (so a read shared by several callers is made once). */
export function remembersReads(sqlite: Database.Database): boolean {
  const cache = caches.get(sqlite)
  return !!cache && cache.active !== null && cache.active === cache.generation
}

/** Forgets every remembered read of this connection: the bench measures each page load as the first one. */
export function forgetSnapshotRows(sqlite: Database.Database): void {
  const cache = caches.get(sqlite)
  if (cache) cache.rows.clear()
}

/** How many reads were answered from memory (tests). */
export function snapshotHits(sqlite: Database.Database): number {
  return caches.get(sqlite)?.hits ?? 0
}

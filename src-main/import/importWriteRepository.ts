import type Database from 'better-sqlite3'

// The import's writer (importJob.ts) and its legacy-key matcher (legacyRows.ts) run these statements
// once per row or per batch of a file that may hold a million rows, inside one transaction that stays
// open across the awaits of the reader thread's batches. Raw better-sqlite3 on purpose: prepared once
// and run synchronously, no query-builder compile or promise per row (Kysely's async execute would
// add a microtask and an object graph to every one of them), and better-sqlite3's own transaction()
// cannot span an await, so the transaction is opened and closed by statement.

/** The page cache while the dropped indexes are created again: it caps each sorter thread's memory. */
const INDEX_SORT_CACHE_KIB = 8_192
/** Helper threads SQLite's sorter may use for those sorts (PRAGMA threads). */
const INDEX_SORT_THREADS = 2

/**
 * The import's one write transaction, opened by statement (it spans awaits). Every reference an
 * import writes points at a row it created or found in the same transaction (its import record, the
 * questions, the customers, the responses it tags), so the per-row foreign-key checks are skipped
 * while it writes: about 5% of the writing thread's time, measured. The setting cannot change inside
 * a transaction: it is switched off before it and back on after it, always (`release`).
 * BEGIN / COMMIT / ROLLBACK go through `exec`: the kill test (tests/helpers/robustness/killChild.ts)
 * announces each statement run that way before it runs.
 */
export function importTransaction(sqlite: Database.Database) {
  const skipKeyChecks = sqlite.pragma('foreign_keys', { simple: true }) === 1
  if (skipKeyChecks) sqlite.pragma('foreign_keys = OFF')
  try {
    sqlite.exec('BEGIN IMMEDIATE')
  } catch (e) {
    if (skipKeyChecks) sqlite.pragma('foreign_keys = ON')
    throw e
  }
  return {
    commit: () => sqlite.exec('COMMIT'),
    /** Rolls back what is still open (a failed COMMIT may have closed it already). */
    rollback: () => {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK')
    },
    release: () => {
      if (skipKeyChecks) sqlite.pragma('foreign_keys = ON')
    },
  }
}

/**
 * Secondary indexes on the tables a large import fills are dropped for the import and created again
 * (same SQL) before the commit: one sort per index instead of a random B-tree insert per row, several
 * times faster for a big file. It is all one transaction, so a crash or cancel brings them back as
 * they were; the tables themselves (and any triggers on them) are never touched. Returns a function
 * that recreates them.
 */
export function suspendImportIndexes(sqlite: Database.Database): () => void {
  const indexes = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('responses', 'response_tags') AND sql IS NOT NULL`)
    .all() as Array<{ name: string; sql: string }>
  for (const i of indexes) sqlite.exec(`DROP INDEX "${i.name.replaceAll('"', '""')}"`)
  return () => {
    // SQLite's sorter may hold as much memory as the page cache in each of its threads; measured on a
    // million rows, a cache of 8 MB sorted as fast as one of 16 MB, and two helper threads took the
    // rebuild from about 13.5 s to 12 s (more CPU in all, on a core the reader thread no longer uses)
    // for some 8 MB more.
    const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number
    const threads = sqlite.pragma('threads', { simple: true }) as number
    sqlite.pragma(`cache_size = -${INDEX_SORT_CACHE_KIB}`)
    sqlite.pragma(`threads = ${INDEX_SORT_THREADS}`)
    try {
      for (const i of indexes) sqlite.exec(i.sql)
    } finally {
      sqlite.pragma(`threads = ${threads}`)
      sqlite.pragma(`cache_size = ${cacheSize}`)
    }
  }
}

/** Statistics for the query planner after a bulk load, so filters pick the right index on the new data (a sample: quick). */
export function analyzeAfterBulkLoad(sqlite: Database.Database): void {
  sqlite.pragma('analysis_limit = 400')
  sqlite.exec('ANALYZE')
}

/** How many responses the workspace holds (synchronous: inside the import's open transaction). */
export function storedResponseCount(sqlite: Database.Database): number {
  return sqlite.prepare('SELECT count(*) FROM responses').pluck().get() as number
}

/** Whether a response with this dedup key is stored: one index seek per call, the statement prepared once. */
export function responseKeyLookup(sqlite: Database.Database): (dedupKey: string) => boolean {
  const exists = sqlite.prepare<[string], number>('SELECT 1 FROM responses WHERE dedup_key = ?').pluck()
  return (dedupKey) => exists.get(dedupKey) !== undefined
}

/** Whether a customer with this reference (or e-mail) is stored: for a check of a customers file (dry run). */
export function customerKnownLookup(sqlite: Database.Database): (c: { ref: string | null; email: string | null }) => boolean {
  const known = sqlite.prepare<{ ref: string | null; email: string | null }, number>(
    'SELECT count(*) FROM customers WHERE external_ref = @ref OR (@email IS NOT NULL AND email = @email)',
  ).pluck()
  return (c) => (known.get({ ref: c.ref, email: c.email }) ?? 0) > 0
}

/** Gives the stored row of an older version's key the new key, and this import with the zone flag (legacyRows.ts). */
export function legacyKeyAdopter(sqlite: Database.Database): (newKey: string, importId: number | null, readInZone: boolean, oldKey: string) => void {
  const adopt = sqlite.prepare('UPDATE responses SET dedup_key = ?, import_id = ?, read_in_zone = ? WHERE dedup_key = ?')
  return (newKey, importId, readInZone, oldKey) => {
    adopt.run(newKey, importId, readInZone ? 1 : 0, oldKey)
  }
}

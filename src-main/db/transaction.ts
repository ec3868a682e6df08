import type { Sqlite } from './sqlite'

/**
 * Runs `work` in one transaction: all of it is written or none. better-sqlite3's transactions are
 * synchronous, so the repositories' raw statements take part; a throw rolls back. `immediate` takes
 * the write lock at the start (a long rebuild must not fail half-way on a lock another writer took).
 */
export function inTransaction<T>(sqlite: Sqlite, work: () => T, mode: 'deferred' | 'immediate' = 'deferred'): T {
  const tx = sqlite.transaction(work)
  return mode === 'immediate' ? tx.immediate() : tx()
}

/** Runs `write` unless another connection holds the write lock: then false, without waiting (try again later). */
export function unlessBusy(sqlite: Sqlite, write: () => unknown): boolean {
  const timeout = sqlite.pragma('busy_timeout', { simple: true }) as number
  sqlite.pragma('busy_timeout = 0')
  try {
    write()
    return true
  } catch (e) {
    if (!String((e as { code?: string }).code).startsWith('SQLITE_BUSY')) throw e
    return false
  } finally {
    sqlite.pragma(`busy_timeout = ${timeout}`)
  }
}

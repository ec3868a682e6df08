import type Database from 'better-sqlite3'

type Mode = 'rows' | 'raw' | 'pluck'
const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>()

/**
 * A prepared statement, prepared once per connection and kept: the metrics queries run a few
 * dozen times per dashboard load, and preparing costs more than running most of them.
 */
export function statement(sqlite: Database.Database, sql: string, mode: Mode = 'rows'): Database.Statement {
  let cache = caches.get(sqlite)
  if (!cache) caches.set(sqlite, (cache = new Map()))
  const key = `${mode}\u0000${sql}`
  let stmt = cache.get(key)
  if (!stmt) {
    stmt = sqlite.prepare(sql)
    if (mode === 'raw') stmt.raw(true)
    else if (mode === 'pluck') stmt.pluck(true)
    cache.set(key, stmt)
  }
  return stmt
}

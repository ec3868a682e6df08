import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type Compilable } from 'kysely'
import type { DB } from './schema'
import type { Sqlite } from './sqlite'
import { statement } from './statements'

/**
 * Kysely builds and types the query; better-sqlite3 runs it at once. The services change data inside
 * better-sqlite3's synchronous transactions (an edit and its history, a rule re-applied over every
 * comment), where Kysely's asynchronous driver cannot take part — so the repositories that serve them
 * build with this connection-less Kysely and run the compiled SQL here. The schema in `schema.ts`
 * then checks their tables, columns and row types like every other query, and the one cast to the
 * row type lives below instead of in each repository.
 */
export const build = new Kysely<DB>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
})

export interface Changed {
  changes: number
  lastInsertRowid: number
}

/** Every row the query selects. */
export function rowsOf<R>(sqlite: Sqlite, query: Compilable<R>): R[] {
  const { sql, parameters } = query.compile()
  return statement(sqlite, sql).all(...parameters) as R[]
}

/** The first row the query selects, if any. */
export function firstOf<R>(sqlite: Sqlite, query: Compilable<R>): R | undefined {
  const { sql, parameters } = query.compile()
  return statement(sqlite, sql).get(...parameters) as R | undefined
}

/** Runs an insert, update or delete; how many rows it changed and the last inserted row id. */
export function runOf(sqlite: Sqlite, query: Compilable<unknown>): Changed {
  const { sql, parameters } = query.compile()
  const r = statement(sqlite, sql).run(...parameters)
  return { changes: r.changes, lastInsertRowid: Number(r.lastInsertRowid) }
}

import type Database from 'better-sqlite3'
import type { Kysely } from 'kysely'
import type { DB } from './schema'

/**
 * The raw connection and statement types, named here so engines and services can pass a connection
 * along without importing the driver (a lint zone keeps better-sqlite3 and kysely inside db/ and the
 * *Repository files).
 */
export type Sqlite = Database.Database
export type Statement = Database.Statement
/** The typed query builder over a workspace (Kysely by default; see the repositories). */
export type Queries = Kysely<DB>

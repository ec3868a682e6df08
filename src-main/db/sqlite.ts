import type Database from 'better-sqlite3'

/**
 * The raw connection and statement types, named here so engines and services can pass a connection
 * along without importing the driver (a lint zone keeps better-sqlite3 and kysely inside db/ and the
 * *Repository files).
 */
export type Sqlite = Database.Database
export type Statement = Database.Statement

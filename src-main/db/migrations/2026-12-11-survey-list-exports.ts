import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add a new one instead.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  // A survey list written to a file, by the token its export answered, so that "I sent it" records
  // exactly that list after a restart too (issue 16). The customers are kept as their ids only
  // (32-bit integers, little-endian, in the file's order), until the send is recorded; no name or
  // address of the file is stored. Kept 14 days, and the newest 20 (contactService.ts).
  await sql`
    CREATE TABLE survey_list_exports (
      token TEXT PRIMARY KEY,
      channel TEXT NOT NULL,
      filter TEXT NOT NULL,
      file_name TEXT NOT NULL,
      rows INTEGER NOT NULL,
      customer_ids BLOB,
      created_at INTEGER NOT NULL,
      send_id INTEGER
    ) STRICT`.execute(db)
  await sql`CREATE INDEX survey_list_exports_created ON survey_list_exports (created_at)`.execute(db)
}

import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add a new one instead.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  // Report templates: a name and the report's options as JSON (the ReportOptions contract type),
  // read back through the contract's schema so an older template still opens.
  await sql`
    CREATE TABLE report_templates (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      options TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT`.execute(db)
  await sql`CREATE UNIQUE INDEX report_templates_name ON report_templates (name COLLATE NOCASE)`.execute(db)
}

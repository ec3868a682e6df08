import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add a new one instead.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  // A send list imported from a file ("who we surveyed", issue 16): one row per import, so its
  // contacts are taken back together. Holds no personal data (the contacts do).
  await sql`
    CREATE TABLE contact_imports (
      id INTEGER PRIMARY KEY,
      file_name TEXT NOT NULL,
      rows_read INTEGER NOT NULL,
      recorded INTEGER NOT NULL,
      already INTEGER NOT NULL,
      rejected INTEGER NOT NULL,
      actor TEXT,
      created_at INTEGER NOT NULL,
      undone_at INTEGER
    ) STRICT`.execute(db)
  // The contact log gains a source (a send list imported from a file) and the import that made an
  // entry. SQLite cannot change a CHECK constraint, so the table is rebuilt with its rows and indexes
  // (nothing references it, so dropping the old table cascades nowhere).
  await sql`
    CREATE TABLE customer_contacts_new (
      id INTEGER PRIMARY KEY,
      customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('survey', 'call', 'message', 'followup')),
      purpose TEXT NOT NULL CHECK (purpose IN ('feedback', 'marketing')),
      channel TEXT,
      contacted_at INTEGER NOT NULL,
      note TEXT,
      source TEXT NOT NULL CHECK (source IN ('manual', 'survey_list', 'send_list')),
      send_id INTEGER REFERENCES contact_sends(id) ON DELETE CASCADE,
      import_id INTEGER REFERENCES contact_imports(id) ON DELETE CASCADE,
      actor TEXT,
      created_at INTEGER NOT NULL,
      deleted_at INTEGER
    ) STRICT`.execute(db)
  await sql`
    INSERT INTO customer_contacts_new (id, customer_id, kind, purpose, channel, contacted_at, note, source, send_id, import_id, actor, created_at, deleted_at)
    SELECT id, customer_id, kind, purpose, channel, contacted_at, note, source, send_id, NULL, actor, created_at, deleted_at FROM customer_contacts`.execute(db)
  await sql`DROP TABLE customer_contacts`.execute(db)
  await sql`ALTER TABLE customer_contacts_new RENAME TO customer_contacts`.execute(db)
  await sql`CREATE INDEX customer_contacts_customer ON customer_contacts (customer_id, contacted_at)`.execute(db)
  await sql`CREATE INDEX customer_contacts_send ON customer_contacts (send_id) WHERE send_id IS NOT NULL`.execute(db)
  await sql`CREATE INDEX customer_contacts_import ON customer_contacts (import_id) WHERE import_id IS NOT NULL`.execute(db)
  // Whether a send list's row is already in the log: survey contacts by time (all customers, a few days).
  await sql`CREATE INDEX customer_contacts_surveys ON customer_contacts (contacted_at) WHERE kind = 'survey' AND deleted_at IS NULL`.execute(db)
}

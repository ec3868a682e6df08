import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add a new one instead.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  // A survey list's send, confirmed by the user (issue 16): what was sent through which channel, so
  // its contacts can be taken back together. Holds no personal data (the contacts do).
  await sql`
    CREATE TABLE contact_sends (
      id INTEGER PRIMARY KEY,
      channel TEXT NOT NULL,
      filter TEXT NOT NULL,
      recorded INTEGER NOT NULL,
      actor TEXT,
      created_at INTEGER NOT NULL,
      undone_at INTEGER
    ) STRICT`.execute(db)
  // The contact log: every time the business reached a customer (surveys sent, calls, messages,
  // follow-ups), by channel and date, for what purpose. Keyed by customer so erasure deletes them.
  // A deleted entry keeps its row (deleted_at) until undo is no longer offered.
  await sql`
    CREATE TABLE customer_contacts (
      id INTEGER PRIMARY KEY,
      customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('survey', 'call', 'message', 'followup')),
      purpose TEXT NOT NULL CHECK (purpose IN ('feedback', 'marketing')),
      channel TEXT,
      contacted_at INTEGER NOT NULL,
      note TEXT,
      source TEXT NOT NULL CHECK (source IN ('manual', 'survey_list')),
      send_id INTEGER REFERENCES contact_sends(id) ON DELETE CASCADE,
      actor TEXT,
      created_at INTEGER NOT NULL,
      deleted_at INTEGER
    ) STRICT`.execute(db)
  await sql`CREATE INDEX customer_contacts_customer ON customer_contacts (customer_id, contacted_at)`.execute(db)
  await sql`CREATE INDEX customer_contacts_send ON customer_contacts (send_id) WHERE send_id IS NOT NULL`.execute(db)
  // Consent per customer and purpose: given or withdrawn, when, and where it came from. No row:
  // unknown (allowed for feedback surveys unless the workspace is strict, never for marketing).
  await sql`
    CREATE TABLE customer_consents (
      customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      purpose TEXT NOT NULL CHECK (purpose IN ('feedback', 'marketing')),
      state TEXT NOT NULL CHECK (state IN ('given', 'withdrawn')),
      at INTEGER NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('manual', 'crm', 'kiosk')),
      given_at INTEGER,
      withdrawn_at INTEGER,
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (customer_id, purpose)
    ) STRICT`.execute(db)
  // The kiosk's consented contact details, found by e-mail: a customer with that e-mail gave consent
  // for feedback there, and answered a survey on that day.
  await sql`CREATE INDEX survey_answers_consented_email ON survey_answers (contact_email, received_at) WHERE consent = 1 AND contact_email IS NOT NULL`.execute(db)
}

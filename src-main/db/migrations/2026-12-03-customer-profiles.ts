import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add a new one instead.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  // A customer's responses in time order, with what the profile, the list's "last score" and the
  // risk rules read (band, score, question, follow-up state): one index seek per customer, no table
  // reads. It replaces the customer_id-only index, which is its prefix.
  await sql`CREATE INDEX responses_customer_time ON responses (customer_id, submitted_at, band, score, question_id, status, resolved_at)`.execute(db)
  await sql`DROP INDEX responses_customer`.execute(db)
  // The Customers page lists by name (then id), a keyset page at a time.
  await sql`CREATE INDEX customers_sort ON customers (ifnull(name, ''), id)`.execute(db)
  // Notes about a customer (not about one response).
  await sql`
    CREATE TABLE customer_notes (
      id INTEGER PRIMARY KEY,
      customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      author TEXT,
      body TEXT NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT`.execute(db)
  await sql`CREATE INDEX customer_notes_customer ON customer_notes (customer_id, created_at)`.execute(db)
  // A merge of two customers, with what undoing it needs: the merged customer's row as it was, the
  // kept one's as it was, and the responses and notes that moved.
  await sql`
    CREATE TABLE customer_merges (
      id INTEGER PRIMARY KEY,
      kept_id INTEGER NOT NULL,
      merged_id INTEGER NOT NULL,
      merged_row TEXT NOT NULL,
      kept_row TEXT NOT NULL,
      moved_responses TEXT NOT NULL,
      moved_notes TEXT NOT NULL,
      actor TEXT,
      created_at INTEGER NOT NULL,
      undone_at INTEGER
    ) STRICT`.execute(db)
  // Win-back: an action taken for a customer at risk, to see later whether they stayed.
  await sql`
    CREATE TABLE customer_actions (
      id INTEGER PRIMARY KEY,
      customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('winback')),
      body TEXT NOT NULL,
      actor TEXT,
      created_at INTEGER NOT NULL
    ) STRICT`.execute(db)
  await sql`CREATE INDEX customer_actions_customer ON customer_actions (customer_id, created_at)`.execute(db)
}

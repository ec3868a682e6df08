import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add a new one instead.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  // The rectification log (issue 17): every change made to a customer's details by hand — which
  // field, its value before and after, when, who and (optionally) why. Shown on the profile and
  // part of the person's data export. It goes with the customer (ON DELETE CASCADE).
  await sql`
    CREATE TABLE customer_rectifications (
      id INTEGER PRIMARY KEY,
      customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      field TEXT NOT NULL,
      old_value TEXT,
      new_value TEXT,
      reason TEXT,
      actor TEXT,
      changed_at INTEGER NOT NULL
    ) STRICT`.execute(db)
  await sql`CREATE INDEX customer_rectifications_customer ON customer_rectifications (customer_id, changed_at)`.execute(db)
}

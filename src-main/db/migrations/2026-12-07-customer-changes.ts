import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add a new one instead.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  // Which customers changed, and in what order: one row per customer, its `seq` raised past every
  // other on each write that touches what the risk or the duplicates read (the customer's facts, or
  // a response of theirs). A reader remembers the highest seq it has seen and re-reads only the
  // customers above it (customers/customerChangesRepository.ts). One row per customer keeps the
  // table as small as the customers table: nothing to prune. Customer 0 means "everyone" (a
  // question's scale or direction changed, which moves every score placed on 0–1).
  await sql`CREATE TABLE customer_changes (customer_id INTEGER PRIMARY KEY, seq INTEGER NOT NULL)`.execute(db)
  await sql`CREATE INDEX customer_changes_seq ON customer_changes (seq)`.execute(db)
  const mark = (who: string) =>
    `INSERT INTO customer_changes (customer_id, seq) VALUES (${who}, (SELECT ifnull(max(seq), 0) + 1 FROM customer_changes))
       ON CONFLICT (customer_id) DO UPDATE SET seq = excluded.seq;`
  await sql.raw(`CREATE TRIGGER customer_changes_response_insert AFTER INSERT ON responses WHEN NEW.customer_id IS NOT NULL BEGIN ${mark('NEW.customer_id')} END`).execute(db)
  await sql
    .raw(
      `CREATE TRIGGER customer_changes_response_update AFTER UPDATE OF customer_id, submitted_at, band, score, question_id, status, resolved_at, status_changed_at ON responses
       WHEN OLD.customer_id IS NOT NULL OR NEW.customer_id IS NOT NULL BEGIN
         ${mark('ifnull(NEW.customer_id, OLD.customer_id)')}
         INSERT INTO customer_changes (customer_id, seq) SELECT OLD.customer_id, (SELECT ifnull(max(seq), 0) + 1 FROM customer_changes)
           WHERE OLD.customer_id IS NOT NULL AND NEW.customer_id IS NOT OLD.customer_id
           ON CONFLICT (customer_id) DO UPDATE SET seq = excluded.seq;
       END`,
    )
    .execute(db)
  await sql.raw(`CREATE TRIGGER customer_changes_response_delete AFTER DELETE ON responses WHEN OLD.customer_id IS NOT NULL BEGIN ${mark('OLD.customer_id')} END`).execute(db)
  await sql.raw(`CREATE TRIGGER customer_changes_customer_insert AFTER INSERT ON customers BEGIN ${mark('NEW.id')} END`).execute(db)
  await sql
    .raw(
      `CREATE TRIGGER customer_changes_customer_update AFTER UPDATE OF id, name, email, phone, customer_since, churned_at ON customers BEGIN
         ${mark('NEW.id')}
         INSERT INTO customer_changes (customer_id, seq) SELECT OLD.id, (SELECT ifnull(max(seq), 0) + 1 FROM customer_changes)
           WHERE NEW.id IS NOT OLD.id ON CONFLICT (customer_id) DO UPDATE SET seq = excluded.seq;
       END`,
    )
    .execute(db)
  await sql.raw(`CREATE TRIGGER customer_changes_customer_delete AFTER DELETE ON customers BEGIN ${mark('OLD.id')} END`).execute(db)
  await sql.raw(`CREATE TRIGGER customer_changes_question_update AFTER UPDATE OF scale_min, scale_max, direction, metric ON questions BEGIN ${mark('0')} END`).execute(db)

  // Filtered pages of the Customers list, read in the list's order (name, then id) within one
  // segment or one location instead of walking the whole name index and skipping the others.
  await sql`CREATE INDEX customers_segment_sort ON customers (segment, ifnull(name, ''), id)`.execute(db)
  await sql`CREATE INDEX customers_location_sort ON customers (location, ifnull(name, ''), id)`.execute(db)
}

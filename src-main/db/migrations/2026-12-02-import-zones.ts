import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add a new one instead.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  // Each import records the zone its zone-less times were read in and the mapping it used, so its
  // rows can be re-read in another zone later. NULL: imported before this was recorded.
  await sql`ALTER TABLE imports ADD COLUMN timezone TEXT`.execute(db)
  await sql`ALTER TABLE imports ADD COLUMN mapping TEXT`.execute(db)
  // Per response: 1 when its time was written without a zone and read in its import's zone (a
  // re-read moves it), 0 when the file stated the offset or UTC (never moves), NULL when not known
  // (imported before this column, entered by hand, or demo data).
  await sql`ALTER TABLE responses ADD COLUMN read_in_zone INTEGER CHECK (read_in_zone IN (0, 1))`.execute(db)
  // Responses link to the customer with the same phone (normalised); the lookup needs an index.
  await sql`CREATE INDEX customers_phone ON customers (phone) WHERE phone IS NOT NULL`.execute(db)
  // No index on import_id: a re-read is rare and scans once, while an index would cost every import row.
}

import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add a new one instead.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  // The survey list reads every response of the last ~91 days with its customer (issue 16: 125,000
  // of them at a million responses). By local_date it found them through responses_question_date and
  // looked each row up in the table; with customer_id at the end of responses_newest (already ordered
  // by time, with local_date) it reads a range of this index alone. Widened rather than a new index:
  // no extra B-tree for every import to write, the same columns first, so the inbox keeps its plans.
  await sql`DROP INDEX responses_newest`.execute(db)
  await sql`CREATE INDEX responses_newest ON responses (submitted_at DESC, id DESC, local_date, band, status, question_id, sentiment, customer_id)`.execute(db)
}

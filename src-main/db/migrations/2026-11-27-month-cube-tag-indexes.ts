import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add a new one instead.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  // The month cube's filter indexes gain tag_id before period. Most of the cube's rows are the tags'
  // (a tagged response counts once per tag, in sparser cells): at a million responses, 60% of one
  // location's year. Reads without a tag now seek tag_id = 0 and walk only the responses' own rows;
  // the themes' rows are read apart, and only by what asks for them (drivers, a tag filter).
  for (const dim of ['location', 'channel', 'touchpoint', 'segment']) {
    await sql.raw(`DROP INDEX rollup_month_${dim}`).execute(db)
    await sql.raw(`CREATE INDEX rollup_month_${dim} ON rollup_month (fact, question_id, ${dim}, tag_id, period, n)`).execute(db)
  }
  // Statistics for the new indexes, from the whole cube (a sampled ANALYZE sees only its first
  // rows): without them SQLite may walk the least selective dimension's index.
  const { rows } = await sql<{ analysis_limit: number }>`PRAGMA analysis_limit`.execute(db)
  await sql`PRAGMA analysis_limit = 0`.execute(db)
  await sql`ANALYZE rollup_month`.execute(db)
  await sql.raw(`PRAGMA analysis_limit = ${Number(rows[0]?.analysis_limit ?? 0)}`).execute(db)
}

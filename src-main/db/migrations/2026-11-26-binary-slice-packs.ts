import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add a new one instead.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  // The packs become binary: each (group, value, band, n) as four big-endian 32-bit integers, 16
  // bytes. Reading a JSON array back was the largest single cost of a chart of weeks by touchpoint
  // (~0.3 ms of ~1.7 at a million responses); bytes are read in place. Every value a slice holds is
  // a whole number (scores, hours to resolution, band −1…2, counts).
  await sql`DROP TABLE rollup_slice_packs`.execute(db)
  await sql`
    CREATE TABLE rollup_slice_packs (
      grain INTEGER NOT NULL, dim INTEGER NOT NULL, fact INTEGER NOT NULL, question_id INTEGER NOT NULL, period INTEGER NOT NULL,
      cells BLOB NOT NULL,
      PRIMARY KEY (grain, dim, fact, question_id, period)
    ) STRICT, WITHOUT ROWID`.execute(db)
  await sql`
    INSERT INTO rollup_slice_packs
    SELECT grain, dim, fact, question_id, period,
      unhex(group_concat(printf('%08x%08x%08x%08x', grp & 4294967295, value & 4294967295, band & 4294967295, n & 4294967295), ''))
    FROM rollup_slices GROUP BY grain, dim, fact, question_id, period`.execute(db)
}

import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add a new one instead.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  // The slices as the charts read them: one row per (grain, dimension, fact, question, period)
  // holding every (group, value, band, n) of it as a flat JSON array. A chart of weeks by touchpoint
  // reads 53 of these instead of ~4,000 slice rows, and turning rows into JavaScript is what costs.
  // rollup_slices stays what folds add to; the packs of the periods a fold touched are rewritten
  // from it in the same transaction.
  await sql`
    CREATE TABLE rollup_slice_packs (
      grain INTEGER NOT NULL, dim INTEGER NOT NULL, fact INTEGER NOT NULL, question_id INTEGER NOT NULL, period INTEGER NOT NULL,
      cells TEXT NOT NULL,
      PRIMARY KEY (grain, dim, fact, question_id, period)
    ) STRICT, WITHOUT ROWID`.execute(db)
  await sql`
    INSERT INTO rollup_slice_packs
    SELECT grain, dim, fact, question_id, period, '[' || group_concat(grp || ',' || value || ',' || band || ',' || n, ',') || ']'
    FROM rollup_slices GROUP BY grain, dim, fact, question_id, period`.execute(db)
}

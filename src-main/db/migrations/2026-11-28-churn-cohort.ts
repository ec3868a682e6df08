import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add a new one instead.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  // Churn counts the customers of the cohort at a period's start (METRICS.md): a customer who leaves
  // must be told from one who joined inside the period. A leaving (fact 3) now carries the customer's
  // join date in the journal, and the day cube keeps the local join day as its value; the month cube
  // and the slices still keep only how many left (value 0). Facts: 2 joined, 3 left.
  await sql`ALTER TABLE rollup_journal ADD COLUMN joined_stamp TEXT`.execute(db)

  const columns = 'fact, question_id, local_date, score, band, status, submitted_at, resolved_at, stamp, tag_id, channel, touchpoint, stage, location, language, segment, delta, joined_stamp'
  const lifecycle = (c: string, delta: string) => `
    INSERT INTO rollup_journal (${columns})
    SELECT f.fact, 0, NULL, NULL, NULL, NULL, NULL, NULL, f.stamp, 0, NULL, NULL, NULL, ${c}.location, NULL, ${c}.segment, ${delta}, ${c}.customer_since
    FROM (SELECT 2 AS fact, ${c}.customer_since AS stamp UNION ALL SELECT 3, ${c}.churned_at) AS f
    WHERE ${c}.customer_since IS NOT NULL AND (${c}.churned_at IS NULL OR ${c}.churned_at >= ${c}.customer_since) AND f.stamp IS NOT NULL;`

  // The customer triggers of 2026-11-23-metrics-rollups, writing the join date beside each fact.
  // The delete trigger also moves the customer's responses to "no segment", exactly as before.
  const followUp = (r: string) => `(${r}.band = -1 OR ${r}.status IN ('in_progress', 'resolved'))`
  const responseFacts = (r: string, fact: 0 | 1, tag: string, segment: string, delta: string) =>
    `${fact}, coalesce(${r}.question_id, 0), ${r}.local_date, ${fact === 0 ? `${r}.score` : 'NULL'}, ${r}.band,
     ${fact === 1 ? `${r}.status, ${r}.submitted_at, ${r}.resolved_at` : 'NULL, NULL, NULL'}, NULL, ${tag},
     ${r}.channel, ${r}.touchpoint, ${r}.stage, ${r}.location, ${r}.language, ${segment}, ${delta}, NULL`
  const factWhere = (r: string, fact: 0 | 1) => (fact === 0 ? `${r}.score IS NOT NULL` : followUp(r))
  const factGroup = (r: string, fact: 0 | 1) =>
    `${r}.question_id, ${r}.local_date, ${fact === 0 ? `${r}.score` : `${r}.status, ${r}.submitted_at, ${r}.resolved_at`}, ${r}.band, ${r}.channel, ${r}.touchpoint, ${r}.stage, ${r}.location, ${r}.language`
  const moveSegment = (customer: string, from: string, to: string) =>
    ([0, 1] as const)
      .flatMap((fact) =>
        [
          ['0', 'responses r'],
          ['rt.tag_id', 'responses r JOIN response_tags rt ON rt.response_id = r.id'],
        ].flatMap(([tag, source]) =>
          [
            [from, '-count(*)'],
            [to, 'count(*)'],
          ].map(
            ([segment, delta]) => `
            INSERT INTO rollup_journal (${columns})
            SELECT ${responseFacts('r', fact, tag, segment, delta)} FROM ${source} WHERE r.customer_id = ${customer} AND ${factWhere('r', fact)}
            GROUP BY ${tag === '0' ? '' : `${tag}, `}${factGroup('r', fact)};`,
          ),
        ),
      )
      .join('\n')

  for (const name of ['rollup_customer_insert', 'rollup_customer_lifecycle', 'rollup_customer_delete']) await sql.raw(`DROP TRIGGER IF EXISTS ${name}`).execute(db)
  await sql.raw(`CREATE TRIGGER rollup_customer_insert AFTER INSERT ON customers BEGIN ${lifecycle('new', '1')} END`).execute(db)
  await sql
    .raw(
      `CREATE TRIGGER rollup_customer_lifecycle AFTER UPDATE OF customer_since, churned_at, segment, location ON customers
      WHEN old.customer_since IS NOT new.customer_since OR old.churned_at IS NOT new.churned_at OR old.segment IS NOT new.segment OR old.location IS NOT new.location BEGIN
        ${lifecycle('old', '-1')}
        ${lifecycle('new', '1')}
      END`,
    )
    .execute(db)
  await sql
    .raw(
      `CREATE TRIGGER rollup_customer_delete BEFORE DELETE ON customers BEGIN
        ${lifecycle('old', '-1')}
        ${moveSegment('old.id', 'old.segment', 'NULL')}
      END`,
    )
    .execute(db)

  // Every leaving counted so far enters again through the journal, now with its join date: the
  // summaries' leavings are dropped (packs included; the next fold rewrites the periods it touches)
  // and so are leavings still waiting in the journal, which the customers as they are now replace.
  for (const table of ['rollup_journal', 'rollup_day', 'rollup_month', 'rollup_slices', 'rollup_slice_packs']) await sql.raw(`DELETE FROM ${table} WHERE fact = 3`).execute(db)
  await sql
    .raw(
      `INSERT INTO rollup_journal (${columns})
      SELECT 3, 0, NULL, NULL, NULL, NULL, NULL, NULL, churned_at, 0, NULL, NULL, NULL, location, NULL, segment, count(*), customer_since FROM customers
      WHERE customer_since IS NOT NULL AND churned_at IS NOT NULL AND churned_at >= customer_since
      GROUP BY churned_at, customer_since, location, segment`,
    )
    .execute(db)
}

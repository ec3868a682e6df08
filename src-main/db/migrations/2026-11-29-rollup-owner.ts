import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add a new one instead.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  // The owner of a response (who followed it up) becomes a dimension of the summaries, like the
  // channel or the segment: the Scores page breaks scores and time to resolution down by it, and an
  // owner filter no longer falls back to reading the responses. The cubes gain an owner column in
  // their key (a key cannot be altered: the tables are made again), the journal an owner column,
  // and every rollup trigger writes it; an owner change moves the response's facts. The summaries
  // are then refilled through the journal from the responses and customers, as the migration that
  // made them did (the next read folds it: in a worker, with progress, when it is large).
  const dims = ['channel', 'touchpoint', 'stage', 'location', 'language', 'segment', 'owner']
  await sql`ALTER TABLE rollup_journal ADD COLUMN owner TEXT`.execute(db)
  for (const table of ['rollup_day', 'rollup_month']) {
    await sql.raw(`DROP TABLE ${table}`).execute(db)
    await sql
      .raw(
        `CREATE TABLE ${table} (
          fact INTEGER NOT NULL, question_id INTEGER NOT NULL, period INTEGER NOT NULL, tag_id INTEGER NOT NULL,
          ${dims.map((d) => `${d} INTEGER NOT NULL`).join(', ')},
          value INTEGER NOT NULL, band INTEGER NOT NULL, n INTEGER NOT NULL,
          PRIMARY KEY (fact, question_id, period, tag_id, ${dims.join(', ')}, value, band)
        ) STRICT, WITHOUT ROWID`,
      )
      .execute(db)
  }
  // The month cube's filter indexes as 2026-11-27-month-cube-tag-indexes made them.
  for (const dim of ['location', 'channel', 'touchpoint', 'segment']) {
    await sql.raw(`CREATE INDEX rollup_month_${dim} ON rollup_month (fact, question_id, ${dim}, tag_id, period, n)`).execute(db)
  }
  // The customers who left, by filter and period, with the day each joined (value): churn's cohort
  // with a segment and a location filtered, which no slice holds (metrics/lifecycle.ts). Only the
  // leavings are in it.
  await sql`CREATE INDEX rollup_day_leavings ON rollup_day (location, segment, period, value, n) WHERE fact = 3 AND question_id = 0 AND tag_id = 0`.execute(db)
  for (const table of ['rollup_slices', 'rollup_slice_packs', 'rollup_journal']) await sql.raw(`DELETE FROM ${table}`).execute(db)

  const columns = `fact, question_id, local_date, score, band, status, submitted_at, resolved_at, stamp, tag_id, ${dims.join(', ')}, delta, joined_stamp`
  const followUp = (r: string) => `(${r}.band = -1 OR ${r}.status IN ('in_progress', 'resolved'))`
  // One response's facts (its score, its follow-up) with the given tag, from the row `r`.
  const responseFacts = (r: string, fact: 0 | 1, tag: string, segment: string, delta: string) =>
    `${fact}, coalesce(${r}.question_id, 0), ${r}.local_date, ${fact === 0 ? `${r}.score` : 'NULL'}, ${r}.band,
     ${fact === 1 ? `${r}.status, ${r}.submitted_at, ${r}.resolved_at` : 'NULL, NULL, NULL'}, NULL, ${tag},
     ${r}.channel, ${r}.touchpoint, ${r}.stage, ${r}.location, ${r}.language, ${segment}, ${r}.owner, ${delta}, NULL`
  const factWhere = (r: string, fact: 0 | 1) => (fact === 0 ? `${r}.score IS NOT NULL` : followUp(r))
  const factGroup = (r: string, fact: 0 | 1) =>
    `${r}.question_id, ${r}.local_date, ${fact === 0 ? `${r}.score` : `${r}.status, ${r}.submitted_at, ${r}.resolved_at`}, ${r}.band, ${r}.channel, ${r}.touchpoint, ${r}.stage, ${r}.location, ${r}.language, ${r}.owner`
  const ofResponse = (row: 'old' | 'new', fact: 0 | 1, delta: string) => `
    INSERT INTO rollup_journal (${columns})
    SELECT ${responseFacts(row, fact, 't.tag_id', `(SELECT segment FROM customers WHERE id = ${row}.customer_id)`, delta)}
    FROM (SELECT 0 AS tag_id UNION ALL SELECT tag_id FROM response_tags WHERE response_id = ${row}.id) AS t
    WHERE ${factWhere(row, fact)};`
  const ofTag = (row: 'old' | 'new', delta: string) =>
    ([0, 1] as const)
      .map(
        (fact) => `
        INSERT INTO rollup_journal (${columns})
        SELECT ${responseFacts('r', fact, `${row}.tag_id`, 'c.segment', delta)}
        FROM responses r LEFT JOIN customers c ON c.id = r.customer_id
        WHERE r.id = ${row}.response_id AND ${factWhere('r', fact)};`,
      )
      .join('\n')
  // A customer's segment is a dimension of all their responses: moving segments moves their counts.
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
  // The customer's own facts, each with the join date (2026-11-28-churn-cohort).
  const lifecycle = (c: string, delta: string) => `
    INSERT INTO rollup_journal (${columns})
    SELECT f.fact, 0, NULL, NULL, NULL, NULL, NULL, NULL, f.stamp, 0, NULL, NULL, NULL, ${c}.location, NULL, ${c}.segment, NULL, ${delta}, ${c}.customer_since
    FROM (SELECT 2 AS fact, ${c}.customer_since AS stamp UNION ALL SELECT 3, ${c}.churned_at) AS f
    WHERE ${c}.customer_since IS NOT NULL AND (${c}.churned_at IS NULL OR ${c}.churned_at >= ${c}.customer_since) AND f.stamp IS NOT NULL;`

  const { rows: triggers } = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'rollup_*'`.execute(db)
  for (const { name } of triggers) await sql.raw(`DROP TRIGGER "${name}"`).execute(db)
  const trigger = (text: string) => sql.raw(text).execute(db)
  await trigger(`CREATE TRIGGER rollup_response_insert AFTER INSERT ON responses WHEN new.score IS NOT NULL OR ${followUp('new')} BEGIN
      ${([0, 1] as const).map((fact) => `INSERT INTO rollup_journal (${columns}) SELECT ${responseFacts('new', fact, '0', '(SELECT segment FROM customers WHERE id = new.customer_id)', '1')} WHERE ${factWhere('new', fact)};`).join('\n')}
    END`)
  // Separate update triggers, so a follow-up status change (the inbox's everyday edit) does not touch the score facts.
  const moved = ['local_date', 'channel', 'touchpoint', 'stage', 'location', 'language', 'customer_id', 'question_id', 'owner']
  const updateTrigger = (name: string, fact: 0 | 1, cols: string[]) =>
    trigger(`CREATE TRIGGER ${name} AFTER UPDATE OF ${cols.join(', ')} ON responses WHEN ${cols.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ')} BEGIN
        ${ofResponse('old', fact, '-1')}
        ${ofResponse('new', fact, '1')}
      END`)
  await updateTrigger('rollup_response_update_score', 0, ['score', 'band', ...moved])
  await updateTrigger('rollup_response_update_followup', 1, ['band', 'status', 'submitted_at', 'resolved_at', ...moved])
  await trigger(`CREATE TRIGGER rollup_response_delete BEFORE DELETE ON responses BEGIN ${ofResponse('old', 0, '-1')} ${ofResponse('old', 1, '-1')} END`)
  await trigger(`CREATE TRIGGER rollup_tag_insert AFTER INSERT ON response_tags BEGIN ${ofTag('new', '1')} END`)
  await trigger(`CREATE TRIGGER rollup_tag_delete AFTER DELETE ON response_tags BEGIN ${ofTag('old', '-1')} END`)
  await trigger(`CREATE TRIGGER rollup_tag_update AFTER UPDATE OF response_id, tag_id ON response_tags
    WHEN old.response_id IS NOT new.response_id OR old.tag_id IS NOT new.tag_id BEGIN ${ofTag('old', '-1')} ${ofTag('new', '1')} END`)
  await trigger(`CREATE TRIGGER rollup_customer_segment AFTER UPDATE OF segment ON customers WHEN old.segment IS NOT new.segment BEGIN
      ${moveSegment('new.id', 'old.segment', 'new.segment')}
    END`)
  await trigger(`CREATE TRIGGER rollup_customer_insert AFTER INSERT ON customers BEGIN ${lifecycle('new', '1')} END`)
  await trigger(`CREATE TRIGGER rollup_customer_lifecycle AFTER UPDATE OF customer_since, churned_at, segment, location ON customers
    WHEN old.customer_since IS NOT new.customer_since OR old.churned_at IS NOT new.churned_at OR old.segment IS NOT new.segment OR old.location IS NOT new.location BEGIN
      ${lifecycle('old', '-1')}
      ${lifecycle('new', '1')}
    END`)
  // Deleting a customer sets their responses' customer_id to NULL (that update nets to zero in the
  // response triggers, since the customer is already gone); their counts move to "no segment" here.
  await trigger(`CREATE TRIGGER rollup_customer_delete BEFORE DELETE ON customers BEGIN
      ${lifecycle('old', '-1')}
      ${moveSegment('old.id', 'old.segment', 'NULL')}
    END`)

  // Everything the workspace holds enters through the journal again, now with owners.
  for (const fact of [0, 1] as const) {
    for (const [tag, source] of [
      ['0', 'responses r'],
      ['rt.tag_id', 'responses r JOIN response_tags rt ON rt.response_id = r.id'],
    ]) {
      await sql
        .raw(
          `INSERT INTO rollup_journal (${columns})
          SELECT ${responseFacts('r', fact, tag, 'c.segment', 'count(*)')} FROM ${source} LEFT JOIN customers c ON c.id = r.customer_id
          WHERE ${factWhere('r', fact)}
          GROUP BY ${tag === '0' ? '' : `${tag}, `}${factGroup('r', fact)}, c.segment`,
        )
        .execute(db)
    }
  }
  for (const [fact, stamp] of [
    [2, 'customer_since'],
    [3, 'churned_at'],
  ]) {
    await sql
      .raw(
        `INSERT INTO rollup_journal (${columns})
        SELECT ${fact}, 0, NULL, NULL, NULL, NULL, NULL, NULL, ${stamp}, 0, NULL, NULL, NULL, location, NULL, segment, NULL, count(*), customer_since FROM customers
        WHERE customer_since IS NOT NULL AND (churned_at IS NULL OR churned_at >= customer_since) AND ${stamp} IS NOT NULL
        GROUP BY ${stamp}, customer_since, location, segment`,
      )
      .execute(db)
  }
}

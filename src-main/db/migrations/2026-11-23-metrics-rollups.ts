import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add a new one instead.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  // Every change to a fact the dashboard counts, as signed counts, written by the triggers below
  // inside the writer's own transaction. Facts: 0 a scored answer, 1 a feedback item that needed a
  // follow-up, 2 a customer joining, 3 a customer leaving. The metrics engine folds the journal
  // into the summaries; every query reads summaries + journal, so a figure always equals the raw
  // rows of the snapshot it reads. tag_id 0 is the response itself; a response with tags also has
  // one row per tag. Values the app derives (hours to resolution, a lifecycle date in the
  // workspace's zone) are stored raw here and derived when folded.
  await sql`
    CREATE TABLE rollup_journal (
      id INTEGER PRIMARY KEY,
      fact INTEGER NOT NULL,
      question_id INTEGER NOT NULL,
      local_date TEXT,
      score INTEGER,
      band INTEGER,
      status TEXT, submitted_at INTEGER, resolved_at INTEGER,
      stamp TEXT,
      tag_id INTEGER NOT NULL,
      channel TEXT, touchpoint TEXT, stage TEXT, location TEXT, language TEXT, segment TEXT,
      delta INTEGER NOT NULL
    ) STRICT`.execute(db)

  // Dimension values as small integers in the summaries (0 stands for "none").
  await sql`CREATE TABLE rollup_values (id INTEGER PRIMARY KEY, value TEXT NOT NULL UNIQUE) STRICT`.execute(db)

  // Counts per value per period with every dimension ("cubes"), per local day and per month.
  // period = days since 1970-01-01 of the period's first day; value = the score, or the whole hours
  // to resolution (−1 still open, −2 closed without action); band 2 stands for a missing band.
  for (const table of ['rollup_day', 'rollup_month']) {
    await sql
      .raw(
        `CREATE TABLE ${table} (
          fact INTEGER NOT NULL, question_id INTEGER NOT NULL, period INTEGER NOT NULL, tag_id INTEGER NOT NULL,
          channel INTEGER NOT NULL, touchpoint INTEGER NOT NULL, stage INTEGER NOT NULL,
          location INTEGER NOT NULL, language INTEGER NOT NULL, segment INTEGER NOT NULL,
          value INTEGER NOT NULL, band INTEGER NOT NULL, n INTEGER NOT NULL,
          PRIMARY KEY (fact, question_id, period, tag_id, channel, touchpoint, stage, location, language, segment, value, band)
        ) STRICT, WITHOUT ROWID`,
      )
      .execute(db)
  }
  // Filtered charts read the month cube; these let a filter on a location, channel, touchpoint or
  // segment read only its own rows. They hold n, so they answer without touching the table.
  for (const dim of ['location', 'channel', 'touchpoint', 'segment']) {
    await sql.raw(`CREATE INDEX rollup_month_${dim} ON rollup_month (fact, question_id, ${dim}, period, n)`).execute(db)
  }
  // Counts per value per week or month for one dimension at a time (dim 0 = none): what an
  // unfiltered chart broken down by one dimension reads, a few thousand rows for years of data.
  await sql`
    CREATE TABLE rollup_slices (
      grain INTEGER NOT NULL, dim INTEGER NOT NULL, fact INTEGER NOT NULL, question_id INTEGER NOT NULL, period INTEGER NOT NULL,
      grp INTEGER NOT NULL, value INTEGER NOT NULL, band INTEGER NOT NULL, n INTEGER NOT NULL,
      PRIMARY KEY (grain, dim, fact, question_id, period, grp, value, band)
    ) STRICT, WITHOUT ROWID`.execute(db)

  const columns = 'fact, question_id, local_date, score, band, status, submitted_at, resolved_at, stamp, tag_id, channel, touchpoint, stage, location, language, segment, delta'
  const followUp = (r: string) => `(${r}.band = -1 OR ${r}.status IN ('in_progress', 'resolved'))`
  // One response's facts (its score, its follow-up) with the given tags, from the row `r`.
  const responseFacts = (r: string, fact: 0 | 1, tag: string, segment: string, delta: string) =>
    `${fact}, coalesce(${r}.question_id, 0), ${r}.local_date, ${fact === 0 ? `${r}.score` : 'NULL'}, ${r}.band,
     ${fact === 1 ? `${r}.status, ${r}.submitted_at, ${r}.resolved_at` : 'NULL, NULL, NULL'}, NULL, ${tag},
     ${r}.channel, ${r}.touchpoint, ${r}.stage, ${r}.location, ${r}.language, ${segment}, ${delta}`
  const factWhere = (r: string, fact: 0 | 1) => (fact === 0 ? `${r}.score IS NOT NULL` : followUp(r))
  // What one fact's journal row holds of a response, to sum many responses into one row.
  const factGroup = (r: string, fact: 0 | 1) =>
    `${r}.question_id, ${r}.local_date, ${fact === 0 ? `${r}.score` : `${r}.status, ${r}.submitted_at, ${r}.resolved_at`}, ${r}.band, ${r}.channel, ${r}.touchpoint, ${r}.stage, ${r}.location, ${r}.language`
  const ofResponse = (row: 'old' | 'new', fact: 0 | 1, delta: string) => `
    INSERT INTO rollup_journal (${columns})
    SELECT ${responseFacts(row, fact, 't.tag_id', `(SELECT segment FROM customers WHERE id = ${row}.customer_id)`, delta)}
    FROM (SELECT 0 AS tag_id UNION ALL SELECT tag_id FROM response_tags WHERE response_id = ${row}.id) AS t
    WHERE ${factWhere(row, fact)};`

  await sql
    .raw(
      `CREATE TRIGGER rollup_response_insert AFTER INSERT ON responses WHEN new.score IS NOT NULL OR ${followUp('new')} BEGIN
        ${[0, 1]
          .map(
            (fact) => `INSERT INTO rollup_journal (${columns})
            SELECT ${responseFacts('new', fact as 0 | 1, '0', '(SELECT segment FROM customers WHERE id = new.customer_id)', '1')} WHERE ${factWhere('new', fact as 0 | 1)};`,
          )
          .join('\n')}
      END`,
    )
    .execute(db)
  // Separate update triggers, so a follow-up status change (the inbox's everyday edit) does not touch the score facts.
  const dims = ['local_date', 'channel', 'touchpoint', 'stage', 'location', 'language', 'customer_id', 'question_id']
  const updateTrigger = (name: string, fact: 0 | 1, cols: string[]) =>
    sql
      .raw(
        `CREATE TRIGGER ${name} AFTER UPDATE OF ${cols.join(', ')} ON responses WHEN ${cols.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ')} BEGIN
          ${ofResponse('old', fact, '-1')}
          ${ofResponse('new', fact, '1')}
        END`,
      )
      .execute(db)
  await updateTrigger('rollup_response_update_score', 0, ['score', 'band', ...dims])
  await updateTrigger('rollup_response_update_followup', 1, ['band', 'status', 'submitted_at', 'resolved_at', ...dims])
  // BEFORE: the response's tags are still there (the cascade removes them after the row is gone,
  // and the tag trigger then finds no response, so nothing is counted twice).
  await sql
    .raw(`CREATE TRIGGER rollup_response_delete BEFORE DELETE ON responses BEGIN ${ofResponse('old', 0, '-1')} ${ofResponse('old', 1, '-1')} END`)
    .execute(db)

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
  await sql.raw(`CREATE TRIGGER rollup_tag_insert AFTER INSERT ON response_tags BEGIN ${ofTag('new', '1')} END`).execute(db)
  await sql.raw(`CREATE TRIGGER rollup_tag_delete AFTER DELETE ON response_tags BEGIN ${ofTag('old', '-1')} END`).execute(db)
  await sql
    .raw(
      `CREATE TRIGGER rollup_tag_update AFTER UPDATE OF response_id, tag_id ON response_tags
      WHEN old.response_id IS NOT new.response_id OR old.tag_id IS NOT new.tag_id BEGIN ${ofTag('old', '-1')} ${ofTag('new', '1')} END`,
    )
    .execute(db)

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
  // The customer's own facts: joining on customer_since and, if they left, leaving on churned_at
  // (a churn date before the join date cannot be placed and is left out, as the raw count does).
  const lifecycle = (c: string, delta: string) => `
    INSERT INTO rollup_journal (${columns})
    SELECT f.fact, 0, NULL, NULL, NULL, NULL, NULL, NULL, f.stamp, 0, NULL, NULL, NULL, ${c}.location, NULL, ${c}.segment, ${delta}
    FROM (SELECT 2 AS fact, ${c}.customer_since AS stamp UNION ALL SELECT 3, ${c}.churned_at) AS f
    WHERE ${c}.customer_since IS NOT NULL AND (${c}.churned_at IS NULL OR ${c}.churned_at >= ${c}.customer_since) AND f.stamp IS NOT NULL;`
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
      `CREATE TRIGGER rollup_customer_segment AFTER UPDATE OF segment ON customers WHEN old.segment IS NOT new.segment BEGIN
        ${moveSegment('new.id', 'old.segment', 'new.segment')}
      END`,
    )
    .execute(db)
  // Deleting a customer sets their responses' customer_id to NULL (that update nets to zero in the
  // response triggers, since the customer is already gone); their counts move to "no segment" here.
  await sql
    .raw(
      `CREATE TRIGGER rollup_customer_delete BEFORE DELETE ON customers BEGIN
        ${lifecycle('old', '-1')}
        ${moveSegment('old.id', 'old.segment', 'NULL')}
      END`,
    )
    .execute(db)

  // Whatever the workspace already holds enters through the journal like any other write.
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
        SELECT ${fact}, 0, NULL, NULL, NULL, NULL, NULL, NULL, ${stamp}, 0, NULL, NULL, NULL, location, NULL, segment, count(*) FROM customers
        WHERE customer_since IS NOT NULL AND (churned_at IS NULL OR churned_at >= customer_since) AND ${stamp} IS NOT NULL
        GROUP BY ${stamp}, location, segment`,
      )
      .execute(db)
  }

  // Churn and retention count customers by their lifecycle dates (the raw count, when summaries cannot answer).
  await sql`CREATE INDEX customers_lifecycle ON customers (customer_since, churned_at, segment, location) WHERE customer_since IS NOT NULL`.execute(db)

  // Surveys sent cover a span of days (a month's mailing), not only one day.
  await sql`ALTER TABLE survey_sends ADD COLUMN until_date TEXT`.execute(db)
  await sql`UPDATE survey_sends SET until_date = local_date`.execute(db)
  await sql`CREATE INDEX survey_sends_date ON survey_sends (local_date)`.execute(db)
}

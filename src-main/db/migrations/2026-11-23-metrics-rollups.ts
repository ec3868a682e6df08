import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add a new one instead.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  // Every change to a scored response, as signed counts, written by the triggers below inside the
  // writer's own transaction. The metrics engine folds it into the summary tables; every query
  // reads summaries + journal, so a figure always equals the raw rows of the snapshot it reads.
  // tag_id 0 is the response itself; a response with tags also has one row per tag.
  await sql`
    CREATE TABLE rollup_journal (
      id INTEGER PRIMARY KEY,
      question_id INTEGER NOT NULL,
      local_date TEXT NOT NULL,
      score INTEGER NOT NULL,
      band INTEGER,
      tag_id INTEGER NOT NULL,
      channel TEXT, touchpoint TEXT, stage TEXT, location TEXT, language TEXT, segment TEXT,
      delta INTEGER NOT NULL
    ) STRICT`.execute(db)

  // Dimension values as small integers in the summaries (0 stands for "none").
  await sql`CREATE TABLE rollup_values (id INTEGER PRIMARY KEY, value TEXT NOT NULL UNIQUE) STRICT`.execute(db)

  // Counts per score per period with every dimension ("cubes"), per local day and per month.
  // period = days since 1970-01-01 of the period's first day; band 2 stands for a missing band.
  for (const table of ['rollup_day', 'rollup_month']) {
    await sql
      .raw(
        `CREATE TABLE ${table} (
          question_id INTEGER NOT NULL, period INTEGER NOT NULL, tag_id INTEGER NOT NULL,
          channel INTEGER NOT NULL, touchpoint INTEGER NOT NULL, stage INTEGER NOT NULL,
          location INTEGER NOT NULL, language INTEGER NOT NULL, segment INTEGER NOT NULL,
          score INTEGER NOT NULL, band INTEGER NOT NULL, n INTEGER NOT NULL,
          PRIMARY KEY (question_id, period, tag_id, channel, touchpoint, stage, location, language, segment, score, band)
        ) STRICT, WITHOUT ROWID`,
      )
      .execute(db)
  }
  // Counts per score per week or month for one dimension at a time (dim 0 = none): what an
  // unfiltered chart broken down by one dimension reads, a few thousand rows for years of data.
  await sql`
    CREATE TABLE rollup_slices (
      grain INTEGER NOT NULL, dim INTEGER NOT NULL, question_id INTEGER NOT NULL, period INTEGER NOT NULL,
      grp INTEGER NOT NULL, score INTEGER NOT NULL, band INTEGER NOT NULL, n INTEGER NOT NULL,
      PRIMARY KEY (grain, dim, question_id, period, grp, score, band)
    ) STRICT, WITHOUT ROWID`.execute(db)

  const journalColumns = 'question_id, local_date, score, band, tag_id, channel, touchpoint, stage, location, language, segment, delta'
  const keyChanged = ['question_id', 'score', 'band', 'local_date', 'channel', 'touchpoint', 'stage', 'location', 'language', 'customer_id']
  const ofResponse = (row: 'old' | 'new', delta: string) => `
    INSERT INTO rollup_journal (${journalColumns})
    SELECT ${row}.question_id, ${row}.local_date, ${row}.score, ${row}.band, t.tag_id, ${row}.channel, ${row}.touchpoint, ${row}.stage,
      ${row}.location, ${row}.language, (SELECT segment FROM customers WHERE id = ${row}.customer_id), ${delta}
    FROM (SELECT 0 AS tag_id UNION ALL SELECT tag_id FROM response_tags WHERE response_id = ${row}.id) AS t
    WHERE ${row}.score IS NOT NULL;`
  await sql
    .raw(
      `CREATE TRIGGER rollup_response_insert AFTER INSERT ON responses WHEN new.score IS NOT NULL BEGIN
        INSERT INTO rollup_journal (${journalColumns})
        VALUES (new.question_id, new.local_date, new.score, new.band, 0, new.channel, new.touchpoint, new.stage, new.location, new.language,
          (SELECT segment FROM customers WHERE id = new.customer_id), 1);
      END`,
    )
    .execute(db)
  await sql
    .raw(
      `CREATE TRIGGER rollup_response_update AFTER UPDATE OF ${keyChanged.join(', ')} ON responses
      WHEN ${keyChanged.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ')} BEGIN
        ${ofResponse('old', '-1')}
        ${ofResponse('new', '1')}
      END`,
    )
    .execute(db)
  // BEFORE: the response's tags are still there (the cascade removes them after the row is gone,
  // and the tag trigger then finds no response, so nothing is counted twice).
  await sql.raw(`CREATE TRIGGER rollup_response_delete BEFORE DELETE ON responses WHEN old.score IS NOT NULL BEGIN ${ofResponse('old', '-1')} END`).execute(db)

  const ofTag = (row: 'old' | 'new', delta: string) => `
    INSERT INTO rollup_journal (${journalColumns})
    SELECT r.question_id, r.local_date, r.score, r.band, ${row}.tag_id, r.channel, r.touchpoint, r.stage, r.location, r.language, c.segment, ${delta}
    FROM responses r LEFT JOIN customers c ON c.id = r.customer_id
    WHERE r.id = ${row}.response_id AND r.score IS NOT NULL;`
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
    [
      [`0`, `responses r`],
      [`rt.tag_id`, `responses r JOIN response_tags rt ON rt.response_id = r.id`],
    ]
      .flatMap(([tag, source]) =>
        [
          [from, '-count(*)'],
          [to, 'count(*)'],
        ].map(
          ([segment, delta]) => `
          INSERT INTO rollup_journal (${journalColumns})
          SELECT r.question_id, r.local_date, r.score, r.band, ${tag}, r.channel, r.touchpoint, r.stage, r.location, r.language, ${segment}, ${delta}
          FROM ${source} WHERE r.customer_id = ${customer} AND r.score IS NOT NULL
          GROUP BY r.question_id, r.local_date, r.score, r.band, ${tag === '0' ? '' : `${tag}, `}r.channel, r.touchpoint, r.stage, r.location, r.language;`,
        ),
      )
      .join('\n')
  await sql
    .raw(
      `CREATE TRIGGER rollup_customer_segment AFTER UPDATE OF segment ON customers WHEN old.segment IS NOT new.segment BEGIN
        ${moveSegment('new.id', 'old.segment', 'new.segment')}
      END`,
    )
    .execute(db)
  // Deleting a customer sets their responses' customer_id to NULL (that update nets to zero in
  // rollup_response_update, since the customer is already gone); their counts move to "no segment" here.
  await sql
    .raw(`CREATE TRIGGER rollup_customer_delete BEFORE DELETE ON customers WHEN old.segment IS NOT NULL BEGIN ${moveSegment('old.id', 'old.segment', 'NULL')} END`)
    .execute(db)

  // Whatever the workspace already holds enters through the journal like any other write.
  await sql
    .raw(
      `INSERT INTO rollup_journal (${journalColumns})
      SELECT r.question_id, r.local_date, r.score, r.band, 0, r.channel, r.touchpoint, r.stage, r.location, r.language, c.segment, count(*)
      FROM responses r LEFT JOIN customers c ON c.id = r.customer_id WHERE r.score IS NOT NULL
      GROUP BY r.question_id, r.local_date, r.score, r.band, r.channel, r.touchpoint, r.stage, r.location, r.language, c.segment`,
    )
    .execute(db)
  await sql
    .raw(
      `INSERT INTO rollup_journal (${journalColumns})
      SELECT r.question_id, r.local_date, r.score, r.band, rt.tag_id, r.channel, r.touchpoint, r.stage, r.location, r.language, c.segment, count(*)
      FROM responses r JOIN response_tags rt ON rt.response_id = r.id LEFT JOIN customers c ON c.id = r.customer_id WHERE r.score IS NOT NULL
      GROUP BY r.question_id, r.local_date, r.score, r.band, rt.tag_id, r.channel, r.touchpoint, r.stage, r.location, r.language, c.segment`,
    )
    .execute(db)

  // Time to resolution reads only the feedback that needed a follow-up; this keeps that read off the
  // wide table. The WHERE clause is repeated verbatim by the TTR query so the planner can use it.
  await sql`
    CREATE INDEX responses_followup ON responses (local_date, status, submitted_at, resolved_at, channel, touchpoint, stage, location, language, customer_id)
    WHERE band = -1 OR status IN ('in_progress', 'resolved')`.execute(db)

  // Churn and retention count customers by their lifecycle dates.
  await sql`CREATE INDEX customers_lifecycle ON customers (customer_since, churned_at, segment, location) WHERE customer_since IS NOT NULL`.execute(db)

  // Surveys sent cover a span of days (a month's mailing), not only one day.
  await sql`ALTER TABLE survey_sends ADD COLUMN until_date TEXT`.execute(db)
  await sql`UPDATE survey_sends SET until_date = local_date`.execute(db)
  await sql`CREATE INDEX survey_sends_date ON survey_sends (local_date)`.execute(db)
}

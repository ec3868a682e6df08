import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add a new one instead.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  // Each question's good / poor thresholds (workspace settings; METRICS.md defaults).
  await sql`ALTER TABLE questions ADD COLUMN good_threshold INTEGER NOT NULL DEFAULT 0`.execute(db)
  await sql`ALTER TABLE questions ADD COLUMN poor_threshold INTEGER NOT NULL DEFAULT 0`.execute(db)
  await sql`
    UPDATE questions SET
      good_threshold = CASE
        WHEN metric = 'nps' THEN 9
        WHEN direction = 'higher_better' THEN scale_max - (CASE WHEN metric = 'ces' AND scale_max - scale_min = 6 THEN 3 ELSE max(1, (scale_max - scale_min + 1) * 2 / 5) END) + 1
        ELSE scale_min + (CASE WHEN metric = 'ces' AND scale_max - scale_min = 6 THEN 3 ELSE max(1, (scale_max - scale_min + 1) * 2 / 5) END) - 1 END,
      poor_threshold = CASE
        WHEN metric = 'nps' THEN 6
        WHEN direction = 'higher_better' THEN scale_min + (CASE WHEN metric = 'ces' AND scale_max - scale_min = 6 THEN 3 ELSE max(1, (scale_max - scale_min + 1) * 2 / 5) END) - 1
        ELSE scale_max - (CASE WHEN metric = 'ces' AND scale_max - scale_min = 6 THEN 3 ELSE max(1, (scale_max - scale_min + 1) * 2 / 5) END) + 1 END`.execute(db)

  // The band of every scored response: 1 good, 0 neutral, −1 poor (needs follow-up).
  await sql`ALTER TABLE responses ADD COLUMN band INTEGER CHECK (band IN (-1, 0, 1))`.execute(db)
  await sql`
    UPDATE responses SET band = (
      SELECT CASE
        WHEN q.direction = 'higher_better' THEN (CASE WHEN responses.score >= q.good_threshold THEN 1 WHEN responses.score <= q.poor_threshold THEN -1 ELSE 0 END)
        ELSE (CASE WHEN responses.score <= q.good_threshold THEN 1 WHEN responses.score >= q.poor_threshold THEN -1 ELSE 0 END) END
      FROM questions q WHERE q.id = responses.question_id)
    WHERE score IS NOT NULL`.execute(db)
  await sql`CREATE INDEX responses_band ON responses (band, submitted_at DESC) WHERE band IS NOT NULL`.execute(db)

  // Sentiment of the comment, −1 (negative) … +1 (positive); null when there is no comment.
  await sql`ALTER TABLE responses ADD COLUMN sentiment REAL CHECK (sentiment BETWEEN -1 AND 1)`.execute(db)

  await sql`CREATE INDEX customers_segment ON customers (segment)`.execute(db)

  await sql`
    CREATE TABLE tags (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      color TEXT,
      created_at INTEGER NOT NULL
    ) STRICT`.execute(db)
  await sql`
    CREATE TABLE response_tags (
      response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
      tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
      source TEXT NOT NULL CHECK (source IN ('manual', 'rule')),
      created_at INTEGER NOT NULL,
      PRIMARY KEY (response_id, tag_id)
    ) STRICT, WITHOUT ROWID`.execute(db)
  await sql`CREATE INDEX response_tags_tag ON response_tags (tag_id, response_id)`.execute(db)

  // Surveys sent, where known, for the response rate: per local date and channel / touchpoint.
  await sql`
    CREATE TABLE survey_sends (
      id INTEGER PRIMARY KEY,
      local_date TEXT NOT NULL,
      question_id INTEGER REFERENCES questions(id),
      channel TEXT,
      touchpoint TEXT,
      sent INTEGER NOT NULL CHECK (sent >= 0),
      created_at INTEGER NOT NULL
    ) STRICT`.execute(db)
}

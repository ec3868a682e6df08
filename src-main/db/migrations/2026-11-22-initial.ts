import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add a new one instead.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT`.execute(db)
  await sql`
    CREATE TABLE customers (
      id INTEGER PRIMARY KEY,
      external_ref TEXT UNIQUE,
      name TEXT, email TEXT, phone TEXT, segment TEXT, location TEXT,
      customer_since TEXT, churned_at TEXT,
      created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
    ) STRICT`.execute(db)
  await sql`
    CREATE TABLE questions (
      id INTEGER PRIMARY KEY,
      key TEXT NOT NULL UNIQUE,
      metric TEXT NOT NULL CHECK (metric IN ('nps', 'csat', 'ces')),
      label TEXT NOT NULL,
      scale_min INTEGER NOT NULL,
      scale_max INTEGER NOT NULL CHECK (scale_max > scale_min),
      direction TEXT NOT NULL CHECK (direction IN ('higher_better', 'lower_better'))
    ) STRICT`.execute(db)
  await sql`
    CREATE TABLE imports (
      id INTEGER PRIMARY KEY,
      file_name TEXT NOT NULL,
      format TEXT NOT NULL,
      started_at INTEGER NOT NULL,
      finished_at INTEGER,
      status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),
      rows_read INTEGER NOT NULL DEFAULT 0,
      rows_imported INTEGER NOT NULL DEFAULT 0,
      rows_duplicate INTEGER NOT NULL DEFAULT 0,
      rows_rejected INTEGER NOT NULL DEFAULT 0
    ) STRICT`.execute(db)
  await sql`
    CREATE TABLE responses (
      id INTEGER PRIMARY KEY,
      dedup_key TEXT NOT NULL UNIQUE,
      import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL,
      external_ref TEXT,
      customer_id INTEGER REFERENCES customers(id) ON DELETE SET NULL,
      question_id INTEGER REFERENCES questions(id),
      score INTEGER,
      submitted_at INTEGER NOT NULL,
      submitted_offset INTEGER,
      local_date TEXT NOT NULL,
      channel TEXT, touchpoint TEXT, stage TEXT, location TEXT, language TEXT,
      comment TEXT,
      respondent_email TEXT,
      status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_progress', 'resolved', 'no_action')),
      owner TEXT,
      status_changed_at INTEGER,
      resolved_at INTEGER,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      CHECK ((score IS NULL) = (question_id IS NULL))
    ) STRICT`.execute(db)
  await sql`CREATE INDEX responses_newest ON responses (submitted_at DESC, id DESC)`.execute(db)
  await sql`CREATE INDEX responses_question_date ON responses (question_id, local_date, score)`.execute(db)
  await sql`CREATE INDEX responses_customer ON responses (customer_id)`.execute(db)
  await sql`
    CREATE TABLE notes (
      id INTEGER PRIMARY KEY,
      response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
      author TEXT,
      body TEXT NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT`.execute(db)
  await sql`CREATE INDEX notes_response ON notes (response_id)`.execute(db)
}

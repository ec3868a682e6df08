import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add a new one instead.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  // Full-text search over comments. The text is segmented (Thai has no spaces) and folded (Vietnamese
  // without diacritics) by the app before it is stored, so the index is contentless and the tokenizer
  // only splits on the spaces the app put there; M* keeps Thai vowel and tone marks inside words.
  // Built or rebuilt by the app when the search_index_version in meta is behind (see searchIndex.ts).
  await sql`CREATE VIRTUAL TABLE feedback_fts USING fts5(body, content='', contentless_delete=1, tokenize="unicode61 remove_diacritics 0 categories 'L* N* Co M*'")`.execute(
    db,
  )
  await sql`CREATE TRIGGER responses_fts_delete AFTER DELETE ON responses BEGIN DELETE FROM feedback_fts WHERE rowid = old.id; END`.execute(db)

  // Who changed the follow-up status last (there are no accounts: the "your name" preference).
  await sql`ALTER TABLE responses ADD COLUMN status_changed_by TEXT`.execute(db)

  // Inbox filters read newest first within one value, and count exactly; these keep both cheap for the
  // dimensions people filter on most. Each index costs import time, so stage and language (few values,
  // usually combined with another filter) and the metric (question_id has an index already) have none.
  // The trailing columns let an exact count combine the dimension with a score group, a status, a
  // metric, a sentiment, a language or a stage from the index alone, without reading the rows.
  for (const col of ['status', 'channel', 'touchpoint', 'location', 'owner']) {
    await sql.raw(`CREATE INDEX responses_${col}_newest ON responses (${col}, submitted_at DESC, id DESC, band, status, question_id, sentiment, language, stage)`).execute(db)
  }
  // The same for the newest-first order itself, and date ranges (local_date) over it.
  await sql`DROP INDEX responses_newest`.execute(db)
  await sql`CREATE INDEX responses_newest ON responses (submitted_at DESC, id DESC, local_date, band, status, question_id, sentiment)`.execute(db)
  // The follow-up view (detractors / unsatisfied by status) is the one people open every day.
  await sql`CREATE INDEX responses_follow_up ON responses (status, submitted_at DESC, id DESC) WHERE band = -1`.execute(db)
  await sql`CREATE INDEX responses_sentiment ON responses (sentiment) WHERE sentiment IS NOT NULL`.execute(db)
  await sql`CREATE INDEX customers_email ON customers (email) WHERE email IS NOT NULL`.execute(db)

  // The history of a feedback item: status changes, assignments, tags, notes — who and when.
  await sql`
    CREATE TABLE response_events (
      id INTEGER PRIMARY KEY,
      response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('status', 'owner', 'tag', 'untag', 'note')),
      value TEXT,
      actor TEXT,
      at INTEGER NOT NULL
    ) STRICT`.execute(db)
  await sql`CREATE INDEX response_events_response ON response_events (response_id, at)`.execute(db)

  // Keyword rules that tag comments automatically, per language (null = any language).
  await sql`
    CREATE TABLE tag_rules (
      id INTEGER PRIMARY KEY,
      tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
      language TEXT,
      keywords TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT`.execute(db)
  await sql`CREATE INDEX tag_rules_tag ON tag_rules (tag_id)`.execute(db)

  // Saved inbox views: a name and the filter as URL parameters (the same text a shared link carries).
  await sql`
    CREATE TABLE saved_views (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      query TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT`.execute(db)

  // Column mappings remembered per source (a survey tool's export, a store's spreadsheet), keyed by the header.
  await sql`
    CREATE TABLE import_mappings (
      source_key TEXT PRIMARY KEY,
      label TEXT NOT NULL,
      mapping TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT`.execute(db)

  // The workspace's sentiment lexicon, editable: words with a weight, negators and intensifiers per language.
  await sql`
    CREATE TABLE sentiment_lexicon (
      language TEXT NOT NULL,
      term TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('word', 'negator', 'intensifier')),
      weight REAL NOT NULL,
      PRIMARY KEY (language, term)
    ) STRICT, WITHOUT ROWID`.execute(db)
}

import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add a new one instead.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  // A survey people answer in the shop (collection/, issue 18): one question of a metric, an optional
  // comment and optional contact details with a consent tick, and the shop's name, logo and colour.
  await sql`CREATE TABLE surveys (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    metric TEXT NOT NULL CHECK (metric IN ('nps', 'csat', 'ces')),
    ask_comment INTEGER NOT NULL DEFAULT 1 CHECK (ask_comment IN (0, 1)),
    ask_contact INTEGER NOT NULL DEFAULT 1 CHECK (ask_contact IN (0, 1)),
    shop_name TEXT NOT NULL DEFAULT '',
    colour TEXT NOT NULL DEFAULT '#2f6f5e',
    logo_type TEXT,
    logo BLOB,
    location TEXT,
    touchpoint TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  )`.execute(db)
  await sql`CREATE UNIQUE INDEX surveys_name ON surveys (name COLLATE NOCASE)`.execute(db)
  // A survey's links: each an unguessable token, for a QR code (phones) or a kiosk (a paired tablet,
  // with its own higher rate limit), optionally for one location. Revoked links answer 404 for ever.
  await sql`CREATE TABLE survey_links (
    id INTEGER PRIMARY KEY,
    survey_id INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    token TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('qr', 'kiosk')),
    location TEXT,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
  )`.execute(db)
  await sql`CREATE INDEX survey_links_survey ON survey_links (survey_id)`.execute(db)
  // One row per answer collected, beside its response: the link it came through, the language the
  // respondent chose, and the contact details they gave with their consent (kept only with the tick),
  // for the customers work to link later. The response's dedup_key carries the client's id.
  await sql`CREATE TABLE survey_answers (
    response_id INTEGER PRIMARY KEY REFERENCES responses(id) ON DELETE CASCADE,
    survey_id INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    link_id INTEGER NOT NULL REFERENCES survey_links(id) ON DELETE CASCADE,
    client_id TEXT NOT NULL,
    language TEXT NOT NULL,
    contact_name TEXT,
    contact_email TEXT,
    contact_phone TEXT,
    consent INTEGER NOT NULL CHECK (consent IN (0, 1)),
    consent_at INTEGER,
    received_at INTEGER NOT NULL,
    UNIQUE (survey_id, client_id)
  )`.execute(db)
}

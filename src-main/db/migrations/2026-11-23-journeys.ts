import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add a new one instead.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  // Journey maps. Entity ids are made by the editor and unique within a map (a to-be version keeps
  // the ids of its as-is map), so every child table is keyed by (map_id, id). References inside a
  // map are checked at commit, so one save can move and delete in any order.
  await sql`
    CREATE TABLE journey_maps (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      scenario TEXT NOT NULL DEFAULT '',
      kind TEXT NOT NULL CHECK (kind IN ('as_is', 'to_be')),
      base_id TEXT REFERENCES journey_maps(id) ON DELETE SET NULL,
      score_metric TEXT NOT NULL DEFAULT 'nps' CHECK (score_metric IN ('nps', 'csat', 'ces')),
      revision INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT`.execute(db)
  await sql`
    CREATE TABLE journey_personas (
      map_id TEXT PRIMARY KEY REFERENCES journey_maps(id) ON DELETE CASCADE,
      id TEXT NOT NULL,
      name TEXT NOT NULL,
      avatar TEXT NOT NULL,
      photo TEXT,
      goals TEXT NOT NULL,
      frustrations TEXT NOT NULL,
      quote TEXT NOT NULL,
      demographics TEXT NOT NULL
    ) STRICT`.execute(db)
  await sql`
    CREATE TABLE journey_stages (
      map_id TEXT NOT NULL REFERENCES journey_maps(id) ON DELETE CASCADE,
      id TEXT NOT NULL,
      position INTEGER NOT NULL,
      name TEXT NOT NULL,
      color TEXT NOT NULL,
      PRIMARY KEY (map_id, id)
    ) STRICT, WITHOUT ROWID`.execute(db)
  await sql`
    CREATE TABLE journey_steps (
      map_id TEXT NOT NULL REFERENCES journey_maps(id) ON DELETE CASCADE,
      id TEXT NOT NULL,
      stage_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      name TEXT NOT NULL,
      PRIMARY KEY (map_id, id),
      FOREIGN KEY (map_id, stage_id) REFERENCES journey_stages(map_id, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
    ) STRICT, WITHOUT ROWID`.execute(db)
  await sql`
    CREATE TABLE journey_lanes (
      map_id TEXT NOT NULL REFERENCES journey_maps(id) ON DELETE CASCADE,
      id TEXT NOT NULL,
      position INTEGER NOT NULL,
      type TEXT NOT NULL,
      name TEXT NOT NULL,
      PRIMARY KEY (map_id, id)
    ) STRICT, WITHOUT ROWID`.execute(db)
  await sql`
    CREATE TABLE journey_cards (
      map_id TEXT NOT NULL REFERENCES journey_maps(id) ON DELETE CASCADE,
      id TEXT NOT NULL,
      lane_id TEXT NOT NULL,
      step_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      text TEXT NOT NULL,
      color TEXT NOT NULL,
      icon TEXT NOT NULL,
      channel TEXT,
      link_touchpoint TEXT,
      link_channel TEXT,
      evidence TEXT NOT NULL DEFAULT '[]',
      image TEXT,
      PRIMARY KEY (map_id, id),
      FOREIGN KEY (map_id, lane_id) REFERENCES journey_lanes(map_id, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
      FOREIGN KEY (map_id, step_id) REFERENCES journey_steps(map_id, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
    ) STRICT, WITHOUT ROWID`.execute(db)
  await sql`CREATE INDEX journey_cards_lane ON journey_cards (map_id, lane_id)`.execute(db)
  await sql`CREATE INDEX journey_cards_step ON journey_cards (map_id, step_id)`.execute(db)
  await sql`
    CREATE TABLE journey_emotions (
      map_id TEXT NOT NULL REFERENCES journey_maps(id) ON DELETE CASCADE,
      lane_id TEXT NOT NULL,
      step_id TEXT NOT NULL,
      value INTEGER NOT NULL CHECK (value BETWEEN -100 AND 100),
      PRIMARY KEY (map_id, lane_id, step_id),
      FOREIGN KEY (map_id, lane_id) REFERENCES journey_lanes(map_id, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
      FOREIGN KEY (map_id, step_id) REFERENCES journey_steps(map_id, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
    ) STRICT, WITHOUT ROWID`.execute(db)
  await sql`CREATE INDEX journey_emotions_step ON journey_emotions (map_id, step_id)`.execute(db)
  await sql`
    CREATE TABLE journey_comments (
      map_id TEXT NOT NULL REFERENCES journey_maps(id) ON DELETE CASCADE,
      id TEXT NOT NULL,
      card_id TEXT NOT NULL,
      author TEXT NOT NULL,
      body TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      PRIMARY KEY (map_id, id),
      FOREIGN KEY (map_id, card_id) REFERENCES journey_cards(map_id, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
    ) STRICT, WITHOUT ROWID`.execute(db)
  await sql`CREATE INDEX journey_comments_card ON journey_comments (map_id, card_id)`.execute(db)
}

import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add a new one instead.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  // The persona library: personas belong to the workspace, and a map points at one. A deleted
  // persona is kept (deleted_at) until another is deleted, so the deletion can be undone.
  await sql`
    CREATE TABLE personas (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      avatar TEXT NOT NULL,
      photo TEXT,
      goals TEXT NOT NULL,
      frustrations TEXT NOT NULL,
      quote TEXT NOT NULL,
      demographics TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      deleted_at INTEGER
    ) STRICT`.execute(db)
  await sql`ALTER TABLE journey_maps ADD COLUMN persona_id TEXT REFERENCES personas(id) ON DELETE SET NULL`.execute(db)
  await sql`CREATE INDEX journey_maps_persona ON journey_maps (persona_id)`.execute(db)

  // Each map's own persona moves into the library. A to-be version kept its as-is map's persona id:
  // the same id with the same content is one persona used by both maps; the same id with content
  // edited apart becomes a persona of its own, so neither map loses what it showed.
  const rows = (
    await sql<{
      map_id: string
      id: string
      name: string
      avatar: string
      photo: string | null
      goals: string
      frustrations: string
      quote: string
      demographics: string
      created_at: number
      updated_at: number
    }>`SELECT p.*, m.created_at, m.updated_at FROM journey_personas p JOIN journey_maps m ON m.id = p.map_id ORDER BY m.created_at, p.map_id`.execute(db)
  ).rows
  const content = (r: (typeof rows)[number]) => JSON.stringify([r.name, r.avatar, r.photo, r.goals, r.frustrations, r.quote, r.demographics])
  const stored = new Map<string, string>()
  for (const r of rows) {
    let id = r.id
    if (stored.has(id) && stored.get(id) !== content(r)) id = `${r.id.slice(0, 27)}-${r.map_id.slice(0, 12)}`
    if (!stored.has(id)) {
      stored.set(id, content(r))
      await sql`INSERT INTO personas (id, name, avatar, photo, goals, frustrations, quote, demographics, created_at, updated_at)
        VALUES (${id}, ${r.name}, ${r.avatar}, ${r.photo}, ${r.goals}, ${r.frustrations}, ${r.quote}, ${r.demographics}, ${r.created_at}, ${r.updated_at})`.execute(db)
    }
    await sql`UPDATE journey_maps SET persona_id = ${id} WHERE id = ${r.map_id}`.execute(db)
  }
  await sql`DROP TABLE journey_personas`.execute(db)
}

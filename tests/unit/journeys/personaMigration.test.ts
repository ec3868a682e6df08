import { describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { migrations } from '../../../src-main/db/migrations/index'
import type { DB } from '../../../src-main/db/schema'

const PERSONA_LIBRARY = '2026-12-02-persona-library'

describe('the persona library migration', () => {
  it('moves each map’s persona into the library: one persona where versions share it unchanged, two where they were edited apart', async () => {
    const sqlite = new Database(':memory:')
    sqlite.pragma('foreign_keys = ON')
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) })
    const index = migrations.findIndex(([name]) => name === PERSONA_LIBRARY)
    expect(index).toBeGreaterThan(0) // later migrations may follow; this test runs the ones before it, then it
    for (const [, m] of migrations.slice(0, index)) await m.up(db)

    const map = sqlite.prepare(`INSERT INTO journey_maps (id, name, scenario, kind, base_id, score_metric, revision, created_at, updated_at) VALUES (?, ?, '', ?, ?, 'nps', 0, ?, ?)`)
    map.run('asis0001', 'As is', 'as_is', null, 1, 1)
    map.run('tobe0001', 'To be', 'to_be', 'asis0001', 2, 2)
    map.run('copy0001', 'Copy', 'as_is', null, 3, 3)
    map.run('none0001', 'No persona', 'as_is', null, 4, 4)
    const persona = sqlite.prepare(`INSERT INTO journey_personas (map_id, id, name, avatar, photo, goals, frustrations, quote, demographics) VALUES (?, ?, ?, 'L', NULL, 'g', 'f', ?, 'd')`)
    persona.run('asis0001', 'linh0001', 'Linh', 'My usual.')
    persona.run('tobe0001', 'linh0001', 'Linh', 'My usual.')
    persona.run('copy0001', 'linh0001', 'Linh', 'Something else.')

    await migrations[index][1].up(db)
    const personas = sqlite.prepare('SELECT id, name, quote, deleted_at FROM personas ORDER BY created_at').all()
    expect(personas).toEqual([
      { id: 'linh0001', name: 'Linh', quote: 'My usual.', deleted_at: null },
      { id: 'linh0001-copy0001', name: 'Linh', quote: 'Something else.', deleted_at: null },
    ])
    expect(sqlite.prepare('SELECT id, persona_id FROM journey_maps ORDER BY created_at').all()).toEqual([
      { id: 'asis0001', persona_id: 'linh0001' },
      { id: 'tobe0001', persona_id: 'linh0001' },
      { id: 'copy0001', persona_id: 'linh0001-copy0001' },
      { id: 'none0001', persona_id: null },
    ])
    expect(sqlite.prepare(`SELECT name FROM sqlite_master WHERE name = 'journey_personas'`).get()).toBeUndefined()
  })
})

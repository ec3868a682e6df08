import { describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { migrations } from '../../../src-main/db/migrations/index'
import { insertQuestions } from '../../../src-main/db/questions'
import { defaultQuestions } from '../../../src-main/workspace/defaultQuestions'
import { foldAll } from '../../../src-main/metrics/rollups/jobs'
import { metricSeries, seriesCounts } from '../../../src-main/metrics/series'
import { ttrSeries } from '../../../src-main/metrics/ttr'
import { facetValues, facets } from '../../../src-main/metrics/facets'
import { cubeDims } from '../../../src-main/metrics/rollups/layout'
import type { DB } from '../../../src-main/db/schema'

const HOUR = 3_600_000
const ROLLUP_OWNER = '2026-11-29-rollup-owner'

/** A workspace as the version before owners were a dimension left it, with answers followed up by two people. */
async function workspaceBefore() {
  const sqlite = new Database(':memory:')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('recursive_triggers = ON')
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) })
  const index = migrations.findIndex(([name]) => name === ROLLUP_OWNER)
  for (const [, m] of migrations.slice(0, index)) await m.up(db)
  sqlite.prepare(`INSERT INTO meta (key, value) VALUES ('timezone', 'Asia/Bangkok')`).run()
  await insertQuestions(db, defaultQuestions)
  const insert = sqlite.prepare(`INSERT INTO responses (dedup_key, question_id, score, band, submitted_at, local_date, channel, touchpoint, status, owner, resolved_at, created_at, updated_at)
    VALUES (?, 1, ?, ?, ?, ?, 'store', 'Counter', ?, ?, ?, 0, 0)`)
  const at = Date.UTC(2025, 2, 3, 2)
  // Lan resolves four detractors in 2, 4, 6 and 8 hours; Somchai two in 30 and 50; one open and unassigned; five promoters nobody followed.
  ;[2, 4, 6, 8].forEach((h, i) => insert.run(`lan${i}`, 3, -1, at, '2025-03-03', 'resolved', 'Lan', at + h * HOUR))
  ;[30, 50].forEach((h, i) => insert.run(`som${i}`, 5, -1, at, '2025-03-03', 'resolved', 'Somchai', at + h * HOUR))
  insert.run('open', 0, -1, at, '2025-03-03', 'new', null, null)
  for (let i = 0; i < 5; i++) insert.run(`promoter${i}`, 10, 1, at, '2025-03-03', 'new', null, null)
  return { sqlite, db, rest: migrations.slice(index) }
}

describe('owner (who followed up) as a dimension of the summaries', () => {
  it('is filled in by the migration, moved by an assignment, and answers breakdowns and filters like the raw rows', async () => {
    const { sqlite, db, rest } = await workspaceBefore()
    for (const [, m] of rest) await m.up(db)
    const src = { db, sqlite, timezone: 'Asia/Bangkok' }
    const check = async () => {
      for (const q of [
        { metric: 'nps' as const, dim: 'owner' as const },
        { metric: 'nps' as const, by: 'month' as const, filter: { owner: ['Lan'] } },
      ]) {
        const rolled = await metricSeries(src, q, 'rollups')
        expect({ ...rolled, source: undefined }).toEqual({ ...(await metricSeries(src, q, 'raw')), source: undefined })
      }
      const ttr = await ttrSeries(src, { dim: 'owner' }, 'rollups')
      expect(ttr).toEqual(await ttrSeries(src, { dim: 'owner' }, 'raw'))
      // One dimension's facet values (a report's channels) read alone are the same as from every facet.
      const all = facets(sqlite)
      for (const d of cubeDims) expect(facetValues(sqlite, d)).toEqual(all[d])
      expect(facetValues(sqlite, 'channel')).toEqual([{ value: 'store', n: 12 }])
      return ttr
    }
    // Unfolded (the journal the migration wrote), then folded.
    await check()
    foldAll(sqlite)
    const ttr = await check()
    expect(ttr.rows.map((r) => [r.group, r.resolved, r.stillOpen, r.medianHours])).toEqual([
      ['Lan', 4, 0, 5],
      ['Somchai', 2, 0, 40],
      [null, 0, 1, null],
    ])
    // An owner filter is answered from the summaries now, not by reading the responses.
    expect((await seriesCounts(src, { metric: 'nps', filter: { owner: ['Lan'] } })).source).toBe('rollups')
    expect(facets(sqlite).owner).toEqual([
      { value: 'Lan', n: 4 },
      { value: 'Somchai', n: 2 },
    ])
    // Reassigning moves the response's score and follow-up to its new owner, through the triggers.
    sqlite.exec(`UPDATE responses SET owner = 'Somchai' WHERE dedup_key = 'lan0'`)
    const moved = await check()
    expect(moved.rows.map((r) => [r.group, r.resolved])).toEqual([
      ['Lan', 3],
      ['Somchai', 3],
      [null, 0],
    ])
    await db.destroy()
  })
})

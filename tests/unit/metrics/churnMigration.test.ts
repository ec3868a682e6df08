import { describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { migrations } from '../../../src-main/db/migrations/index'
import { foldAll, rebuildRollups } from '../../../src-main/metrics/rollups/jobs'
import { lifecycleSeries } from '../../../src-main/metrics/lifecycle'
import { dayNumber } from '../../../src-shared/domain/periods'
import type { DB } from '../../../src-main/db/schema'
import { leavingsSql } from '../../../src-main/metrics/rollups/leaversRepository'
import { freshWorkspace } from '../../helpers/db'

const CHURN_COHORT = '2026-11-28-churn-cohort'

/** A workspace as the version before the churn cohort left it: its migrations, settings and triggers. */
async function workspaceBefore() {
  const sqlite = new Database(':memory:')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('recursive_triggers = ON')
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) })
  const index = migrations.findIndex(([name]) => name === CHURN_COHORT)
  for (const [, m] of migrations.slice(0, index)) await m.up(db)
  sqlite.prepare(`INSERT INTO meta (key, value) VALUES ('timezone', 'Asia/Bangkok')`).run()
  return { sqlite, db, rest: migrations.slice(index) }
}

/** The customer facts of the summaries, with dimension values by name (a rebuild numbers them anew). */
const summaries = (sqlite: Database.Database) => {
  const name = (col: string) => `(SELECT value FROM rollup_values WHERE id = ${col})`
  return Object.fromEntries(
    [
      ['rollup_day', `fact, period, ${name('segment')}, ${name('location')}, value, n`],
      ['rollup_month', `fact, period, ${name('segment')}, ${name('location')}, value, n`],
      ['rollup_slices', `grain, dim, fact, period, CASE WHEN dim IN (4, 6) THEN ${name('grp')} ELSE grp END, value, n`],
    ].map(([t, cols]) => [t, (sqlite.prepare(`SELECT ${cols} FROM ${t} WHERE fact IN (2, 3)`).raw().all() as unknown[][]).map((r) => r.join(',')).sort()]),
  )
}

describe('the churn cohort migration', () => {
  it('replaces the leavings counted so far (folded or waiting) by leavings that know their join day', async () => {
    const { sqlite, db, rest } = await workspaceBefore()
    const customer = sqlite.prepare('INSERT INTO customers (external_ref, segment, customer_since, churned_at, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0)')
    customer.run('cohort', 'Office', '2025-01-10', '2025-03-15')
    customer.run('new-and-gone', 'Office', '2025-03-02', '2025-03-20')
    customer.run('stays', 'Student', '2024-11-01', null)
    customer.run('folded', 'Student', '2024-12-01', '2025-03-05')
    // "folded" left as the old fold kept it: in the summaries, counted without its join day.
    sqlite.exec(`DELETE FROM rollup_journal WHERE fact = 3 AND stamp = '2025-03-05'`)
    sqlite.exec(`INSERT INTO rollup_values (value) VALUES ('Student')`)
    const student = sqlite.prepare(`SELECT id FROM rollup_values WHERE value = 'Student'`).pluck().get() as number
    for (const [table, period] of [
      ['rollup_day', dayNumber('2025-03-05')],
      ['rollup_month', dayNumber('2025-03-01')],
    ] as const)
      sqlite.prepare(`INSERT INTO ${table} VALUES (3, 0, ?, 0, 0, 0, 0, 0, 0, ?, 0, 2, 1)`).run(period, student)

    for (const [, m] of rest) await m.up(db)
    foldAll(sqlite)
    const src = { db, sqlite, timezone: 'Asia/Bangkok', today: '2025-03-31' }
    const march = (from: 'raw' | 'rollups') => lifecycleSeries(src, { by: 'month', filter: { from: '2025-03-01', to: '2025-03-31' } }, from).rows[0]
    // Cohort of March: cohort, stays, folded; lost: cohort and folded (not new-and-gone, who joined in March).
    expect(march('rollups')).toMatchObject({ atStart: 3, lost: 2, lostNew: 1, gained: 1 })
    expect(march('rollups')).toEqual(march('raw'))
    // The leavings are counted once, with their join days, exactly as a rebuild from the customers counts them.
    expect(sqlite.prepare('SELECT period, value, n FROM rollup_day WHERE fact = 3 ORDER BY period').raw().all()).toEqual([
      [dayNumber('2025-03-05'), dayNumber('2024-12-01'), 1],
      [dayNumber('2025-03-15'), dayNumber('2025-01-10'), 1],
      [dayNumber('2025-03-20'), dayNumber('2025-03-02'), 1],
    ])
    const migrated = summaries(sqlite)
    rebuildRollups(sqlite, undefined)
    expect(migrated).toEqual(summaries(sqlite))
    // The triggers write the join day now too: a leaving recorded after the migration is the cohort's.
    sqlite.exec(`UPDATE customers SET churned_at = '2025-03-25' WHERE external_ref = 'stays'`)
    expect(march('rollups')).toMatchObject({ atStart: 3, lost: 3 })
    await db.destroy()
  })
})

describe('the leavings read by join day', () => {
  it('walks the day cube by range, never every leaving of all time; with both customer filters, only their leavings', async () => {
    const open = await freshWorkspace('Asia/Bangkok')
    const plan = (s: Parameters<typeof leavingsSql>[0]) => {
      const { sql, params } = leavingsSql(s)
      return (open.ws.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail)
    }
    const ranges = [[20000, 20030, 19990, 19999], [20031, 20060, 20020, 20030]] as const
    const whole = plan({ ranges, dims: {}, groupBy: 'location' })
    expect(whole).toContain('SEARCH d USING PRIMARY KEY (fact=? AND question_id=? AND period>? AND period<?)')
    expect(whole.findIndex((d) => /^SCAN p/.test(d))).toBeLessThan(whole.findIndex((d) => /^SEARCH d/.test(d)))
    expect(plan({ ranges, dims: { location: [1, 2], segment: [3] } })).toContainEqual(expect.stringMatching(/^SEARCH d USING COVERING INDEX rollup_day_leavings \(location=\? AND segment=\? AND period>\? AND period<\?\)/))
    await open.ws.close()
  })
})

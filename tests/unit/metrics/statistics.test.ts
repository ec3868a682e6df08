import { afterEach, describe, expect, it } from 'vitest'
import type Database from 'better-sqlite3'
import { ANALYZE_AFTER, foldAll, rebuildRollups } from '../../../src-main/metrics/rollups/jobs'
import { readCube } from '../../../src-main/metrics/rollups/rollupReadRepository'
import { FACT_SCORE } from '../../../src-main/metrics/rollups/layout'
import type { OpenWorkspace } from '../../../src-main/db/openWorkspace'
import { freshWorkspace } from '../../helpers/db'
import { QUESTION } from './helpers'

/**
 * The month cube is read through one of its per-dimension indexes; which one is SQLite's choice, from
 * statistics gathered after large folds and rebuilds (maintain.ts analyzeSummaries). With a filter on
 * a dimension of 40 values and one of 2, the 40-value one's index finds the rows in 1/40th the reads.
 */
let cleanup: Array<() => void> = []
afterEach(() => {
  for (const c of cleanup.reverse()) c()
  cleanup = []
})

/** `count` NPS answers over 40 locations and 2 channels, in March 2025, written with SQL (the triggers journal them: one row each, two for a detractor). */
function addResponses(open: OpenWorkspace, count: number, offset = 0): void {
  open.ws.sqlite
    .prepare(
      `WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < ?)
       INSERT INTO responses (dedup_key, question_id, score, band, submitted_at, local_date, channel, touchpoint, stage, location, language, created_at, updated_at)
       SELECT 'k' || (n + ?), ?, n % 11, CASE WHEN n % 11 >= 9 THEN 1 WHEN n % 11 >= 7 THEN 0 ELSE -1 END, 0,
              '2025-03-' || printf('%02d', 1 + n % 28), CASE n % 2 WHEN 0 THEN 'store' ELSE 'app' END, 'Counter', 'Purchase',
              'Branch ' || (n % 40), 'th', 0, 0 FROM i`,
    )
    .run(count, offset, QUESTION.nps)
}

const statisticsOf = (sqlite: Database.Database) =>
  sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'`).get()
    ? (sqlite.prepare(`SELECT idx FROM sqlite_stat1 WHERE tbl = 'rollup_month' ORDER BY idx`).pluck().all() as string[])
    : []

/** The plan of the month-cube read the Scores page makes with a location and a channel filter. */
function cubePlan(sqlite: Database.Database): string {
  const ids = (values: string[]) => sqlite.prepare(`SELECT id FROM rollup_values WHERE value IN (${values.map(() => '?').join(', ')})`).pluck().all(...values) as number[]
  const selection = { fact: FACT_SCORE, questionIds: [QUESTION.nps], fromPeriod: 20_000, toPeriod: 20_200, dims: { location: ids(['Branch 8']), channel: ids(['store']) } }
  const sql = `EXPLAIN QUERY PLAN SELECT period, 0, question_id, value, band, sum(n) FROM rollup_month WHERE fact = ? AND question_id IN (?) AND period BETWEEN ? AND ? AND tag_id = ? AND channel IN (?) AND location IN (?) GROUP BY period, question_id, value, band`
  expect(readCube(sqlite, 'rollup_month', selection).length).toBeGreaterThan(0)
  const { fact, questionIds, fromPeriod, toPeriod, dims } = selection
  return (sqlite.prepare(sql).all(fact, ...questionIds, fromPeriod, toPeriod, 0, ...dims.channel, ...dims.location) as Array<{ detail: string }>).map((r) => r.detail).join(' ')
}

describe('planner statistics of the month cube', () => {
  it('are gathered by a large fold, not by a small one, so a filtered read takes the most selective index', async () => {
    const open = await freshWorkspace()
    cleanup.push(() => open.ws.close())
    const sqlite = open.ws.sqlite
    addResponses(open, 1_000)
    foldAll(sqlite)
    expect(statisticsOf(sqlite)).toEqual([])

    addResponses(open, ANALYZE_AFTER + 1, 1_000)
    foldAll(sqlite)
    expect(statisticsOf(sqlite)).toEqual(['rollup_month', 'rollup_month_channel', 'rollup_month_location', 'rollup_month_segment', 'rollup_month_touchpoint'])
    expect(cubePlan(sqlite)).toContain('INDEX rollup_month_location')
  })

  it('are gathered by a rebuild', async () => {
    const open = await freshWorkspace()
    cleanup.push(() => open.ws.close())
    addResponses(open, 2_000)
    rebuildRollups(open.ws.sqlite, undefined)
    expect(statisticsOf(open.ws.sqlite)).toContain('rollup_month_location')
    expect(cubePlan(open.ws.sqlite)).toContain('INDEX rollup_month_location')
  })
})

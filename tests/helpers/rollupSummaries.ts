import type Database from 'better-sqlite3'
import { foldAll, rebuildRollups } from '../../src-main/metrics/rollups/jobs'
import { cubeDims, sliceDimNumber } from '../../src-main/metrics/rollups/layout'

export interface RollupSummaries {
  day: string[]
  month: string[]
  slices: string[]
}

/**
 * Every summary cell with its dimension values spelled out (interned ids differ between an
 * incremental fold and a rebuild), after folding what the journal holds. Writes: it folds.
 */
export function rollupSummaries(db: Database.Database): RollupSummaries {
  foldAll(db)
  const value = (col: string) => `(SELECT value FROM rollup_values WHERE id = t.${col})`
  const cube = (table: string) =>
    db.prepare(`SELECT fact, question_id, period, tag_id, ${cubeDims.map(value).join(', ')}, value, band, n FROM ${table} t`).raw().all().map((r) => JSON.stringify(r))
  // Slices of a cube dimension hold interned ids in grp; tags' slices hold tag ids, the same in both.
  const interned = cubeDims.map((d) => sliceDimNumber[d]).join(', ')
  const slices = db
    .prepare(`SELECT grain, dim, fact, question_id, period, CASE WHEN dim IN (${interned}) THEN ${value('grp')} ELSE grp END, value, band, n FROM rollup_slices t`)
    .raw()
    .all()
    .map((r) => JSON.stringify(r))
  return { day: cube('rollup_day').sort(), month: cube('rollup_month').sort(), slices: slices.sort() }
}

/** The summaries as the workspace keeps them (folded), and as a rebuild from the raw rows makes them. Writes: it folds, then rebuilds. */
export function summariesAndRebuild(db: Database.Database): { incremental: RollupSummaries; rebuilt: RollupSummaries } {
  const incremental = rollupSummaries(db)
  rebuildRollups(db, undefined)
  return { incremental, rebuilt: rollupSummaries(db) }
}

import type Database from 'better-sqlite3'
import { statement } from '../../db/statements'
import { snapshotRows } from './rollupSnapshotRepository'
import { FACT_LEFT, leaveDaySql } from './layout'

// Raw SQL on purpose (the churn tiles' hot path): statements prepared once per connection returning
// arrays ('raw' mode), remembered per read snapshot like the other summary reads.

/** What describes a customer, the only dimensions customer counts have. */
export type CustomerDim = 'segment' | 'location'

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ')

function where(dims: Partial<Record<CustomerDim, ReadonlyArray<number | string>>>, column: (d: CustomerDim) => string): { sql: string; params: Array<number | string> } {
  const parts: string[] = []
  const params: Array<number | string> = []
  for (const d of ['segment', 'location'] as const) {
    const values = dims[d]
    if (!values) continue
    parts.push(`${column(d)} IN (${marks(values.length)})`)
    params.push(...values)
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params }
}

/** A stretch of leaving days and a stretch of join days (inclusive day numbers). */
export type LeavingRange = readonly [leftFrom: number, leftTo: number, joinedFrom: number, joinedTo: number]

/**
 * Customers who left on the days of each range and had joined on its join days, from the day cube
 * (where a leaving's value is the day number its customer joined): rows are [range index, group
 * value id (0 when not grouped), n]. Filters are value ids of segment and location. The summaries
 * alone: the journal is read apart (readLeaveJournal).
 */
export function readLeavings(
  sqlite: Database.Database,
  s: { ranges: ReadonlyArray<LeavingRange>; dims: Partial<Record<CustomerDim, number[]>>; groupBy?: CustomerDim },
): Array<[index: number, grp: number, n: number]> {
  if (!s.ranges.length) return []
  const { sql, params } = leavingsSql(s)
  return snapshotRows(sqlite, statement(sqlite, sql, 'raw'), sql, params)
}

/** The statement of readLeavings and its parameters. */
export function leavingsSql(s: { ranges: ReadonlyArray<LeavingRange>; dims: Partial<Record<CustomerDim, number[]>>; groupBy?: CustomerDim }) {
  const filter = where(s.dims, (d) => `d.${d}`)
  const grp = s.groupBy ? `d.${s.groupBy}` : '0'
  // The ranges drive (CROSS JOIN keeps them the outer loop; left to itself SQLite walks every leaving
  // of all time and the ranges inside it), each walking the day cube's key (fact, question, period)
  // over its own days; the ranges are unpacked once, not per row.
  // With a location and a segment filtered (the only reads here no slice can answer), the leavings
  // index seeks each pair's own leavings; SQLite, without statistics for the day cube, would walk the
  // key instead and test every leaving of the days against the filters.
  const index = s.dims.location && s.dims.segment ? ' INDEXED BY rollup_day_leavings' : ''
  const sql = `WITH p(k, left_from, left_to, joined_from, joined_to) AS MATERIALIZED (SELECT key, value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?))
    SELECT p.k, ${grp}, sum(d.n) FROM p CROSS JOIN rollup_day d${index}
    ON d.fact = ${FACT_LEFT} AND d.question_id = 0 AND d.period BETWEEN p.left_from AND p.left_to AND d.tag_id = 0 AND d.value BETWEEN p.joined_from AND p.joined_to${filter.sql}
    GROUP BY p.k${s.groupBy ? `, ${grp}` : ''}`
  return { sql, params: [JSON.stringify(s.ranges), ...filter.params] }
}

/**
 * The leavings waiting in the journal, with the local days they count on and their customers joined
 * (the same rule as the fold: no row when either is not a date or the leaving is before the join):
 * [leaving day, join day, group value, n]. Filters and groups are on the values as stored. The
 * caller registers the derivations (useDerivations) first.
 */
export function readLeaveJournal(
  sqlite: Database.Database,
  s: { dims: Partial<Record<CustomerDim, string[]>>; groupBy?: CustomerDim },
): Array<[leave: string, joined: string, grp: string | null, n: number]> {
  const filter = where(s.dims, (d) => d)
  const sql = `SELECT leave, joined, grp, sum(delta) FROM (
      SELECT ${leaveDaySql} AS leave, cxdesk_local_day(joined_stamp) AS joined, ${s.groupBy ?? 'NULL'} AS grp, delta
      FROM rollup_journal WHERE fact = ${FACT_LEFT} AND question_id = 0 AND tag_id = 0${filter.sql})
    WHERE leave IS NOT NULL GROUP BY leave, joined, grp HAVING sum(delta) <> 0`
  return statement(sqlite, sql, 'raw').all(...filter.params) as Array<[string, string, string | null, number]>
}

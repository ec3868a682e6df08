import type Database from 'better-sqlite3'
import { statement } from '../statements'
import { snapshotRows } from './snapshot'
import { FACT_LEFT, leaveDaySql } from './layout'

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

/**
 * The customers lost by each period's cohort, from the day cube (where a leaving's value is the day
 * number its customer joined): leavings on the period's days of customers who joined before its
 * first day. Periods are inclusive day numbers; rows are [period index, group value id (0 when not
 * grouped), n]. Filters are value ids of segment and location.
 */
export function readCohortLosses(
  sqlite: Database.Database,
  s: { periods: ReadonlyArray<readonly [from: number, to: number]>; dims: Partial<Record<CustomerDim, number[]>>; groupBy?: CustomerDim },
): Array<[index: number, grp: number, n: number]> {
  if (!s.periods.length) return []
  const { sql, params } = cohortLossesSql(s)
  return snapshotRows(sqlite, statement(sqlite, sql, 'raw'), sql, params)
}

/** The statement of readCohortLosses and its parameters. */
export function cohortLossesSql(s: { periods: ReadonlyArray<readonly [from: number, to: number]>; dims: Partial<Record<CustomerDim, number[]>>; groupBy?: CustomerDim }) {
  const filter = where(s.dims, (d) => `d.${d}`)
  const grp = s.groupBy ? `d.${s.groupBy}` : '0'
  // One statement for every period: the periods drive (CROSS JOIN keeps them the outer loop; left to
  // itself SQLite walks every leaving of all time once and the periods inside it), and the day cube's
  // key (fact, question, period) is walked once per period.
  const sql = `SELECT p.key, ${grp}, sum(d.n) FROM json_each(?) p CROSS JOIN rollup_day d
    ON d.fact = ${FACT_LEFT} AND d.question_id = 0 AND d.period BETWEEN p.value ->> 0 AND p.value ->> 1 AND d.tag_id = 0 AND d.value < p.value ->> 0${filter.sql}
    GROUP BY p.key${s.groupBy ? `, ${grp}` : ''}`
  return { sql, params: [JSON.stringify(s.periods), ...filter.params] }
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

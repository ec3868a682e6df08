import type Database from 'better-sqlite3'
import { statement } from '../../db/statements'
import { FACT_FOLLOW_UP, FACT_JOINED, FACT_LEFT, FACT_SCORE, GRAIN_MONTH, GRAIN_WEEK, NO_BAND, SLICE_NONE, cubeDims, dayOf, leaveDaySql, leavingValue, monthOf, packedCellsSql, sliceDimNumber, weekOf } from './layout'

/**
 * Writes to the rollup tables. Everything here is synchronous and runs inside the caller's
 * transaction: the journal rows folded and the summaries they change commit together.
 *
 * Raw SQL on purpose (the import's and every edit's hot path): triggers, grouped INSERT … SELECT
 * with UPSERT over column lists generated from the cube layout (`layout.ts`) and packed cells, none
 * of which Kysely's builder expresses, run as statements prepared once per connection.
 */

const keyColumns = `fact, question_id, period, tag_id, ${cubeDims.join(', ')}, value, band`
const journalColumns = `fact, question_id, local_date, score, band, status, submitted_at, resolved_at, stamp, tag_id, ${cubeDims.join(', ')}, delta`

/** What the app derives from raw journal values when folding: hours to resolution, and a lifecycle date in the workspace's zone. */
export interface FactDerivations {
  /** Whole hours from arrival to resolution; −1 still open; −2 closed without a measurable resolution. */
  ttrHours(status: string | null, submittedAt: number | null, resolvedAt: number | null): number
  /** A lifecycle date (a date, or a timestamp) as a local date; null when it is not a date at all. */
  localDay(stamp: string): string | null
}

const derivations = new WeakMap<Database.Database, { current: FactDerivations }>()

/**
 * Makes the derivations the SQL functions cxdesk_ttr_hours and cxdesk_local_day of this connection
 * (registered once; later calls only swap what they compute, so prepared statements stay valid).
 */
export function useDerivations(sqlite: Database.Database, derive: FactDerivations): void {
  const holder = derivations.get(sqlite)
  if (holder) {
    holder.current = derive
    return
  }
  const h = { current: derive }
  derivations.set(sqlite, h)
  sqlite.function('cxdesk_ttr_hours', { deterministic: true }, (status, submitted, resolved) =>
    h.current.ttrHours(status as string | null, submitted as number | null, resolved as number | null),
  )
  sqlite.function('cxdesk_local_day', { deterministic: true }, (stamp) => (typeof stamp === 'string' ? h.current.localDay(stamp) : null))
}

export interface JournalSpan {
  /** Rows waiting to be folded (an upper bound: ids are never reused). */
  pending: number
  minId: number
  maxId: number
}

export function journalSpan(sqlite: Database.Database): JournalSpan {
  const row = statement(sqlite, 'SELECT min(id) AS minId, max(id) AS maxId FROM rollup_journal').get() as { minId: number | null; maxId: number | null }
  if (row.minId === null || row.maxId === null) return { pending: 0, minId: 0, maxId: 0 }
  return { pending: row.maxId - row.minId + 1, minId: row.minId, maxId: row.maxId }
}

function batchTable(sqlite: Database.Database): void {
  sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS rollup_batch (
      fact INTEGER NOT NULL, question_id INTEGER NOT NULL, day INTEGER NOT NULL, tag_id INTEGER NOT NULL,
      ${cubeDims.map((d) => `${d} INTEGER NOT NULL`).join(', ')},
      value INTEGER NOT NULL, band INTEGER NOT NULL, n INTEGER NOT NULL)`)
  sqlite.exec('DELETE FROM temp.rollup_batch')
}

/**
 * Churn counts only the customers who were there when a period started (METRICS.md's cohort), so a
 * leaving keeps when its customer joined: the day cube the local join day (day number), the month
 * slices the months from the join month to the leaving's month, the week slices the ISO weeks
 * between them (layout.ts leavingValue): a month's (week's) leavings are a few cells by distance, not
 * a cell per leaver. The month cube keeps only how many left (value 0): it is read with two customer
 * filters at once, where the day cube's leavings index answers the cohort (rollups/leavers.ts), and
 * distances there would multiply the cells every filtered page walks.
 */
const sliceValue = (grain: 'week' | 'month') => `CASE WHEN fact = ${FACT_LEFT} THEN ${leavingValue(grain, 'day', 'value')} ELSE value END`
const monthCubeValue = `CASE WHEN fact = ${FACT_LEFT} THEN 0 ELSE value END`

/**
 * The batch summed at a grain (week or month): the cells the month cube and that grain's slices are
 * grouped from. A grain has several times fewer cells than days (a month about a quarter of the
 * batch at 200,000 responses), so nine GROUP BYs read it instead of the batch: one sort of the batch
 * per grain instead of one per summary, which was half the fold's time.
 */
function grainTable(sqlite: Database.Database, name: string, period: string, values: Record<string, string>): void {
  sqlite.exec(`DROP TABLE IF EXISTS temp.${name}`)
  const valueColumns = Object.entries(values).map(([column, sql]) => `${sql} AS ${column}`)
  const dims = cubeDims.join(', ')
  sqlite.exec(`CREATE TEMP TABLE ${name} AS
    SELECT fact, question_id, ${period} AS period, tag_id, ${dims}, ${valueColumns.join(', ')}, band, sum(n) AS n FROM temp.rollup_batch
    GROUP BY fact, question_id, 3, tag_id, ${dims}, ${Object.keys(values).map((_, i) => String(5 + cubeDims.length + i)).join(', ')}, band HAVING sum(n) <> 0`)
}

/** The upserts that add the batch to every summary: day cube, month cube, week and month slices. */
function applyBatch(sqlite: Database.Database): void {
  // The batch holds one row per day cell (foldRows groups them so): no GROUP BY, and an upsert adds up any two alike.
  sqlite.exec(`INSERT INTO rollup_day (${keyColumns}, n) SELECT fact, question_id, day, tag_id, ${cubeDims.join(', ')}, value, band, n FROM temp.rollup_batch WHERE n <> 0
    ON CONFLICT DO UPDATE SET n = n + excluded.n`)
  // A leaving's month-cube value (0) and its slice value (months since joining) differ: the month grain keeps both.
  grainTable(sqlite, 'rollup_grain_month', monthOf('day'), { cube_value: monthCubeValue, slice_value: sliceValue('month') })
  grainTable(sqlite, 'rollup_grain_week', weekOf('day'), { slice_value: sliceValue('week') })
  sqlite.exec(`INSERT INTO rollup_month (${keyColumns}, n)
    SELECT fact, question_id, period, tag_id, ${cubeDims.join(', ')}, cube_value, band, sum(n) FROM temp.rollup_grain_month WHERE true
    GROUP BY fact, question_id, period, tag_id, ${cubeDims.join(', ')}, cube_value, band HAVING sum(n) <> 0
    ON CONFLICT DO UPDATE SET n = n + excluded.n`)

  const slices: Array<[dim: number, grp: string | null, tagRows: string]> = [
    [SLICE_NONE, null, 'tag_id = 0'],
    ...cubeDims.map((d): [number, string, string] => [sliceDimNumber[d], d, 'tag_id = 0']),
    [sliceDimNumber.tag, 'tag_id', 'tag_id > 0'],
  ]
  for (const [grain, table] of [
    [GRAIN_WEEK, 'rollup_grain_week'],
    [GRAIN_MONTH, 'rollup_grain_month'],
  ] as const) {
    for (const [dim, grp, tagRows] of slices) {
      sqlite.exec(`INSERT INTO rollup_slices (grain, dim, fact, question_id, period, grp, value, band, n)
        SELECT ${grain}, ${dim}, fact, question_id, period, ${grp ?? '0'}, slice_value, band, sum(n) FROM temp.${table} WHERE ${tagRows}
        GROUP BY fact, question_id, period, ${grp ? `${grp}, ` : ''}slice_value, band HAVING sum(n) <> 0
        ON CONFLICT DO UPDATE SET n = n + excluded.n`)
    }
  }
  sqlite.exec('DROP TABLE temp.rollup_grain_month; DROP TABLE temp.rollup_grain_week')

  // Cells that went back to zero are removed, looking only at the periods this batch touched.
  sqlite.exec(`DELETE FROM rollup_day WHERE n = 0 AND (fact, question_id, period) IN (SELECT DISTINCT fact, question_id, day FROM temp.rollup_batch)`)
  sqlite.exec(`DELETE FROM rollup_month WHERE n = 0 AND (fact, question_id, period) IN (SELECT DISTINCT fact, question_id, ${monthOf('day')} FROM temp.rollup_batch)`)
  touchedSlices(sqlite)
  sqlite.exec(`DELETE FROM rollup_slices WHERE n = 0 AND (grain, dim, fact, question_id, period) IN (SELECT * FROM temp.rollup_touched)`)
  repackSlices(sqlite)
}

/** Every slice (grain, dimension, fact, question, period) the batch may have changed. */
function touchedSlices(sqlite: Database.Database): void {
  sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS rollup_touched (grain INTEGER NOT NULL, dim INTEGER NOT NULL, fact INTEGER NOT NULL, question_id INTEGER NOT NULL,
      period INTEGER NOT NULL, PRIMARY KEY (grain, dim, fact, question_id, period)) WITHOUT ROWID`)
  sqlite.exec('DELETE FROM temp.rollup_touched')
  sqlite.exec(`INSERT OR IGNORE INTO temp.rollup_touched
      WITH dims(dim) AS (VALUES ${[SLICE_NONE, ...Object.values(sliceDimNumber)].map((d) => `(${d})`).join(', ')}),
      cells AS (SELECT DISTINCT fact, question_id, day FROM temp.rollup_batch)
      SELECT ${GRAIN_WEEK}, dims.dim, b.fact, b.question_id, ${weekOf('b.day')} FROM cells b, dims
      UNION SELECT ${GRAIN_MONTH}, dims.dim, b.fact, b.question_id, ${monthOf('b.day')} FROM cells b, dims`)
}

/**
 * Rewrites the packs (what charts read, see migration 2026-11-25-rollup-slice-packs) of the touched
 * slices from their rows; a slice left without rows loses its pack.
 */
function repackSlices(sqlite: Database.Database): void {
  sqlite.exec('DELETE FROM rollup_slice_packs WHERE (grain, dim, fact, question_id, period) IN (SELECT * FROM temp.rollup_touched)')
  sqlite.exec(`INSERT INTO rollup_slice_packs (grain, dim, fact, question_id, period, cells)
    SELECT s.grain, s.dim, s.fact, s.question_id, s.period, ${packedCellsSql}
    FROM temp.rollup_touched t JOIN rollup_slices s USING (grain, dim, fact, question_id, period)
    GROUP BY s.grain, s.dim, s.fact, s.question_id, s.period`)
}

/**
 * Folds journal-shaped rows (`rows`: SQL of a relation with the journal's columns and delta) into the
 * summaries. The rows are summed per cell first (hours to resolution and lifecycle dates derived by
 * the app's own functions); the dimension values of those cells are interned, and the cells, with
 * the values' ids, are the batch. Interning from the summed cells reads far less than from the rows.
 */
function foldRows(sqlite: Database.Database, rows: { sql: string; params: Record<string, unknown> }, derive: FactDerivations): number {
  useDerivations(sqlite, derive)
  const value = `CASE fact WHEN ${FACT_SCORE} THEN score WHEN ${FACT_FOLLOW_UP} THEN cxdesk_ttr_hours(status, submitted_at, resolved_at) WHEN ${FACT_LEFT} THEN ${dayOf('cxdesk_local_day(joined_stamp)')} ELSE 0 END`
  const date = `CASE fact WHEN ${FACT_JOINED} THEN cxdesk_local_day(stamp) WHEN ${FACT_LEFT} THEN ${leaveDaySql} ELSE local_date END`
  // Positions in the grouped SELECT below: fact, question, day, tag, the dimensions, then value and band.
  const valueColumn = 5 + cubeDims.length
  sqlite.exec('DROP TABLE IF EXISTS temp.rollup_cells')
  sqlite
    .prepare(
      `CREATE TEMP TABLE rollup_cells AS
       SELECT fact, question_id, ${date} AS day_text, tag_id, ${cubeDims.join(', ')}, ${value} AS value, coalesce(band, ${NO_BAND}) AS band, sum(delta) AS n
       FROM (${rows.sql})
       GROUP BY fact, question_id, 3, tag_id, ${cubeDims.join(', ')}, ${valueColumn}, ${valueColumn + 1} HAVING sum(delta) <> 0 AND day_text IS NOT NULL`,
    )
    .run(rows.params)
  // A column at a time: each DISTINCT keeps a handful of values, where one UNION of all would sort every cell's dimensions.
  for (const d of cubeDims) sqlite.exec(`INSERT OR IGNORE INTO rollup_values (value) SELECT DISTINCT ${d} FROM temp.rollup_cells WHERE ${d} IS NOT NULL`)
  batchTable(sqlite)
  const folded = sqlite
    .prepare(
      `INSERT INTO temp.rollup_batch
       SELECT g.fact, g.question_id, ${dayOf('g.day_text')}, g.tag_id, ${cubeDims.map((d) => `coalesce(v_${d}.id, 0)`).join(', ')}, g.value, g.band, g.n
       FROM temp.rollup_cells AS g
       ${cubeDims.map((d) => `LEFT JOIN rollup_values v_${d} ON v_${d}.value = g.${d}`).join('\n')}`,
    )
    .run().changes
  sqlite.exec('DROP TABLE temp.rollup_cells')
  applyBatch(sqlite)
  return folded
}

/** Folds journal rows up to `upToId` into the summaries and removes them from the journal. */
export function foldJournal(sqlite: Database.Database, upToId: number, derive: FactDerivations): number {
  const upTo = { upTo: upToId }
  const folded = foldRows(sqlite, { sql: 'SELECT * FROM rollup_journal WHERE id <= @upTo', params: upTo }, derive)
  sqlite.prepare('DELETE FROM rollup_journal WHERE id <= @upTo').run(upTo)
  return folded
}

/**
 * Folds the selected responses (scores and follow-ups, with their tags) straight into the
 * summaries: the same cells as journalResponsesPerRow followed by a fold, without writing a journal
 * row per response and deleting it again. For the many new rows at the end of an import, in its
 * transaction, so the workspace answers from folded summaries as soon as it commits.
 */
export function foldResponses(sqlite: Database.Database, sel: JournalSelection, derive: FactDerivations): number {
  return foldRows(sqlite, { sql: perRowJournal(sel).join(' UNION ALL '), params: sel.params ?? {} }, derive)
}

/**
 * Planner statistics for the month cube, the one summary read through a choice of indexes (one per
 * filtered dimension). Without them SQLite guesses, and with three filters it walks the least
 * selective dimension's index. A sampled ANALYZE (analysis_limit) only sees the first question's
 * first rows and gives every index the same figures, so this one reads the whole cube: seconds at a
 * million responses, which is why only large folds and rebuilds call it.
 */
export function analyzeSummaries(sqlite: Database.Database): void {
  const limit = sqlite.pragma('analysis_limit', { simple: true }) as number
  sqlite.pragma('analysis_limit = 0')
  try {
    sqlite.exec('ANALYZE rollup_month')
  } finally {
    sqlite.pragma(`analysis_limit = ${limit}`)
  }
}

/**
 * Makes this connection plan with the statistics another connection (the fold worker) wrote: they
 * are read with the schema, and ANALYZE does not change the schema's version.
 */
export function reloadStatistics(sqlite: Database.Database): void {
  sqlite.exec('ANALYZE sqlite_schema')
}

/** Empties every summary and the journal (before a rebuild from the responses and customers). */
export function clearRollups(sqlite: Database.Database): void {
  sqlite.exec('DELETE FROM rollup_journal; DELETE FROM rollup_day; DELETE FROM rollup_month; DELETE FROM rollup_slices; DELETE FROM rollup_slice_packs; DELETE FROM rollup_values')
}

const followUp = `(r.band = -1 OR r.status IN ('in_progress', 'resolved'))`

/** Which responses or customers a journal write covers, and how they count. */
export interface JournalSelection {
  /** SQL over `r` (responses) or `c` (customers), with named parameters. */
  where: string
  params?: Record<string, unknown>
  /** Where the customers' segment and lifecycle facts are read: `customers`, or a snapshot of them with the same columns. */
  customers?: string
  /** −1 takes the rows out of the summaries (their state before a change), 1 (the default) puts them in. */
  sign?: 1 | -1
}

/**
 * The journal rows of the selected responses (scores and follow-ups, with their tags), exactly what
 * the response triggers would have written for them, summed per journal cell.
 */
export function journalResponses(sqlite: Database.Database, sel: JournalSelection): void {
  const dims = `r.channel, r.touchpoint, r.stage, r.location, r.language, c.segment, r.owner`
  const delta = sel.sign === -1 ? '-count(*)' : 'count(*)'
  const customers = sel.customers ?? 'customers'
  for (const [tag, source] of [
    ['0', 'responses r'],
    ['rt.tag_id', 'responses r JOIN response_tags rt ON rt.response_id = r.id'],
  ]) {
    const group = (cols: string) => `GROUP BY ${tag === '0' ? '' : `${tag}, `}${cols}`
    sqlite
      .prepare(
        `INSERT INTO rollup_journal (${journalColumns})
         SELECT ${FACT_SCORE}, coalesce(r.question_id, 0), r.local_date, r.score, r.band, NULL, NULL, NULL, NULL, ${tag}, ${dims}, ${delta}
         FROM ${source} LEFT JOIN ${customers} c ON c.id = r.customer_id
         WHERE (${sel.where}) AND r.score IS NOT NULL ${group(`r.question_id, r.local_date, r.score, r.band, ${dims}`)}`,
      )
      .run(sel.params ?? {})
    sqlite
      .prepare(
        `INSERT INTO rollup_journal (${journalColumns})
         SELECT ${FACT_FOLLOW_UP}, coalesce(r.question_id, 0), r.local_date, NULL, r.band, r.status, r.submitted_at, r.resolved_at, NULL, ${tag}, ${dims}, ${delta}
         FROM ${source} LEFT JOIN ${customers} c ON c.id = r.customer_id
         WHERE (${sel.where}) AND ${followUp} ${group(`r.question_id, r.local_date, r.band, r.status, r.submitted_at, r.resolved_at, ${dims}`)}`,
      )
      .run(sel.params ?? {})
  }
}

/**
 * The same journal rows as journalResponses, one per response and fact instead of one per cell, in
 * one pass over the responses (both facts from each row). For the many new rows of an import:
 * summing them is the fold's work anyway, and grouping (a sort of every row) or a pass per fact took
 * several times longer than writing the rows.
 */
export function journalResponsesPerRow(sqlite: Database.Database, sel: JournalSelection): void {
  for (const select of perRowJournal(sel)) sqlite.prepare(`INSERT INTO rollup_journal (${journalColumns}, joined_stamp) ${select}`).run(sel.params ?? {})
}

/** The SELECTs of journalResponsesPerRow: the responses' own rows, and their tags' rows. */
function perRowJournal(sel: JournalSelection): string[] {
  const delta = String(sel.sign ?? 1)
  const ifFact = (fact: number, expr: string) => `CASE f.fact WHEN ${fact} THEN ${expr} END`
  return [
    ['0', 'responses r'],
    ['rt.tag_id', 'response_tags rt JOIN responses r ON r.id = rt.response_id'],
  ].map(
    ([tag, source]) =>
      `SELECT f.fact AS fact, coalesce(r.question_id, 0) AS question_id, r.local_date AS local_date, ${ifFact(FACT_SCORE, 'r.score')} AS score, r.band AS band,
         ${ifFact(FACT_FOLLOW_UP, 'r.status')} AS status, ${ifFact(FACT_FOLLOW_UP, 'r.submitted_at')} AS submitted_at,
         ${ifFact(FACT_FOLLOW_UP, 'r.resolved_at')} AS resolved_at, NULL AS stamp, ${tag} AS tag_id, r.channel AS channel, r.touchpoint AS touchpoint,
         r.stage AS stage, r.location AS location, r.language AS language, c.segment AS segment, r.owner AS owner, ${delta} AS delta, NULL AS joined_stamp
       FROM ${source} CROSS JOIN (SELECT ${FACT_SCORE} AS fact UNION ALL SELECT ${FACT_FOLLOW_UP}) f LEFT JOIN ${sel.customers ?? 'customers'} c ON c.id = r.customer_id
       WHERE (${sel.where}) AND CASE f.fact WHEN ${FACT_SCORE} THEN r.score IS NOT NULL ELSE ${followUp} END`,
  )
}

/** The journal rows of the responses (scores and follow-ups, with their tags) in one question (0: none) and a range of local dates. */
export function journalFromResponses(sqlite: Database.Database, questionId: number, fromDate: string, beforeDate: string): void {
  const question = questionId ? 'r.question_id = @q' : 'r.question_id IS NULL'
  journalResponses(sqlite, { where: `${question} AND r.local_date >= @from AND r.local_date < @before`, params: { q: questionId, from: fromDate, before: beforeDate } })
}

/** The journal rows of the selected customers' lifecycle (joined, and left, each with the join date), as the customer triggers write them. */
export function journalCustomers(sqlite: Database.Database, sel: JournalSelection): void {
  const delta = sel.sign === -1 ? '-count(*)' : 'count(*)'
  for (const [fact, stamp] of [
    [FACT_JOINED, 'customer_since'],
    [FACT_LEFT, 'churned_at'],
  ] as const) {
    sqlite
      .prepare(
        `INSERT INTO rollup_journal (${journalColumns}, joined_stamp)
         SELECT ${fact}, 0, NULL, NULL, NULL, NULL, NULL, NULL, c.${stamp}, 0, NULL, NULL, NULL, c.location, NULL, c.segment, NULL, ${delta}, c.customer_since FROM ${sel.customers ?? 'customers'} c
         WHERE (${sel.where}) AND c.customer_since IS NOT NULL AND (c.churned_at IS NULL OR c.churned_at >= c.customer_since) AND c.${stamp} IS NOT NULL
         GROUP BY c.${stamp}, c.customer_since, c.location, c.segment`,
      )
      .run(sel.params ?? {})
  }
}

/** The journal rows of every customer's lifecycle (joined, and left). */
export function journalFromCustomers(sqlite: Database.Database): void {
  journalCustomers(sqlite, { where: 'true' })
}

/** The questions (0: feedback without one) and the first and last local dates of their responses, to cut a rebuild into steps. */
export function responseSpan(sqlite: Database.Database): Array<{ questionId: number; first: string; last: string }> {
  const rows = sqlite
    .prepare(
      `SELECT q.id AS questionId, (SELECT min(local_date) FROM responses WHERE question_id = q.id) AS first,
              (SELECT max(local_date) FROM responses WHERE question_id = q.id) AS last FROM questions q
       UNION ALL SELECT 0, min(local_date), max(local_date) FROM responses WHERE question_id IS NULL`,
    )
    .all() as Array<{ questionId: number; first: string | null; last: string | null }>
  return rows.flatMap((r) => (r.first && r.last ? [{ questionId: r.questionId, first: r.first, last: r.last }] : []))
}

/** The rollup triggers as they were created (by whichever migration), to take them out during a bulk rewrite. */
export function rollupTriggers(sqlite: Database.Database): Array<{ name: string; sql: string }> {
  return sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rollup\\_%' ESCAPE '\\' ORDER BY name`).all() as Array<{
    name: string
    sql: string
  }>
}

export function dropTriggers(sqlite: Database.Database, triggers: Array<{ name: string }>): void {
  for (const t of triggers) sqlite.exec(`DROP TRIGGER IF EXISTS "${t.name.replaceAll('"', '""')}"`)
}

export function createTriggers(sqlite: Database.Database, triggers: Array<{ sql: string }>): void {
  for (const t of triggers) sqlite.exec(t.sql)
}

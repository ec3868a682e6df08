import type Database from 'better-sqlite3'
import { statement } from '../../db/statements'
import { dateOfDayNumber, dayNumber } from '../../../src-shared/domain/periods'
import { remembered, remembersReads, snapshotRows } from './rollupSnapshotRepository'
import { FACT_FOLLOW_UP, FACT_JOINED, FACT_LEFT, FACT_SCORE, GRAIN_MONTH, NO_BAND, SLICE_NONE, cubeDims, leaveDaySql, sliceDimNumber, unpackCells, type CubeDim } from './layout'

/**
 * Raw SQL on purpose (the Scores page's hot path, a few dozen reads per view): statements prepared
 * once per connection that return arrays, not objects ('raw' mode), over column lists generated
 * from the cube layout — Kysely would build objects per row and compile every call.
 *
 * Reads from the rollup summaries and the journal. Each returns raw count rows
 * [period or local date, group, question id, value, band, n] of one fact; the metrics engine nets and labels them.
 */
export type TierRow = [period: number, grp: number, questionId: number, value: number, band: number, n: number]
export type JournalRow = [localDate: string, grp: string | number | null, questionId: number, value: number, band: number, n: number]

/** Days outside any real data, standing in for an open end of a range (±Infinity) in SQL. */
const FAR = 100_000_000
const bound = (day: number) => Math.max(-FAR, Math.min(FAR, day))

export interface TierSelection {
  fact: number
  questionIds: number[]
  /** Inclusive day numbers of the period starts to read. */
  fromPeriod: number
  toPeriod: number
  bands?: number[]
  /** Value ids per filtered dimension (any of). */
  dims: Partial<Record<CubeDim, number[]>>
  /** One tag the responses must carry. */
  tagId?: number
  /** Group by a dimension (value id) or by tag (tag id); otherwise every row has group 0. */
  groupBy?: CubeDim | 'tag'
}

/** Filter lists vary in length; each shape of statement is prepared once per connection. */
const prepared = (sqlite: Database.Database, sql: string) => statement(sqlite, sql, 'raw')

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ')

/** One of the cubes (rollup_day or rollup_month), filtered on any dimensions and summed per group. */
export function readCube(sqlite: Database.Database, table: 'rollup_day' | 'rollup_month', s: TierSelection): TierRow[] {
  if (!s.questionIds.length) return []
  if (sharesCells(sqlite, table, s)) return groupCells(readCubeCells(sqlite, table, s), s)
  const { where, params } = cubeWhere(s)
  const grp = s.groupBy === 'tag' ? 'tag_id' : s.groupBy
  const sql = `SELECT period, ${grp ?? '0'}, question_id, value, band, sum(n) FROM ${table} WHERE ${where}
    GROUP BY period, ${grp ? `${grp}, ` : ''}question_id, value, band`
  return snapshotRows<TierRow>(sqlite, prepared(sqlite, sql), sql, params)
}

/** The WHERE of a cube read; `tags` overrides which rows of tags it keeps (the shared reads: the responses' own, or every tag's). */
function cubeWhere(s: TierSelection, tags?: 'none' | 'every'): { where: string; params: number[] } {
  const where = ['fact = ?', `question_id IN (${marks(s.questionIds.length)})`, 'period BETWEEN ? AND ?']
  const params: number[] = [s.fact, ...s.questionIds, bound(s.fromPeriod), bound(s.toPeriod)]
  if (tags === 'every' || (!tags && s.groupBy === 'tag')) where.push('tag_id > 0')
  else {
    where.push('tag_id = ?')
    params.push(tags === 'none' ? 0 : (s.tagId ?? 0))
  }
  for (const d of cubeDims) {
    const ids = s.dims[d]
    if (!ids) continue
    where.push(`${d} IN (${marks(ids.length)})`)
    params.push(...ids)
  }
  if (s.bands) {
    where.push(`band IN (${marks(s.bands.length)})`)
    params.push(...s.bands)
  }
  return { where: where.join(' AND '), params }
}

/**
 * With two or more dimensions filtered, the month cube's matching cells are few (an intersection),
 * and the Scores page asks for them once per breakdown (overall, by channel, touchpoint, stage,
 * location…). Inside a remembered snapshot those calls share one read of the cells, every
 * dimension kept, each summing them per its own group here instead of walking the index again.
 * The responses' own rows (tag 0) and the tags' rows are read apart: the filter indexes hold
 * tag_id before period, so each read walks only its own rows, and the tags' (most of the cube)
 * only when something asks for a theme (drivers, a tag filter).
 * One filter (or none) leaves too many cells to bring into JS: such reads stay grouped in SQL.
 */
function sharesCells(sqlite: Database.Database, table: 'rollup_day' | 'rollup_month', s: TierSelection): boolean {
  return table === 'rollup_month' && Object.keys(s.dims).length >= 2 && remembersReads(sqlite)
}

/** A cube cell: [period, question id, value, band, tag id, the value id of each of cubeDims, n]. */
type CellRow = number[]
const CELL_TAG = 4
const CELL_N = 5 + cubeDims.length

/**
 * The cells of a selection, whatever its grouping and period. The responses' own cells are read for
 * every question of the workspace (NPS, CSAT and CES of one page share the read); the tags' cells
 * for the selection's questions only (the drivers by theme ask for one metric).
 */
function readCubeCells(sqlite: Database.Database, table: 'rollup_day' | 'rollup_month', s: TierSelection): CellRow[] {
  const tags = s.groupBy === 'tag' || s.tagId !== undefined
  const questionIds = tags ? s.questionIds : remembered(sqlite, 'questionIds', () => [0, ...(statement(sqlite, 'SELECT id FROM questions ORDER BY id', 'pluck').all() as number[])])
  const { where, params } = cubeWhere({ ...s, ...wholeYears(s.fromPeriod, s.toPeriod), questionIds }, tags ? 'every' : 'none')
  const index = filterIndex(sqlite, s.dims)
  const sql = `SELECT period, question_id, value, band, tag_id, ${cubeDims.join(', ')}, n FROM ${table} ${index ? `INDEXED BY ${index} ` : ''}WHERE ${where}`
  return snapshotRows<CellRow>(sqlite, prepared(sqlite, sql), sql, params)
}

/** The dimensions with a month cube filter index, rollup_month_<dim> (migration 2026-11-27-month-cube-tag-indexes): fact, question, the dimension, tag, period. */
const monthFilterDims: ReadonlySet<CubeDim> = new Set(['location', 'channel', 'touchpoint', 'segment'])

/**
 * The filter index a shared read walks: the filtered dimension with the fewest rows per value in the
 * planner's own statistics (sqlite_stat1: rows per fact, question and value), times the values asked
 * for. SQLite's planner, given a list of questions and a period range, takes the segment index even
 * where the location's holds fewer rows per value (at a million responses: 2.0 ms against 1.5 for the
 * same cells). Null without statistics, leaving the choice to SQLite.
 */
function filterIndex(sqlite: Database.Database, dims: Partial<Record<CubeDim, number[]>>): string | null {
  const rowsPerValue = remembered(sqlite, 'monthIndexRows', () => {
    const hasStats = statement(sqlite, `SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat1'`, 'pluck').get() !== undefined
    const stats = hasStats ? (statement(sqlite, `SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'rollup_month'`, 'raw').all() as Array<[string, string]>) : []
    return new Map(stats.map(([idx, stat]) => [idx, Number(stat.split(' ')[3])]))
  })
  let best: { index: string; rows: number } | null = null
  for (const [dim, ids] of Object.entries(dims) as Array<[CubeDim, number[]]>) {
    const index = `rollup_month_${dim}`
    const perValue = monthFilterDims.has(dim) ? rowsPerValue.get(index) : undefined
    if (!perValue) continue
    const rows = perValue * ids.length
    if (!best || rows < best.rows) best = { index, rows }
  }
  return best?.index ?? null
}

/**
 * The calendar years around a range of periods. A page asks for this month, the month before and
 * the year's months; reading whole years lets all of them share one read, each keeping its periods.
 */
function wholeYears(from: number, to: number): { fromPeriod: number; toPeriod: number } {
  // An open end (±Infinity, or the far day standing in for it) stays open.
  if (Math.abs(from) >= FAR || Math.abs(to) >= FAR) return { fromPeriod: from, toPeriod: to }
  const year = (day: number) => Number(dateOfDayNumber(day).slice(0, 4))
  return { fromPeriod: dayNumber(`${year(from)}-01-01`), toPeriod: dayNumber(`${year(to)}-12-31`) }
}

/** The cells of a selection's questions and tag summed per (period, group, question, value, band), as the grouped SQL read returns them. */
export function groupCells(cells: readonly CellRow[], s: Pick<TierSelection, 'questionIds' | 'groupBy' | 'tagId' | 'fromPeriod' | 'toPeriod'>): TierRow[] {
  const { groupBy } = s
  const column = groupBy === undefined ? -1 : groupBy === 'tag' ? CELL_TAG : CELL_TAG + 1 + cubeDims.indexOf(groupBy)
  const tag = s.tagId ?? 0
  const wanted = new Set(s.questionIds)
  const keyOf = cellKeys(cells)
  const sums = new Map<number | string, TierRow>()
  for (const c of cells) {
    if (c[0] < s.fromPeriod || c[0] > s.toPeriod || !wanted.has(c[1]) || (groupBy === 'tag' ? c[CELL_TAG] === 0 : c[CELL_TAG] !== tag)) continue
    const grp = column < 0 ? 0 : c[column]
    const key = keyOf(c, grp)
    const row = sums.get(key)
    if (row) row[5] += c[CELL_N]
    else sums.set(key, [c[0], grp, c[1], c[2], c[3], c[CELL_N]])
  }
  return [...sums.values()]
}

type CellKey = (c: CellRow, grp: number) => number | string
const keysOfCells = new WeakMap<readonly CellRow[], CellKey>()

/**
 * How the cells of one read are told apart per (period, group, question, value, band): a page sums
 * the same read a dozen times, and a number built from the ranges this read holds is a cheaper
 * map key than a string (a string only when the ranges would not fit a double exactly).
 */
function cellKeys(cells: readonly CellRow[]): CellKey {
  let keyOf = keysOfCells.get(cells)
  if (keyOf) return keyOf
  let [minPeriod, maxPeriod, maxQuestion, minValue, maxValue, maxId] = [Infinity, -Infinity, 0, Infinity, -Infinity, 0]
  for (const c of cells) {
    minPeriod = Math.min(minPeriod, c[0])
    maxPeriod = Math.max(maxPeriod, c[0])
    maxQuestion = Math.max(maxQuestion, c[1])
    minValue = Math.min(minValue, c[2])
    maxValue = Math.max(maxValue, c[2])
    for (let i = CELL_TAG; i < CELL_N; i++) maxId = Math.max(maxId, c[i])
  }
  const [periods, ids, questions, values] = [maxPeriod - minPeriod + 1, maxId + 1, maxQuestion + 1, maxValue - minValue + 1]
  // Bands are −1…2: four of them.
  keyOf =
    periods * ids * questions * values * 4 < Number.MAX_SAFE_INTEGER
      ? (c, grp) => (((c[0] - minPeriod) * ids + grp) * questions + c[1]) * values * 4 + (c[2] - minValue) * 4 + c[3] + 1
      : (c, grp) => `${c[0]},${grp},${c[1]},${c[2]},${c[3]}`
  keysOfCells.set(cells, keyOf)
  return keyOf
}

/** The packs of one slice at a grain: one row per period and question holding every (group, value, band, n) of it (see unpackCells). */
export function readSlicePacks(
  sqlite: Database.Database,
  grain: number,
  dim: number,
  s: { fact: number; questionIds: number[]; fromPeriod: number; toPeriod: number },
): Array<[period: number, questionId: number, cells: Uint8Array]> {
  if (!s.questionIds.length) return []
  const sql = `SELECT period, question_id, cells FROM rollup_slice_packs
    WHERE grain = ? AND dim = ? AND fact = ? AND question_id IN (${marks(s.questionIds.length)}) AND period BETWEEN ? AND ?`
  return prepared(sqlite, sql).all(grain, dim, s.fact, ...s.questionIds, bound(s.fromPeriod), bound(s.toPeriod)) as Array<[number, number, Uint8Array]>
}

/**
 * One slice (a single dimension, or none) at a grain, from its packs, unpacked with the filters
 * applied. Summed over the groups unless `grouped`.
 */
export function readSlice(
  sqlite: Database.Database,
  grain: number,
  dim: number,
  s: { fact: number; questionIds: number[]; fromPeriod: number; toPeriod: number; bands?: number[]; grps?: number[]; grouped: boolean },
): TierRow[] {
  const key = `slice\u0000${JSON.stringify([grain, dim, s.fact, s.questionIds, s.fromPeriod, s.toPeriod, s.grps ?? null, s.bands ?? null, s.grouped])}`
  return remembered(sqlite, key, () => unpackSlice(readSlicePacks(sqlite, grain, dim, s), dim, s))
}

function unpackSlice(packs: ReadonlyArray<[period: number, questionId: number, cells: Uint8Array]>, dim: number, s: { bands?: number[]; grps?: number[]; grouped: boolean }): TierRow[] {
  const grps = s.grps ? new Set(s.grps) : null
  const bands = s.bands ? new Set(s.bands) : null
  // Rows of one group (no dimension, or one value of it) are one per cell already; otherwise, ungrouped, the groups are summed per value and band.
  const oneGroup = dim === SLICE_NONE || grps?.size === 1
  const sums = !s.grouped && !oneGroup ? new Map<number, TierRow>() : null
  const out: TierRow[] = []
  for (const [period, questionId, cells] of packs) {
    sums?.clear()
    const c = unpackCells(cells)
    for (let i = 0; i < c.length; i += 4) {
      const [grp, value, band, n] = [c[i], c[i + 1], c[i + 2], c[i + 3]]
      if ((grps && !grps.has(grp)) || (bands && !bands.has(band))) continue
      if (!sums) {
        out.push([period, s.grouped ? grp : 0, questionId, value, band, n])
        continue
      }
      // band is −1…2, so 4·value + band + 1 names each (value, band) once.
      const cell = value * 4 + band + 1
      const row = sums.get(cell)
      if (row) row[5] += n
      else {
        const fresh: TierRow = [period, 0, questionId, value, band, n]
        sums.set(cell, fresh)
        out.push(fresh)
      }
    }
  }
  return out
}

export interface JournalSelection {
  fact: number
  questionIds: number[]
  fromDate?: string
  toDate?: string
  bands?: number[]
  dims: Partial<Record<CubeDim, string[]>>
  tagId?: number
  groupBy?: CubeDim | 'tag'
}

/**
 * The journal rows not folded yet, with the same filters (on the stored values, not ids). Values
 * the summaries hold derived (hours, lifecycle dates) are derived here by the same SQL functions,
 * which the caller registers (see foldJournal); date filters apply after deriving.
 */
export function readJournal(sqlite: Database.Database, s: JournalSelection): JournalRow[] {
  if (!s.questionIds.length) return []
  const where = ['fact = ?', `question_id IN (${marks(s.questionIds.length)})`]
  const params: Array<string | number> = [s.fact, ...s.questionIds]
  if (s.groupBy === 'tag') where.push('tag_id > 0')
  else {
    where.push('tag_id = ?')
    params.push(s.tagId ?? 0)
  }
  for (const d of cubeDims) {
    const values = s.dims[d]
    if (!values) continue
    where.push(`${d} IN (${marks(values.length)})`)
    params.push(...values)
  }
  if (s.bands) {
    where.push(`coalesce(band, ${NO_BAND}) IN (${marks(s.bands.length)})`)
    params.push(...s.bands)
  }
  const grp = s.groupBy === 'tag' ? 'tag_id' : s.groupBy
  const date = s.fact === FACT_JOINED ? 'cxdesk_local_day(stamp)' : s.fact === FACT_LEFT ? leaveDaySql : 'local_date'
  const value = s.fact === FACT_SCORE ? 'score' : s.fact === FACT_FOLLOW_UP ? 'cxdesk_ttr_hours(status, submitted_at, resolved_at)' : '0'
  const range = [...(s.fromDate ? ['day_text >= ?'] : []), ...(s.toDate ? ['day_text <= ?'] : [])]
  const sql = `SELECT day_text, grp, question_id, value, band, sum(delta) FROM (
      SELECT ${date} AS day_text, ${grp ?? 'NULL'} AS grp, question_id, ${value} AS value, coalesce(band, ${NO_BAND}) AS band, delta
      FROM rollup_journal WHERE ${where.join(' AND ')})
    WHERE day_text IS NOT NULL ${range.map((r) => `AND ${r}`).join(' ')}
    GROUP BY day_text, grp, question_id, value, band`
  return prepared(sqlite, sql).all(...params, ...(s.fromDate ? [s.fromDate] : []), ...(s.toDate ? [s.toDate] : [])) as JournalRow[]
}

/** Value ids of dimension values (values never seen have no id and match nothing in the summaries). */
export function valueIds(sqlite: Database.Database, values: readonly string[]): number[] {
  if (!values.length) return []
  const sql = `SELECT id FROM rollup_values WHERE value IN (${marks(values.length)})`
  return snapshotRows<[number]>(sqlite, prepared(sqlite, sql), sql, values).map((r) => r[0])
}

export function valueNames(sqlite: Database.Database, ids: readonly number[]): Map<number, string> {
  const wanted = [...new Set(ids)].filter((id) => id !== 0)
  if (!wanted.length) return new Map()
  const rows = prepared(sqlite, `SELECT id, value FROM rollup_values WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(wanted)) as Array<[number, string]>
  return new Map(rows)
}

/** Tag ids by name, compared the way the tags table compares names (case-insensitively). */
export function tagIds(sqlite: Database.Database, names: readonly string[]): number[] {
  if (!names.length) return []
  const sql = `SELECT id FROM tags WHERE name IN (${marks(names.length)})`
  return snapshotRows<[number]>(sqlite, prepared(sqlite, sql), sql, names).map((r) => r[0])
}

export function tagNames(sqlite: Database.Database, ids: readonly number[]): Map<number, string> {
  const wanted = [...new Set(ids)]
  if (!wanted.length) return new Map()
  const rows = prepared(sqlite, `SELECT id, name FROM tags WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(wanted)) as Array<[number, string]>
  return new Map(rows)
}

/**
 * Responses per value of every sliced dimension: from the summaries as [slice dim, value or tag id, n],
 * and from the journal as [slice dim, value, n] and [tag id, n].
 */
/**
 * facetCounts for one dimension (not tags): [value id, n] from the summaries — a range of their
 * primary key (grain, dim, fact, …), not the whole table — and [value, n] from the journal.
 */
export function facetCountsOf(sqlite: Database.Database, dim: CubeDim) {
  const summarised = prepared(sqlite, `SELECT grp, sum(n) FROM rollup_slices WHERE grain = ${GRAIN_MONTH} AND dim = ${sliceDimNumber[dim]} AND fact = ${FACT_SCORE} GROUP BY grp`).all() as Array<[number, number]>
  const journal = prepared(sqlite, `SELECT ${dim}, sum(delta) FROM rollup_journal WHERE tag_id = 0 AND fact = ${FACT_SCORE} GROUP BY ${dim}`).all() as Array<[string | null, number]>
  return { summarised, journal }
}

export function facetCounts(sqlite: Database.Database) {
  const summarised = sqlite.prepare(`SELECT dim, grp, sum(n) FROM rollup_slices WHERE grain = ${GRAIN_MONTH} AND dim > 0 AND fact = ${FACT_SCORE} GROUP BY dim, grp`).raw(true).all() as Array<[number, number, number]>
  const journal = cubeDims.flatMap((d) =>
    (sqlite.prepare(`SELECT ${d}, sum(delta) FROM rollup_journal WHERE tag_id = 0 AND fact = ${FACT_SCORE} GROUP BY ${d}`).raw(true).all() as Array<[string | null, number]>).map(([value, n]) => [sliceDimNumber[d], value, n] as const),
  )
  const journalTags = sqlite.prepare(`SELECT tag_id, sum(delta) FROM rollup_journal WHERE tag_id > 0 AND fact = ${FACT_SCORE} GROUP BY tag_id`).raw(true).all() as Array<[number, number]>
  return { summarised, journal, journalTags }
}

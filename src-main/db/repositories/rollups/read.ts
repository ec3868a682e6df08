import type Database from 'better-sqlite3'
import { GRAIN_MONTH, NO_BAND, cubeDims, type CubeDim } from './layout'

/**
 * Reads from the rollup summaries and the journal. Each returns raw count rows
 * [period or local date, group, question id, score, band, n]; the metrics engine nets and labels them.
 */
export type TierRow = [period: number, grp: number, questionId: number, score: number, band: number, n: number]
export type JournalRow = [localDate: string, grp: string | number | null, questionId: number, score: number, band: number, n: number]

export interface TierSelection {
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

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>()

/** Filter lists vary in length; each shape of statement is prepared once per connection. */
function prepared(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(sqlite)
  if (!cache) statements.set(sqlite, (cache = new Map()))
  let stmt = cache.get(sql)
  if (!stmt) cache.set(sql, (stmt = sqlite.prepare(sql).raw(true)))
  return stmt
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ')

/** One of the cubes (rollup_day or rollup_month), filtered on any dimensions and summed per group. */
export function readCube(sqlite: Database.Database, table: 'rollup_day' | 'rollup_month', s: TierSelection): TierRow[] {
  if (!s.questionIds.length) return []
  const where = [`question_id IN (${marks(s.questionIds.length)})`, 'period BETWEEN ? AND ?']
  const params: number[] = [...s.questionIds, s.fromPeriod, s.toPeriod]
  if (s.groupBy === 'tag') where.push('tag_id > 0')
  else {
    where.push('tag_id = ?')
    params.push(s.tagId ?? 0)
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
  const grp = s.groupBy === 'tag' ? 'tag_id' : s.groupBy
  const sql = `SELECT period, ${grp ?? '0'}, question_id, score, band, sum(n) FROM ${table} WHERE ${where.join(' AND ')}
    GROUP BY period, ${grp ? `${grp}, ` : ''}question_id, score, band`
  return prepared(sqlite, sql).all(...params) as TierRow[]
}

/** One slice (a single dimension, or none) of rollup_slices at a grain. */
export function readSlice(sqlite: Database.Database, grain: number, dim: number, s: { questionIds: number[]; fromPeriod: number; toPeriod: number; bands?: number[]; grps?: number[]; grouped: boolean }): TierRow[] {
  if (!s.questionIds.length) return []
  const where = ['grain = ?', 'dim = ?', `question_id IN (${marks(s.questionIds.length)})`, 'period BETWEEN ? AND ?']
  const params: number[] = [grain, dim, ...s.questionIds, s.fromPeriod, s.toPeriod]
  if (s.grps) {
    where.push(`grp IN (${marks(s.grps.length)})`)
    params.push(...s.grps)
  }
  if (s.bands) {
    where.push(`band IN (${marks(s.bands.length)})`)
    params.push(...s.bands)
  }
  const sql = s.grouped
    ? `SELECT period, grp, question_id, score, band, n FROM rollup_slices WHERE ${where.join(' AND ')}`
    : `SELECT period, 0, question_id, score, band, sum(n) FROM rollup_slices WHERE ${where.join(' AND ')} GROUP BY period, question_id, score, band`
  return prepared(sqlite, sql).all(...params) as TierRow[]
}

export interface JournalSelection {
  questionIds: number[]
  fromDate?: string
  toDate?: string
  bands?: number[]
  dims: Partial<Record<CubeDim, string[]>>
  tagId?: number
  groupBy?: CubeDim | 'tag'
}

/** The journal rows not folded yet, with the same filters (on the stored values, not ids). */
export function readJournal(sqlite: Database.Database, s: JournalSelection): JournalRow[] {
  if (!s.questionIds.length) return []
  const where = [`question_id IN (${marks(s.questionIds.length)})`]
  const params: Array<string | number> = [...s.questionIds]
  if (s.fromDate) {
    where.push('local_date >= ?')
    params.push(s.fromDate)
  }
  if (s.toDate) {
    where.push('local_date <= ?')
    params.push(s.toDate)
  }
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
  const sql = `SELECT local_date, ${grp ?? 'NULL'}, question_id, score, coalesce(band, ${NO_BAND}), sum(delta) FROM rollup_journal WHERE ${where.join(' AND ')}
    GROUP BY local_date, ${grp ? `${grp}, ` : ''}question_id, score, coalesce(band, ${NO_BAND})`
  return prepared(sqlite, sql).all(...params) as JournalRow[]
}

/** Value ids of dimension values (values never seen have no id and match nothing in the summaries). */
export function valueIds(sqlite: Database.Database, values: readonly string[]): number[] {
  if (!values.length) return []
  return prepared(sqlite, `SELECT id FROM rollup_values WHERE value IN (${marks(values.length)})`)
    .all(...values)
    .map((r) => (r as [number])[0])
}

export function valueNames(sqlite: Database.Database, ids: readonly number[]): Map<number, string> {
  const wanted = [...new Set(ids)].filter((id) => id !== 0)
  if (!wanted.length) return new Map()
  const rows = sqlite.prepare(`SELECT id, value FROM rollup_values WHERE id IN (SELECT value FROM json_each(?))`).raw(true).all(JSON.stringify(wanted)) as Array<[number, string]>
  return new Map(rows)
}

/** Tag ids by name, compared the way the tags table compares names (case-insensitively). */
export function tagIds(sqlite: Database.Database, names: readonly string[]): number[] {
  if (!names.length) return []
  return prepared(sqlite, `SELECT id FROM tags WHERE name IN (${marks(names.length)})`)
    .all(...names)
    .map((r) => (r as [number])[0])
}

export function tagNames(sqlite: Database.Database, ids: readonly number[]): Map<number, string> {
  const wanted = [...new Set(ids)]
  if (!wanted.length) return new Map()
  const rows = sqlite.prepare(`SELECT id, name FROM tags WHERE id IN (SELECT value FROM json_each(?))`).raw(true).all(JSON.stringify(wanted)) as Array<[number, string]>
  return new Map(rows)
}

/**
 * Responses per value of every sliced dimension: from the summaries as [slice dim, value or tag id, n],
 * and from the journal as [slice dim, value, n] and [tag id, n].
 */
export function facetCounts(sqlite: Database.Database) {
  const summarised = sqlite.prepare(`SELECT dim, grp, sum(n) FROM rollup_slices WHERE grain = ${GRAIN_MONTH} AND dim > 0 GROUP BY dim, grp`).raw(true).all() as Array<[number, number, number]>
  const journal = cubeDims.flatMap((d, i) =>
    (sqlite.prepare(`SELECT ${d}, sum(delta) FROM rollup_journal WHERE tag_id = 0 GROUP BY ${d}`).raw(true).all() as Array<[string | null, number]>).map(([value, n]) => [i + 1, value, n] as const),
  )
  const journalTags = sqlite.prepare(`SELECT tag_id, sum(delta) FROM rollup_journal WHERE tag_id > 0 GROUP BY tag_id`).raw(true).all() as Array<[number, number]>
  return { summarised, journal, journalTags }
}

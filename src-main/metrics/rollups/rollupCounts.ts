import type { Sqlite } from '../../db/sqlite'
import type { Dimension, FeedbackFilter } from '../../../src-shared/api/filters'
import { dateOfDayNumber, dayNumber, type PeriodUnit } from '../../../src-shared/domain/periods'
import { bandValue, type Direction, type MetricKind } from '../../../src-shared/domain/scores'
import type { ScoreCountRow } from '../scoreCountsRepository'
import { FACT_SCORE, GRAIN_MONTH, GRAIN_WEEK, NO_BAND, SLICE_NONE, cubeDims, isCubeDim, sliceDimNumber, type CubeDim } from './layout'
import { readCube, readJournal, readSlice, tagIds, tagNames, valueIds, valueNames, type TierRow } from './rollupReadRepository'
import { useDerivations, type FactDerivations } from './rollupMaintainRepository'
import { statement } from '../../db/statements'
import { remembered } from './rollupSnapshotRepository'
import { grainFor, periodOfDay, segmentsFor, type Segment } from './segments'

/** Filter fields the summaries hold. Any other field in a filter (status, owner, text, …) means a raw read. */
const ROLLUP_FILTER_KEYS = new Set<string>(['from', 'to', 'metric', 'band', 'tag', ...cubeDims])

/** True for a filter field that filters nothing (absent, blank or an empty list). */
export const isEmptyFilterValue = (value: unknown) => value === undefined || value === '' || (Array.isArray(value) && value.length === 0)

/** True when the summaries can answer the query exactly; otherwise the raw, indexed query must. */
export function rollupsCanAnswer(q: { dim?: Dimension; filter?: FeedbackFilter }): boolean {
  const f = q.filter ?? {}
  for (const [key, value] of Object.entries(f)) if (!isEmptyFilterValue(value) && !ROLLUP_FILTER_KEYS.has(key)) return false
  // A response with two of the wanted tags would be counted twice, and tags by tag needs pairs.
  const tags = f.tag?.length ?? 0
  return tags <= 1 && !(tags === 1 && q.dim === 'tag')
}

export interface QuestionInfo {
  id: number
  metric: MetricKind
  scale_min: number
  scale_max: number
  direction: Direction
}

/** The workspace's questions (read once per snapshot: a page asks for them in every call). Callers must not change the map. */
export function questionInfo(sqlite: Sqlite): Map<number, QuestionInfo> {
  return remembered(sqlite, 'questionInfo', () => {
    const rows = statement(sqlite, 'SELECT id, metric, scale_min, scale_max, direction FROM questions').all() as QuestionInfo[]
    return new Map(rows.map((r) => [r.id, r]))
  })
}

export interface FactQuery {
  fact: number
  /** Which questions (0: feedback without one, and customers). */
  questionIds: number[]
  by?: PeriodUnit
  dim?: Dimension
  filter?: FeedbackFilter
  /** False: the summaries alone, without the journal's rows not folded yet (the caller reads those itself). */
  withJournal?: boolean
}

/** One cell of a fact: its period start (or day), group label, question, value, band and count. */
export interface FactRow {
  local_date: string
  grp: string | null
  questionId: number
  value: number
  band: -1 | 0 | 1 | null
  n: number
}

/**
 * Counts of one fact per period start, group, question, value and band, read from the summaries
 * plus the journal of changes not folded yet, netted per cell so a change and its undo leave
 * nothing behind. Run inside one read transaction, so both parts see one snapshot.
 */
export function readFacts(sqlite: Sqlite, q: FactQuery, derive: FactDerivations): FactRow[] {
  return readFactsAs(sqlite, q, derive, (local_date, grp, questionId, value, band, n) => ({ local_date, grp, questionId, value, band, n }))
}

/** readFacts building each row with `make` (null to leave it out), so callers need no second pass over a copy. */
export function readFactsAs<T>(
  sqlite: Sqlite,
  q: FactQuery,
  derive: FactDerivations,
  make: (localDate: string, grp: string | null, questionId: number, value: number, band: -1 | 0 | 1 | null, n: number, grain: Segment['grain'] | null) => T | null,
): T[] {
  const f = q.filter ?? {}
  const tagFilter = f.tag?.length ? tagIds(sqlite, f.tag) : undefined
  const { questionIds, fact } = q
  if (!questionIds.length || (tagFilter && !tagFilter.length)) return []

  const dimValues: Partial<Record<CubeDim, string[]>> = {}
  for (const d of cubeDims) if (f[d]?.length) dimValues[d] = f[d]
  const bands = f.band?.length ? f.band.map((b) => bandValue[b]) : undefined
  const groupBy = q.dim === 'tag' ? 'tag' : q.dim && isCubeDim(q.dim) ? q.dim : undefined
  const tagId = tagFilter?.[0]

  const from = f.from ? dayNumber(f.from) : -Infinity
  const to = f.to ? dayNumber(f.to) : Infinity
  const segments = segmentsFor(grainFor(q.by), from, to)
  const ids: Partial<Record<CubeDim, number[]>> = {}
  for (const d of cubeDims) if (dimValues[d]) ids[d] = valueIds(sqlite, dimValues[d])

  // One slice serves when at most one dimension (or the tags) is filtered or grouped on.
  const involved = new Set<CubeDim>([...cubeDims.filter((d) => dimValues[d]), ...(groupBy && groupBy !== 'tag' ? [groupBy] : [])])
  const tagsInvolved = tagId !== undefined || groupBy === 'tag'
  const slice =
    involved.size === 0 && !tagsInvolved
      ? { dim: SLICE_NONE, grps: undefined }
      : involved.size === 1 && !tagsInvolved
        ? { dim: sliceDimNumber[[...involved][0]], grps: ids[[...involved][0]] }
        : involved.size === 0
          ? { dim: sliceDimNumber.tag, grps: tagId !== undefined ? [tagId] : undefined }
          : null

  // A filtered value never stored in the summaries matches nothing there (it may still be in the journal).
  const tiersEmpty = Object.values(ids).some((list) => list.length === 0)
  // Where each stretch is read from; weeks without a slice come from the day cube, so their rows are days.
  const stored: Segment[] = segments.map((s) => (s.grain === 'week' && !slice ? { ...s, grain: 'day' } : s))
  const tierRows: Array<[Segment, TierRow[]]> = stored.map((s) => {
    if (tiersEmpty) return [s, []]
    const range = { fact, questionIds, fromPeriod: s.from, toPeriod: s.to, bands }
    if (s.grain !== 'day' && slice) return [s, readSlice(sqlite, s.grain === 'week' ? GRAIN_WEEK : GRAIN_MONTH, slice.dim, { ...range, grps: slice.grps, grouped: groupBy !== undefined })]
    return [s, readCube(sqlite, s.grain === 'month' ? 'rollup_month' : 'rollup_day', { ...range, dims: ids, tagId, groupBy })]
  })
  useDerivations(sqlite, derive)
  const journal = q.withJournal === false ? [] : readJournal(sqlite, { fact, questionIds, fromDate: f.from, toDate: f.to, bands, dims: dimValues, tagId, groupBy })

  const tierLabels = groupBy ? (groupBy === 'tag' ? tagNames : valueNames)(sqlite, groupIds(tierRows)) : null
  const out: T[] = []
  // The grain a row was read at (day, week or month summaries); null once journal rows are netted in.
  const emit = (period: number, grp: string | null, questionId: number, value: number, band: number, n: number, grain: Segment['grain'] | null = null) => {
    if (n === 0) return
    const row = make(dateOfDayNumber(period), grp, questionId, value, band === NO_BAND ? null : (band as -1 | 0 | 1), n, grain)
    if (row !== null) out.push(row)
  }
  const label = (grp: number) => (tierLabels ? (tierLabels.get(grp) ?? null) : null)

  // Summary rows are one per cell already; only journal rows need netting against them.
  if (!journal.length) {
    for (const [s, rows] of tierRows) for (const r of rows) emit(r[0], label(r[1]), r[2], r[3], r[4], r[5], s.grain)
    return out
  }
  // Net everything per (period start, group, question, value, band), so a change and its undo leave nothing.
  const journalTags = groupBy === 'tag' ? tagNames(sqlite, journal.map((r) => r[1] as number)) : null
  const cells = new Map<string, [period: number, grp: string | null, questionId: number, value: number, band: number, n: number]>()
  const add = (period: number, grp: string | null, questionId: number, value: number, band: number, n: number) => {
    const key = `${period}\u0000${grp ?? '\u0001'}\u0000${questionId}\u0000${value}\u0000${band}`
    const cell = cells.get(key)
    if (cell) cell[5] += n
    else cells.set(key, [period, grp, questionId, value, band, n])
  }
  for (const [, rows] of tierRows) for (const r of rows) add(r[0], label(r[1]), r[2], r[3], r[4], r[5])
  for (const [date, grp, questionId, value, band, n] of journal) {
    const name = journalTags ? (journalTags.get(grp as number) ?? null) : (grp as string | null)
    add(periodOfDay(stored, dayNumber(date)), name, questionId, value, band, n)
  }
  for (const c of cells.values()) emit(...c)
  return out
}

/** The distinct groups of some summary rows. */
function groupIds(tierRows: ReadonlyArray<[Segment, TierRow[]]>): number[] {
  const ids = new Set<number>()
  for (const [, rows] of tierRows) for (const r of rows) ids.add(r[1])
  return [...ids]
}

export interface CountsQuery {
  metric: MetricKind
  by?: PeriodUnit
  dim?: Dimension
  filter?: FeedbackFilter
  /** Narrower than the metric: only these questions (the response rate of one survey). */
  questionIds?: number[]
}

/** The questions a count query reads: the metric's (or the ones it names), none when its filter leaves the metric out. */
export function metricQuestionIds(questions: Map<number, QuestionInfo>, q: CountsQuery): number[] {
  const wanted = !q.filter?.metric?.length || q.filter.metric.includes(q.metric)
  return wanted ? [...questions.values()].filter((x) => x.metric === q.metric && (!q.questionIds || q.questionIds.includes(x.id))).map((x) => x.id) : []
}

/** The same rows as the raw scoreCounts (one per period start, group, score, band and scale), from the summaries. */
export function rollupScoreCounts(sqlite: Sqlite, q: CountsQuery, derive: FactDerivations): ScoreCountRow[] {
  const questions = questionInfo(sqlite)
  const questionIds = metricQuestionIds(questions, q)
  return readFactsAs(sqlite, { ...q, fact: FACT_SCORE, questionIds }, derive, (local_date, grp, questionId, score, band, n) => {
    const question = questions.get(questionId)
    return question ? { local_date, grp, score, band, scale_min: question.scale_min, scale_max: question.scale_max, direction: question.direction, n } : null
  })
}

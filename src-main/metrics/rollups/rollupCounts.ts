import type Database from 'better-sqlite3'
import type { Dimension, FeedbackFilter } from '../../../src-shared/api/filters'
import { dateOfDayNumber, dayNumber, type PeriodUnit } from '../../../src-shared/domain/periods'
import { bandValue, type Direction, type MetricKind } from '../../../src-shared/domain/scores'
import type { ScoreCountRow } from '../../db/repositories/scoreCounts'
import { GRAIN_MONTH, GRAIN_WEEK, NO_BAND, SLICE_NONE, cubeDims, isCubeDim, sliceDimNumber, type CubeDim } from '../../db/repositories/rollups/layout'
import { readCube, readJournal, readSlice, tagIds, tagNames, valueIds, valueNames, type TierRow } from '../../db/repositories/rollups/read'
import { grainFor, periodOfDay, segmentsFor, type Segment } from './segments'

/** Filter fields the summaries hold. Any other field in a filter (status, owner, text, …) means a raw read. */
const ROLLUP_FILTER_KEYS = new Set<string>(['from', 'to', 'metric', 'band', 'tag', ...cubeDims])

/** Days outside any real data, standing in for an open end of a range in SQL. */
const FAR = 100_000_000

export interface CountsQuery {
  metric: MetricKind
  by?: PeriodUnit
  dim?: Dimension
  filter?: FeedbackFilter
  /** Narrower than the metric: only these questions (the response rate of one survey). */
  questionIds?: number[]
}

/** True when the summaries can answer the query exactly; otherwise the raw, indexed query must. */
export function rollupsCanAnswer(q: Pick<CountsQuery, 'dim' | 'filter'>): boolean {
  const f = q.filter ?? {}
  for (const [key, value] of Object.entries(f)) {
    const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
    if (!empty && !ROLLUP_FILTER_KEYS.has(key)) return false
  }
  // A response with two of the wanted tags would be counted twice, and tags by tag needs pairs.
  const tags = f.tag?.length ?? 0
  return tags <= 1 && !(tags === 1 && q.dim === 'tag')
}

interface QuestionInfo {
  id: number
  metric: MetricKind
  scale_min: number
  scale_max: number
  direction: Direction
}

export function questionInfo(sqlite: Database.Database): Map<number, QuestionInfo> {
  const rows = sqlite.prepare('SELECT id, metric, scale_min, scale_max, direction FROM questions').all() as QuestionInfo[]
  return new Map(rows.map((r) => [r.id, r]))
}

/**
 * The same rows as the raw scoreCounts (one per period start, group, score, band and scale), read
 * from the summaries plus the journal of changes not folded yet, netted per cell so a change and
 * its undo leave nothing behind. Run inside one read transaction, so both parts see one snapshot.
 */
export function rollupScoreCounts(sqlite: Database.Database, q: CountsQuery): ScoreCountRow[] {
  const f = q.filter ?? {}
  const questions = questionInfo(sqlite)
  const wantedMetric = !f.metric?.length || f.metric.includes(q.metric)
  const questionIds = wantedMetric ? [...questions.values()].filter((x) => x.metric === q.metric && (!q.questionIds || q.questionIds.includes(x.id))).map((x) => x.id) : []
  const tagFilter = f.tag?.length ? tagIds(sqlite, f.tag) : undefined
  if (!questionIds.length || (tagFilter && !tagFilter.length)) return []

  const dimValues: Partial<Record<CubeDim, string[]>> = {}
  for (const d of cubeDims) if (f[d]?.length) dimValues[d] = f[d]
  const bands = f.band?.length ? f.band.map((b) => bandValue[b]) : undefined
  const groupBy = q.dim === 'tag' ? 'tag' : q.dim && isCubeDim(q.dim) ? q.dim : undefined
  const tagId = tagFilter?.[0]

  const from = f.from ? dayNumber(f.from) : -FAR
  const to = f.to ? dayNumber(f.to) : FAR
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
  const tierRows: Array<[Segment, TierRow[]]> = segments.map((s) => {
    if (tiersEmpty) return [s, []]
    const range = { questionIds, fromPeriod: s.from, toPeriod: s.to, bands }
    if (s.grain !== 'day' && slice) return [s, readSlice(sqlite, s.grain === 'week' ? GRAIN_WEEK : GRAIN_MONTH, slice.dim, { ...range, grps: slice.grps, grouped: groupBy !== undefined })]
    return [s, readCube(sqlite, s.grain === 'month' ? 'rollup_month' : 'rollup_day', { ...range, dims: ids, tagId, groupBy })]
  })
  const journal = readJournal(sqlite, { questionIds, fromDate: f.from, toDate: f.to, bands, dims: dimValues, tagId, groupBy })

  // Net everything per (period start, group, question, score, band); groups are labels from here on.
  const tierLabels = groupBy === 'tag' ? tagNames(sqlite, tierRows.flatMap(([, rows]) => rows.map((r) => r[1]))) : groupBy ? valueNames(sqlite, tierRows.flatMap(([, rows]) => rows.map((r) => r[1]))) : null
  const journalTags = groupBy === 'tag' ? tagNames(sqlite, journal.map((r) => r[1] as number)) : null
  const cells = new Map<string, { period: number; grp: string | null; questionId: number; score: number; band: number; n: number }>()
  const add = (period: number, grp: string | null, questionId: number, score: number, band: number, n: number) => {
    const key = `${period}\u0000${grp ?? '\u0001'}\u0000${questionId}\u0000${score}\u0000${band}`
    const cell = cells.get(key)
    if (cell) cell.n += n
    else cells.set(key, { period, grp, questionId, score, band, n })
  }
  for (const [, rows] of tierRows) for (const [period, grp, questionId, score, band, n] of rows) add(period, tierLabels ? (tierLabels.get(grp) ?? null) : null, questionId, score, band, n)
  for (const [date, grp, questionId, score, band, n] of journal) {
    const label = journalTags ? (journalTags.get(grp as number) ?? null) : (grp as string | null)
    add(periodOfDay(segments, dayNumber(date)), label, questionId, score, band, n)
  }

  const out: ScoreCountRow[] = []
  for (const c of cells.values()) {
    if (c.n === 0) continue
    const question = questions.get(c.questionId)
    if (!question) continue
    out.push({
      local_date: dateOfDayNumber(c.period),
      grp: c.grp,
      score: c.score,
      band: c.band === NO_BAND ? null : (c.band as -1 | 0 | 1),
      scale_min: question.scale_min,
      scale_max: question.scale_max,
      direction: question.direction,
      n: c.n,
    })
  }
  return out
}

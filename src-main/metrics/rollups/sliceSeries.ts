import type { Sqlite } from '../../db/sqlite'
import { dateOfDayNumber, dayNumber, periodKey } from '../../../src-shared/domain/periods'
import { FACT_SCORE, GRAIN_MONTH, GRAIN_WEEK, NO_BAND, SLICE_NONE, isCubeDim, unpackCells, sliceDimNumber } from './layout'
import { readSlicePacks, valueNames } from './rollupReadRepository'
import { journalSpan } from './rollupMaintainRepository'
import { ScoreAccumulator } from '../accumulator'
import { isEmptyFilterValue, metricQuestionIds, questionInfo, type CountsQuery } from './rollupCounts'
import { grainFor, segmentsFor } from './segments'

/** A series' accumulators: per period key (null: not cut by time), per group (null: not broken down), and over everything. */
export interface SeriesCells {
  cells: Map<string | null, Map<string | null, ScoreAccumulator>>
  overall: ScoreAccumulator
}

/**
 * A series read straight from the slice packs, when one slice at the series' own grain holds all
 * of it: no filter but a date range on whole periods, grouped by nothing or by one stored
 * dimension, and nothing waiting in the journal. Null otherwise (readFacts answers, with the same
 * numbers; tests compare the two). A chart of weeks × touchpoints is ~4,000 counts in ~1,000
 * figures: this skips the row, date and label the general path makes for every count.
 * Runs inside a read snapshot, so the journal and the packs are seen at one moment.
 */
export function sliceSeriesCells(sqlite: Sqlite, q: CountsQuery): SeriesCells | null {
  const f = q.filter ?? {}
  for (const [key, value] of Object.entries(f)) if (key !== 'from' && key !== 'to' && !isEmptyFilterValue(value)) return null
  if (q.dim !== undefined && !isCubeDim(q.dim)) return null
  const segments = segmentsFor(grainFor(q.by), f.from ? dayNumber(f.from) : -Infinity, f.to ? dayNumber(f.to) : Infinity)
  const out: SeriesCells = { cells: new Map(), overall: new ScoreAccumulator() }
  if (!segments.length) return out
  if (segments.length > 1 || segments[0].grain === 'day' || journalSpan(sqlite).pending > 0) return null

  const questions = questionInfo(sqlite)
  const dim = q.dim === undefined ? SLICE_NONE : sliceDimNumber[q.dim]
  const [{ grain, from, to }] = segments
  const packs = readSlicePacks(sqlite, grain === 'week' ? GRAIN_WEEK : GRAIN_MONTH, dim, { fact: FACT_SCORE, questionIds: metricQuestionIds(questions, q), fromPeriod: from, toPeriod: to })

  const cells = packs.map(([, , bytes]) => unpackCells(bytes))
  // Group labels first (one lookup for every group of every pack), so counts go straight to their figure.
  const ids = new Set<number>()
  if (dim !== SLICE_NONE) for (const c of cells) for (let i = 0; i < c.length; i += 4) ids.add(c[i])
  const names = valueNames(sqlite, [...ids])
  packs.forEach(([period, questionId], p) => {
    const question = questions.get(questionId)
    if (!question) return
    const key = q.by ? periodKey(dateOfDayNumber(period), q.by) : null
    let groups = out.cells.get(key)
    if (!groups) out.cells.set(key, (groups = new Map()))
    const { scale_min: min, scale_max: max, direction } = question
    // A pack holds a group's counts together.
    let [lastGrp, acc] = [NaN, new ScoreAccumulator()]
    const c = cells[p]
    for (let i = 0; i < c.length; i += 4) {
      const [grp, value, band, n] = [c[i], c[i + 1], c[i + 2], c[i + 3]]
      if (n === 0) continue
      if (grp !== lastGrp) {
        const group = dim === SLICE_NONE ? null : (names.get(grp) ?? null)
        const known = groups.get(group)
        if (known) acc = known
        else groups.set(group, (acc = new ScoreAccumulator()))
        lastGrp = grp
      }
      acc.addCount(value, band === NO_BAND ? null : band, n, min, max, direction)
    }
  })
  for (const groups of out.cells.values()) for (const acc of groups.values()) out.overall.absorb(acc)
  return out
}

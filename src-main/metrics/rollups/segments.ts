import { dateOfDayNumber, dayNumber, type PeriodUnit } from '../../../src-shared/domain/periods'

/** A stretch of days read from one summary grain. Day numbers are inclusive; infinite ends mean "unbounded". */
export interface Segment {
  grain: 'day' | 'week' | 'month'
  from: number
  to: number
}

const weekStart = (d: number) => d - ((((d + 3) % 7) + 7) % 7)
const monthStart = (d: number) => dayNumber(`${dateOfDayNumber(d).slice(0, 7)}-01`)
const nextMonthStart = (d: number) => {
  const s = dateOfDayNumber(d)
  const y = Number(s.slice(0, 4))
  const m = Number(s.slice(5, 7))
  return dayNumber(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`)
}

/** The coarsest grain whose periods nest inside the periods of `by` (no `by`: any whole months). */
export function grainFor(by: PeriodUnit | undefined): Segment['grain'] {
  return by === 'day' ? 'day' : by === 'week' ? 'week' : 'month'
}

/**
 * Splits an inclusive range of days into whole periods of the grain and, at either end, the
 * leftover days: a range from 15 March to 30 June reads 15–31 March from the day summaries and
 * April–June from the month summaries.
 */
export function segmentsFor(grain: Segment['grain'], from: number, to: number): Segment[] {
  if (from > to) return []
  if (grain === 'day') return [{ grain, from, to }]
  const start = grain === 'week' ? weekStart : monthStart
  const next = grain === 'week' ? (d: number) => weekStart(d) + 7 : nextMonthStart
  const coreFrom = !Number.isFinite(from) || start(from) === from ? from : next(from)
  const coreTo = !Number.isFinite(to) || next(to) === to + 1 ? to : start(to) - 1
  if (coreFrom > coreTo) return [{ grain: 'day', from, to }]
  const out: Segment[] = []
  if (coreFrom > from) out.push({ grain: 'day', from, to: coreFrom - 1 })
  out.push({ grain, from: coreFrom, to: coreTo })
  if (coreTo < to) out.push({ grain: 'day', from: coreTo + 1, to })
  return out
}

/** Maps a day to the first day of its period in the segment that holds it, so journal rows meet summary rows. */
export function periodOfDay(segments: Segment[], day: number): number {
  for (const s of segments) {
    if (day < s.from || day > s.to) continue
    return s.grain === 'day' ? day : s.grain === 'week' ? weekStart(day) : monthStart(day)
  }
  return day
}

import type { Comparison, PeriodRange } from '../../src-shared/api/metrics'
import type { FeedbackFilter } from '../../src-shared/api/filters'
import { periodEnd, periodKey, periodStart, samePeriodLastYear, shiftPeriod, type PeriodUnit } from '../../src-shared/domain/periods'

export function rangeOf(key: string, by: PeriodUnit): PeriodRange {
  return { key, from: periodStart(key, by), to: periodEnd(key, by) }
}

/** The period the dashboard's headline figures are about: the one holding the end of the filter's range, or today. */
export function currentPeriod(by: PeriodUnit, filter: FeedbackFilter, today: string): PeriodRange {
  const end = filter.to ?? today
  const whole = rangeOf(periodKey(end, by), by)
  // Cut to the filter's range: "1–15 March" when the range ends on the 15th.
  return { key: whole.key, from: filter.from && filter.from > whole.from ? filter.from : whole.from, to: filter.to && filter.to < whole.to ? filter.to : whole.to }
}

export function comparisonPeriod(by: PeriodUnit, current: PeriodRange, compare: Comparison): PeriodRange | null {
  if (compare === 'none') return null
  return rangeOf(compare === 'previous' ? shiftPeriod(current.key, by, -1) : samePeriodLastYear(current.key, by), by)
}

/** The filter narrowed to a range of dates (the filter's own range still applies). */
export function withinRange(filter: FeedbackFilter, range: { from: string; to: string }): FeedbackFilter {
  return { ...filter, from: filter.from && filter.from > range.from ? filter.from : range.from, to: filter.to && filter.to < range.to ? filter.to : range.to }
}

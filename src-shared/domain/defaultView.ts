import { dateOfDayNumber, dayNumber, defaultTrendLength, periodEnd, periodKey, periodStart, shiftPeriod, type PeriodUnit } from './periods'

/** The first and last local dates holding a response, or null in an empty workspace. */
export interface DataSpan {
  first: string
  last: string
}

/**
 * The period the app opens on. A new user's file rarely reaches today, so the period holding today
 * is usually empty: the default is the last complete period that has data. Only when every response
 * is in the current, unfinished period is that period shown ("so far").
 */
export function defaultPeriod(by: PeriodUnit, today: string, span: DataSpan | null): { key: string; partial: boolean } {
  const current = periodKey(today, by)
  if (!span) return { key: current, partial: true }
  const last = periodKey(span.last, by)
  if (periodStart(last, by) < periodStart(current, by)) return { key: last, partial: false }
  const previous = shiftPeriod(current, by, -1)
  if (periodEnd(previous, by) >= span.first) return { key: previous, partial: false }
  return { key: current, partial: true }
}

/** The Scores page's default range: `defaultTrendLength` periods ending with the default period. */
export function defaultRange(by: PeriodUnit, today: string, span: DataSpan | null): { from: string; to: string } {
  const { key } = defaultPeriod(by, today, span)
  return { from: periodStart(shiftPeriod(key, by, -(defaultTrendLength[by] - 1)), by), to: periodEnd(key, by) }
}

/** True when a range ends inside the period holding today and is not yet over: its figures are "so far". */
export function isPartial(range: { from: string; to: string }, today: string): boolean {
  return range.from <= today && today < range.to
}

/**
 * A period still running is compared with the same number of days at the start of the other period
 * (1–10 March against 1–10 February), never with the whole of it: a month's churn against ten days'
 * is not a change.
 */
export function sameDaysOf(comparison: { from: string; to: string }, current: { from: string; to: string }): { from: string; to: string } {
  const days = dayNumber(current.to) - dayNumber(current.from)
  const to = dateOfDayNumber(dayNumber(comparison.from) + days)
  return { from: comparison.from, to: to < comparison.to ? to : comparison.to }
}

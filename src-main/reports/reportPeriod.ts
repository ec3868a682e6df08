import type { DateRange, ReportPeriod } from '../../src-shared/api/reports'
import { AppError } from '../../src-shared/api/result'
import { dateOfDayNumber, dayNumber, lastTwelveMonths, periodEnd, periodKey, periodStart, shiftPeriod, type PeriodUnit } from '../../src-shared/domain/periods'

const days = (from: string, to: string) => dayNumber(to) - dayNumber(from) + 1

/** The stretch of equal length that ends the day before `range` starts. */
function before(range: DateRange): DateRange {
  const start = dayNumber(range.from)
  return { from: dateOfDayNumber(start - days(range.from, range.to)), to: dateOfDayNumber(start - 1) }
}

function calendar(unit: PeriodUnit, today: string, shift: number): { range: DateRange; comparison: DateRange } {
  const key = shiftPeriod(periodKey(today, unit), unit, shift)
  const prev = shiftPeriod(key, unit, -1)
  const range = { from: periodStart(key, unit), to: periodEnd(key, unit) }
  // A period still running stops today; it is compared with the whole period before it, as the dashboard does.
  return { range: shift === 0 && range.to > today ? { ...range, to: today } : range, comparison: { from: periodStart(prev, unit), to: periodEnd(prev, unit) } }
}

/**
 * The days a report covers and the days it is compared with, from its period preset and the day it
 * is made (in the workspace's zone), so a saved template makes next month's report. `all` spans
 * the workspace's first to last response and has nothing to compare with.
 */
export function resolveReportPeriod(period: ReportPeriod, today: string, data: { first: string | null; last: string | null }): { range: DateRange; comparison: DateRange | null } {
  switch (period.preset) {
    case 'all':
      return { range: { from: data.first ?? today, to: data.last ?? today }, comparison: null }
    case 'last30':
    case 'last90': {
      const n = period.preset === 'last30' ? 30 : 90
      const range = { from: dateOfDayNumber(dayNumber(today) - n + 1), to: today }
      return { range, comparison: before(range) }
    }
    case 'last12Months': {
      const { range, previous } = lastTwelveMonths(today)
      return { range, comparison: previous }
    }
    case 'thisMonth':
      return calendar('month', today, 0)
    case 'lastMonth':
      return calendar('month', today, -1)
    case 'thisQuarter':
      return calendar('quarter', today, 0)
    case 'lastQuarter':
      return calendar('quarter', today, -1)
    case 'lastYear':
      return calendar('year', today, -1)
    case 'yearToDate': {
      const range = { from: `${today.slice(0, 4)}-01-01`, to: today }
      const lastYear = String(Number(today.slice(0, 4)) - 1).padStart(4, '0')
      // The same dates a year earlier (29 February becomes the 28th).
      const to = `${lastYear}-${today.slice(5) === '02-29' ? '02-28' : today.slice(5)}`
      return { range, comparison: { from: `${lastYear}-01-01`, to } }
    }
    case 'custom': {
      if (!period.from || !period.to) throw new AppError('VALIDATION', 'A custom period needs a first and a last day.')
      if (period.to < period.from) throw new AppError('VALIDATION', 'The last day must not be before the first.')
      const range = { from: period.from, to: period.to }
      return { range, comparison: before(range) }
    }
  }
}

/** The period unit a report's trend charts are cut in: about a dozen points whatever the span. */
export function trendUnit(range: DateRange): PeriodUnit {
  const n = days(range.from, range.to)
  if (n <= 45) return 'day'
  if (n <= 120) return 'week'
  if (n <= 3 * 366) return 'month'
  return 'quarter'
}

/**
 * The trend's window: the report's period, widened to the twelve months up to its end when it is
 * shorter than that, so a month's report still shows the year's direction.
 */
export function trendWindow(range: DateRange, first: string | null): { window: DateRange; by: PeriodUnit } {
  if (days(range.from, range.to) >= 300) return { window: range, by: trendUnit(range) }
  const yearStart = periodStart(shiftPeriod(periodKey(range.to, 'month'), 'month', -11), 'month')
  const from = first && first > yearStart ? (first > range.from ? range.from : first) : yearStart
  const window = { from: from < range.from ? from : range.from, to: range.to }
  return { window, by: trendUnit(window) === 'day' || trendUnit(window) === 'week' ? trendUnit(window) : 'month' }
}

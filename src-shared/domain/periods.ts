/**
 * Periods are cut from a local calendar date (YYYY-MM-DD) that was computed in the workspace's
 * time zone when the response was stored, so grouping never needs time-zone arithmetic.
 */
export const periodUnits = ['day', 'week', 'month', 'quarter', 'year'] as const
export type PeriodUnit = (typeof periodUnits)[number]

const DAY_MS = 86_400_000

/** Days since 1970-01-01 for a YYYY-MM-DD calendar date (no time zone involved). */
export function dayNumber(localDate: string): number {
  const y = Number(localDate.slice(0, 4))
  const m = Number(localDate.slice(5, 7))
  const d = Number(localDate.slice(8, 10))
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS)
}

/** Keeps a worked-out value, bounded: real data spans some thousands of days; anything beyond that is not worth keeping. */
const remember = <K>(memo: Map<K, string>, key: K, value: string) => {
  if (memo.size < 100_000) memo.set(key, value)
  return value
}

/** Dates already written out: charts ask for the same few hundred days many times per page, and formatting one costs microseconds. */
const datesOfDays = new Map<number, string>()

export function dateOfDayNumber(day: number): string {
  return datesOfDays.get(day) ?? remember(datesOfDays, day, new Date(day * DAY_MS).toISOString().slice(0, 10))
}

/** Week keys and starts already worked out (a chart of weeks asks for each a few times per figure row; each costs a few Date.UTC calls). */
const weekKeys = new Map<string, string>()
const weekStarts = new Map<string, string>()

/** ISO-8601 week key, e.g. 2025-W01 (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeekKey(localDate: string): string {
  return weekKeys.get(localDate) ?? remember(weekKeys, localDate, computeIsoWeekKey(localDate))
}

function computeIsoWeekKey(localDate: string): string {
  const day = dayNumber(localDate)
  const weekday = (((day + 3) % 7) + 7) % 7 // 0 = Monday; 1970-01-01 was a Thursday
  const thursday = day - weekday + 3
  const year = Number(dateOfDayNumber(thursday).slice(0, 4))
  const jan1 = dayNumber(`${year}-01-01`)
  const week = Math.floor((thursday - jan1) / 7) + 1
  return `${year}-W${String(week).padStart(2, '0')}`
}

export function periodKey(localDate: string, unit: PeriodUnit): string {
  switch (unit) {
    case 'day':
      return localDate
    case 'week':
      return isoWeekKey(localDate)
    case 'month':
      return localDate.slice(0, 7)
    case 'quarter':
      return `${localDate.slice(0, 4)}-Q${Math.floor((Number(localDate.slice(5, 7)) - 1) / 3) + 1}`
    case 'year':
      return localDate.slice(0, 4)
  }
}

/** The first calendar date of a period key, used to label and order periods. */
export function periodStart(key: string, unit: PeriodUnit): string {
  switch (unit) {
    case 'day':
      return key
    case 'week':
      return weekStarts.get(key) ?? remember(weekStarts, key, weekStart(key))
    case 'month':
      return `${key}-01`
    case 'quarter':
      return `${key.slice(0, 4)}-${String((Number(key.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01`
    case 'year':
      return `${key}-01-01`
  }
}

function weekStart(key: string): string {
  const year = Number(key.slice(0, 4))
  const week = Number(key.slice(6))
  const jan4 = dayNumber(`${year}-01-04`)
  const mondayOfWeek1 = jan4 - ((((jan4 + 3) % 7) + 7) % 7)
  return dateOfDayNumber(mondayOfWeek1 + (week - 1) * 7)
}

/** The last calendar date of a period key. */
export function periodEnd(key: string, unit: PeriodUnit): string {
  return dateOfDayNumber(dayNumber(periodStart(shiftPeriod(key, unit, 1), unit)) - 1)
}

/** The key of the period `n` periods after (or, negative, before) a period key. */
export function shiftPeriod(key: string, unit: PeriodUnit, n: number): string {
  const start = periodStart(key, unit)
  if (unit === 'day') return dateOfDayNumber(dayNumber(start) + n)
  if (unit === 'week') return isoWeekKey(dateOfDayNumber(dayNumber(start) + 7 * n))
  const months = unit === 'month' ? n : unit === 'quarter' ? 3 * n : 12 * n
  const index = Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7)) - 1 + months
  const date = `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`
  return periodKey(date, unit)
}

/** The same period a year earlier: the same month or quarter, ISO week number (week 53 → 52), or date (29 Feb → 28 Feb). */
export function samePeriodLastYear(key: string, unit: PeriodUnit): string {
  if (unit === 'year' || unit === 'quarter' || unit === 'month') return shiftPeriod(key, unit, unit === 'year' ? -1 : unit === 'quarter' ? -4 : -12)
  if (unit === 'week') {
    const year = Number(key.slice(0, 4)) - 1
    const week = Math.min(Number(key.slice(6)), Number(isoWeekKey(`${year}-12-28`).slice(6)))
    return `${year}-W${String(week).padStart(2, '0')}`
  }
  const year = String(Number(key.slice(0, 4)) - 1).padStart(4, '0')
  const md = key.slice(5) === '02-29' ? '02-28' : key.slice(5)
  return `${year}-${md}`
}

/** How many periods a trend shows by default. */
export const defaultTrendLength: Record<PeriodUnit, number> = { day: 30, week: 13, month: 12, quarter: 8, year: 5 }

/** The same date `years` years earlier or later (29 February becomes the 28th in a common year). */
function shiftYears(localDate: string, years: number): string {
  const year = String(Number(localDate.slice(0, 4)) + years).padStart(4, '0')
  const md = localDate.slice(5)
  const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  return `${year}-${md === '02-29' && !leap(Number(year)) ? '02-28' : md}`
}

/**
 * "Last 12 months", the one meaning used everywhere (the Scores page's preset, reports' period,
 * the journey map's live scores): the twelve months up to and including today — from the day after
 * the same date a year earlier — and, to compare with, the twelve months before those.
 * On 3 December 2026: 4 December 2025 – 3 December 2026, against 4 December 2024 – 3 December 2025.
 */
export function lastTwelveMonths(today: string): { range: { from: string; to: string }; previous: { from: string; to: string } } {
  const yearAgo = shiftYears(today, -1)
  const twoYearsAgo = shiftYears(today, -2)
  return {
    range: { from: dateOfDayNumber(dayNumber(yearAgo) + 1), to: today },
    previous: { from: dateOfDayNumber(dayNumber(twoYearsAgo) + 1), to: yearAgo },
  }
}

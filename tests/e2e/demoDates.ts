/**
 * Dates inside the demo workspace. The demo holds the 730 days up to today (in the workspace's zone,
 * Asia/Ho_Chi_Minh), so the calendar year before this one is always wholly inside it; specs ask for
 * that year instead of a fixed one, which would slide out of the demo as time passes.
 */
const DEMO_ZONE = 'Asia/Ho_Chi_Minh'

/** This calendar year where the demo lives. */
function thisYear(now = new Date()): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone: DEMO_ZONE, year: 'numeric' }).format(now))
}

/** The last whole calendar year of the demo (last year). */
export const demoYear = thisYear() - 1

/** The same year in the Buddhist era, as Thai labels write it. */
export const demoYearBE = demoYear + 543

/** A label naming the demo year in either era. */
export const demoYearPattern = new RegExp(`${demoYear}|${demoYearBE}`)

export interface DateRange {
  from: string
  to: string
}

/** One whole calendar year (default: the demo year). */
export function yearRange(year = demoYear): DateRange {
  return { from: `${year}-01-01`, to: `${year}-12-31` }
}

/** Whole years from `first` to the demo year. */
export function yearsRange(first: number): DateRange {
  return { from: `${first}-01-01`, to: `${demoYear}-12-31` }
}

/** One whole month (1–12) of the demo year. */
export function monthRange(month: number, year = demoYear): DateRange {
  const mm = String(month).padStart(2, '0')
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(last).padStart(2, '0')}` }
}

/** `from=…&to=…` for a page's query. */
export function rangeQuery(r: DateRange): string {
  return `from=${r.from}&to=${r.to}`
}

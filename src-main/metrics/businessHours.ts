import type { BusinessHours } from '../../src-shared/api/metrics'
import { dateOfDayNumber, dayNumber } from '../../src-shared/domain/periods'
import { localDateConverter, zoneOffsetMinutes } from '../../src-shared/domain/timezone'

const MINUTE = 60_000
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

/** The UTC instant of a local wall-clock time in a zone (two passes settle the offset across a DST change). */
function utcOf(localDate: string, minutes: number, tz: string): number {
  const wall = dayNumber(localDate) * 86_400_000 + minutes * MINUTE
  let utc = wall - zoneOffsetMinutes(tz, wall) * MINUTE
  utc = wall - zoneOffsetMinutes(tz, utc) * MINUTE
  return utc
}

/**
 * Milliseconds between two instants that fall inside working hours: the given weekdays, from
 * `start` to `end` local time in the workspace's zone. A case opened on Friday evening and closed
 * on Monday at 10:00 has taken two working hours with 08:00–17:00, Monday to Friday.
 */
export function businessMs(startMs: number, endMs: number, bh: BusinessHours, tz: string): number {
  if (endMs <= startMs) return 0
  const open = minutesOf(bh.start)
  const close = minutesOf(bh.end)
  if (close <= open || !bh.days.length) return 0
  const localDate = localDateConverter(tz)
  const first = dayNumber(localDate(startMs))
  const last = dayNumber(localDate(endMs))
  const days = new Set(bh.days)
  let total = 0
  for (let d = first; d <= last; d++) {
    const weekday = ((((d + 3) % 7) + 7) % 7) + 1 // 1 = Monday; 1970-01-01 was a Thursday
    if (!days.has(weekday)) continue
    const date = dateOfDayNumber(d)
    const from = Math.max(startMs, utcOf(date, open, tz))
    const to = Math.min(endMs, utcOf(date, close, tz))
    if (to > from) total += to - from
  }
  return total
}

/**
 * Adds working time to an instant (the inverse of businessMs): `add(start, ms)` is the instant `ms`
 * milliseconds of working time after `start`; time outside the working days and hours does not
 * count. A follow-up that arrives on Friday at 18:00 with 08:00–17:00, Monday to Friday, and must be
 * done within 18 working hours is due on Tuesday at 17:00. With no working time in a week (no days,
 * or end before start) there is no such instant: null. Made once per (hours, zone): the zone's
 * converter is slow to build.
 */
export function businessTimeAdder(bh: BusinessHours, tz: string): (startMs: number, ms: number) => number | null {
  const open = minutesOf(bh.start)
  const close = minutesOf(bh.end)
  const localDate = localDateConverter(tz)
  const days = new Set(bh.days)
  return (startMs, ms) => {
    if (close <= open || !days.size) return null
    if (ms <= 0) return startMs
    let left = ms
    const first = dayNumber(localDate(startMs))
    // Bounded: each week holds at least one working day.
    for (let d = first, last = first + 7 * (Math.ceil(ms / ((close - open) * MINUTE)) + 1); d <= last; d++) {
      const weekday = ((((d + 3) % 7) + 7) % 7) + 1 // 1 = Monday
      if (!days.has(weekday)) continue
      const date = dateOfDayNumber(d)
      const from = Math.max(startMs, utcOf(date, open, tz))
      const to = utcOf(date, close, tz)
      if (to <= from) continue
      if (to - from >= left) return from + left
      left -= to - from
    }
    return null
  }
}

import { dateOfDayNumber, dayNumber } from '../../../../../src-shared/domain/periods'
import { localDateConverter, zoneOffsetMinutes } from '../../../../../src-shared/domain/timezone'

/** The instant of a wall-clock time (YYYY-MM-DD, HH:MM) in a zone (two passes settle the offset across a daylight-saving change). */
export function wallClockInstant(localDate: string, hhmm: string, tz: string): number {
  const wall = dayNumber(localDate) * 86_400_000 + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))) * 60_000
  let utc = wall - zoneOffsetMinutes(tz, wall) * 60_000
  utc = wall - zoneOffsetMinutes(tz, utc) * 60_000
  return utc
}

/** The snooze choices offered from `now` in the workspace's zone: tomorrow at 09:00 and next Monday at 09:00. */
export function snoozeChoices(now: number, tz: string): { tomorrow: number; monday: number } {
  const today = dayNumber(localDateConverter(tz)(now))
  const weekday = ((((today + 3) % 7) + 7) % 7) + 1 // 1 = Monday
  return {
    tomorrow: wallClockInstant(dateOfDayNumber(today + 1), '09:00', tz),
    monday: wallClockInstant(dateOfDayNumber(today + (8 - weekday)), '09:00', tz),
  }
}

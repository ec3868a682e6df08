/**
 * Converting UTC instants to local calendar dates in an IANA zone. Intl is exact but slow
 * (microseconds per call), and imports convert a million timestamps, so offsets are cached per
 * quarter hour: every zone transition since 1970 falls on a quarter-hour boundary in UTC.
 */
const QUARTER_HOUR = 900_000

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

/** ICU still reports some zones by their old names; users know them by the current ones. */
const CURRENT_NAMES: Record<string, string> = {
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Europe/Kiev': 'Europe/Kyiv',
}

export function currentZoneName(tz: string): string {
  return CURRENT_NAMES[tz] ?? tz
}

/** The machine's zone; an explicit preference (the TZ variable on the main side) wins when it is a real zone. */
export function systemTimeZone(preferred?: string): string {
  if (preferred && isValidTimeZone(preferred)) return currentZoneName(preferred)
  return currentZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC')
}

/** Offset of the zone from UTC in minutes at the given instant (e.g. +420 for Asia/Bangkok). */
export function zoneOffsetMinutes(tz: string, epochMs: number): number {
  const parts = offsetFormatter(tz).formatToParts(new Date(epochMs))
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'))
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000)
}

const formatters = new Map<string, Intl.DateTimeFormat>()
function offsetFormatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(tz, f)
  }
  return f
}

const DAY = 86_400_000

/**
 * The zone's offset in minutes at an instant, looked up once per UTC day when the day has no
 * transition (both ends agree), else per quarter hour, so a million timestamps spread over years
 * cost a few thousand Intl calls.
 */
function offsetLookup(tz: string): (epochMs: number) => number {
  const days = new Map<number, number | null>()
  const quarters = new Map<number, number>()
  return (epochMs) => {
    const day = Math.floor(epochMs / DAY)
    let whole = days.get(day)
    if (whole === undefined) {
      const start = zoneOffsetMinutes(tz, day * DAY)
      whole = start === zoneOffsetMinutes(tz, day * DAY + DAY - QUARTER_HOUR) ? start : null
      days.set(day, whole)
    }
    if (whole !== null) return whole
    const bucket = Math.floor(epochMs / QUARTER_HOUR)
    let offset = quarters.get(bucket)
    if (offset === undefined) quarters.set(bucket, (offset = zoneOffsetMinutes(tz, bucket * QUARTER_HOUR)))
    return offset
  }
}

/** Returns a fast converter from UTC epoch milliseconds to the local YYYY-MM-DD date in `tz`. */
export function localDateConverter(tz: string): (epochMs: number) => string {
  const offsetAt = offsetLookup(tz)
  return (epochMs) => new Date(epochMs + offsetAt(epochMs) * 60_000).toISOString().slice(0, 10)
}

/**
 * Returns a fast converter from UTC epoch milliseconds to ISO 8601 local time in `tz` with that
 * zone's offset at the instant: 2026-03-01T14:05:09+07:00 (milliseconds only when there are some),
 * the way exports write times so that a spreadsheet and an import read the same instant.
 */
export function zonedIsoConverter(tz: string): (epochMs: number) => string {
  const offsetAt = offsetLookup(tz)
  return (epochMs) => {
    const offset = offsetAt(epochMs)
    const local = new Date(epochMs + offset * 60_000).toISOString()
    const abs = Math.abs(offset)
    const zone = `${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
    return `${epochMs % 1000 === 0 ? local.slice(0, 19) : local.slice(0, 23)}${zone}`
  }
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'))
const THREE_DIGITS = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'))
/** Instants this converter writes itself (1970 to 9999); anything else goes to zonedIsoConverter. */
const CACHED_UNTIL = Date.UTC(9999, 11, 30)

/**
 * zonedIsoConverter's output, byte for byte, for exports of many rows: the local day and the zone
 * are formatted once per (day, offset) and kept ("2026-03-01T" … "+07:00"), the time of day from
 * whole-number arithmetic and digit tables, with no Date per instant. Instants outside 1970–9999 or
 * not whole milliseconds go to zonedIsoConverter.
 */
export function cachedZonedIsoConverter(tz: string): (epochMs: number) => string {
  const offsetAt = offsetLookup(tz)
  const slow = zonedIsoConverter(tz)
  const days = new Map<number, { prefix: string; zone: string }>()
  return (epochMs) => {
    if (!Number.isSafeInteger(epochMs) || epochMs < DAY || epochMs > CACHED_UNTIL) return slow(epochMs)
    const offset = offsetAt(epochMs)
    const local = epochMs + offset * 60_000
    const day = Math.floor(local / DAY)
    const key = day * 4096 + offset + 2048
    let parts = days.get(key)
    if (!parts) {
      const abs = Math.abs(offset)
      parts = { prefix: new Date(day * DAY).toISOString().slice(0, 11), zone: `${offset < 0 ? '-' : '+'}${TWO_DIGITS[Math.floor(abs / 60)] ?? String(Math.floor(abs / 60))}:${TWO_DIGITS[abs % 60]}` }
      days.set(key, parts)
    }
    let t = local - day * DAY
    const ms = t % 1000
    t = (t - ms) / 1000
    const s = t % 60
    t = (t - s) / 60
    const m = t % 60
    const h = (t - m) / 60
    return ms === 0 ? `${parts.prefix}${TWO_DIGITS[h]}:${TWO_DIGITS[m]}:${TWO_DIGITS[s]}${parts.zone}` : `${parts.prefix}${TWO_DIGITS[h]}:${TWO_DIGITS[m]}:${TWO_DIGITS[s]}.${THREE_DIGITS[ms]}${parts.zone}`
  }
}

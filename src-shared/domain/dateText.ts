import { zoneOffsetMinutes } from './timezone'

import type { DateOrder } from '../api/imports'

export type { DateOrder }

export interface ParsedDate {
  epochMs: number
  /** The offset the text stated, or the workspace zone's offset when it stated none. */
  offsetMinutes: number
  /** False when the text had no zone and was read in the given one: only such times move when re-read in another zone. */
  stated: boolean
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
}

const TIME = String.raw`(?:[T ]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,](\d{1,9}))?)?\s*(am|pm|sa|ch)?)?`
const ZONE = String.raw`\s*(z|(?:gmt|utc)?\s*[+-]\d{1,2}(?::?\d{2})?|gmt|utc)?`
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}${ZONE}$`, 'i')
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})${TIME}${ZONE}$`, 'i')
const NAMED_MONTH = new RegExp(String.raw`^(?:(\d{1,2})[ -]([a-z]{3,9})\.?,?[ -](\d{4})|([a-z]{3,9})\.? (\d{1,2}),? (\d{4}))${TIME}${ZONE}$`, 'i')
const UNIX = /^\d{9,13}$/

/** Thai users write Buddhist-era years (2568 = 2025); no survey answer is dated after 2400 CE. */
const gregorianYear = (y: number) => (y >= 2400 ? y - 543 : y < 100 ? 2000 + y : y)

const QUARTER_HOUR = 900_000
const offsetCache = new Map<string, Map<number, number>>()

/**
 * The zone's offset at an instant, cached per quarter hour (zone transitions fall on quarter hours):
 * an export with times but no zone converts every row, and Intl is slow for a million of them.
 */
function cachedOffset(timezone: string, epochMs: number): number {
  let byBucket = offsetCache.get(timezone)
  if (!byBucket) offsetCache.set(timezone, (byBucket = new Map()))
  const bucket = Math.floor(epochMs / QUARTER_HOUR)
  let offset = byBucket.get(bucket)
  if (offset === undefined) {
    if (byBucket.size > 200_000) byBucket.clear()
    byBucket.set(bucket, (offset = zoneOffsetMinutes(timezone, bucket * QUARTER_HOUR)))
  }
  return offset
}

function zoneMinutes(zone: string | undefined): number | null {
  if (!zone) return null
  const z = zone.toLowerCase().replace(/\s+/g, '')
  if (z === 'z' || z === 'gmt' || z === 'utc') return 0
  const m = /^(?:gmt|utc)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(z)
  if (!m) return null
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0))
}

function build(
  y: number,
  mo: number,
  d: number,
  time: { h?: string; mi?: string; s?: string; frac?: string; ampm?: string },
  zone: string | undefined,
  timezone: string,
): ParsedDate | null {
  let hour = Number(time.h ?? 0)
  const ampm = time.ampm?.toLowerCase()
  if (ampm) {
    if (hour < 1 || hour > 12) return null
    // "SA" / "CH" are Vietnamese Windows' AM / PM (sáng / chiều).
    if ((ampm === 'pm' || ampm === 'ch') && hour < 12) hour += 12
    if ((ampm === 'am' || ampm === 'sa') && hour === 12) hour = 0
  }
  const minute = Number(time.mi ?? 0)
  const second = Number(time.s ?? 0)
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || hour > 23 || minute > 59 || second > 60) return null
  const local = Date.UTC(y, mo - 1, d, hour, minute, second, Number((time.frac ?? '0').slice(0, 3).padEnd(3, '0')))
  const check = new Date(local)
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return null
  const stated = zoneMinutes(zone)
  if (zone && stated === null) return null
  if (stated !== null) return { epochMs: local - stated * 60_000, offsetMinutes: stated, stated: true }
  return { ...readWallClock(local, timezone), stated: false }
}

/**
 * The instant a wall-clock time (its fields as if UTC) names in a zone: how a time written without a
 * zone is read, at import and when an import is re-read in another zone. Two steps find the offset
 * across a DST change. `epochMs + offsetMinutes` always gives back the wall clock, so a re-read can
 * start from what is stored and be undone exactly.
 */
export function readWallClock(local: number, timezone: string): { epochMs: number; offsetMinutes: number } {
  let offset = cachedOffset(timezone, local)
  offset = cachedOffset(timezone, local - offset * 60_000)
  return { epochMs: local - offset * 60_000, offsetMinutes: offset }
}

/**
 * Parses the date formats survey tools and spreadsheets write: ISO 8601 (with or without offset),
 * d/m/yyyy and m/d/yyyy (the order must be given; see dateEvidence), with 12- or 24-hour times,
 * Google Forms' "2025/03/01 10:22:33 AM GMT+7", "1 Mar 2025", Unix seconds or milliseconds, and
 * Buddhist-era years. Times without a zone are read in `timezone`. Null when the text is not a date.
 */
export function parseDate(text: string, order: DateOrder | null, timezone: string): ParsedDate | null {
  const t = text.trim()
  if (!t) return null
  if (UNIX.test(t)) {
    const n = Number(t)
    const ms = t.length <= 10 ? n * 1000 : n
    // 2001-09-09 … 2286: anything else is more likely an id than a timestamp.
    if (ms < 1_000_000_000_000 || ms > 9_999_999_999_999) return null
    return { epochMs: ms, offsetMinutes: 0, stated: true }
  }
  let m = YEAR_FIRST.exec(t)
  if (m) return build(gregorianYear(Number(m[1])), Number(m[2]), Number(m[3]), { h: m[4], mi: m[5], s: m[6], frac: m[7], ampm: m[8] }, m[9], timezone)
  m = YEAR_LAST.exec(t)
  if (m) {
    const a = Number(m[1])
    const b = Number(m[2])
    // Without an order only an unambiguous date can be read (one part above 12, or both the same).
    const dayFirst = order ? order === 'dmy' : a > 12 ? true : b > 12 ? false : a === b ? true : null
    if (dayFirst === null) return null
    return build(gregorianYear(Number(m[3])), dayFirst ? b : a, dayFirst ? a : b, { h: m[4], mi: m[5], s: m[6], frac: m[7], ampm: m[8] }, m[9], timezone)
  }
  m = NAMED_MONTH.exec(t)
  if (m) {
    const month = MONTHS[(m[2] ?? m[4]).toLowerCase().slice(0, m[2] === 'sept' ? 4 : 3)]
    if (!month) return null
    const day = Number(m[1] ?? m[5])
    return build(gregorianYear(Number(m[3] ?? m[6])), month, day, { h: m[7], mi: m[8], s: m[9], frac: m[10], ampm: m[11] }, m[12], timezone)
  }
  return null
}

export interface DateEvidence {
  /** Values that parse in some order. */
  dates: number
  /** Values that can only be day-first (first number above 12) or only month-first. */
  dayFirst: number
  monthFirst: number
  /** Values like 3/4/2025 that read differently in the two orders. */
  ambiguous: number
  /** An example of each kind, to show the user. */
  examples: { dayFirst?: string; monthFirst?: string; ambiguous?: string }
}

export const emptyEvidence = (): DateEvidence => ({ dates: 0, dayFirst: 0, monthFirst: 0, ambiguous: 0, examples: {} })

const SLASHED = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})\b/

/** Adds one value to the evidence for a column's date order. */
export function addDateEvidence(ev: DateEvidence, text: string): void {
  const t = text.trim()
  if (!t) return
  const m = SLASHED.exec(t)
  if (!m) {
    if (parseDate(t, 'dmy', 'UTC')) ev.dates++
    return
  }
  const a = Number(m[1])
  const b = Number(m[2])
  if (a > 12 && b <= 12) {
    ev.dayFirst++
    ev.examples.dayFirst ??= t
  } else if (b > 12 && a <= 12) {
    ev.monthFirst++
    ev.examples.monthFirst ??= t
  } else if (a !== b && a <= 12 && b <= 12) {
    ev.ambiguous++
    ev.examples.ambiguous ??= t
  }
  ev.dates++
}

export function mergeEvidence(a: DateEvidence, b: DateEvidence): DateEvidence {
  return {
    dates: a.dates + b.dates,
    dayFirst: a.dayFirst + b.dayFirst,
    monthFirst: a.monthFirst + b.monthFirst,
    ambiguous: a.ambiguous + b.ambiguous,
    examples: { ...b.examples, ...a.examples },
  }
}

/** The order the evidence proves, or null when it proves none (all ambiguous) or contradicts itself. */
export function orderFromEvidence(ev: DateEvidence): DateOrder | null {
  if (ev.dayFirst > 0 && ev.monthFirst === 0) return 'dmy'
  if (ev.monthFirst > 0 && ev.dayFirst === 0) return 'mdy'
  return null
}

/** True when the user must choose: some dates read two ways and nothing in the column settles it. */
export const needsOrderChoice = (ev: DateEvidence) => ev.ambiguous > 0 && orderFromEvidence(ev) === null

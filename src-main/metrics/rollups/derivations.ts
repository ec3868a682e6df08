import type { Sqlite } from '../../db/sqlite'
import type { BusinessHours } from '../../../src-shared/api/metrics'
import { businessHoursSchema } from '../../../src-shared/api/metrics'
import { isValidTimeZone, localDateConverter } from '../../../src-shared/domain/timezone'
import type { FactDerivations } from './rollupMaintainRepository'
import { businessMs } from '../businessHours'
import { readMetaValues } from '../../db/meta'
import { remembered } from './rollupSnapshotRepository'

const HOUR = 3_600_000
export const BUSINESS_HOURS_KEY = 'ttr_business_hours'
export const defaultBusinessHours: BusinessHours = { enabled: false, days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' }

export function parseBusinessHours(raw: string | undefined): BusinessHours {
  if (!raw) return defaultBusinessHours
  try {
    const parsed = businessHoursSchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : defaultBusinessHours
  } catch {
    return defaultBusinessHours
  }
}

/**
 * Time to resolution of one item in whole hours (METRICS.md: resolved_at − created_at, here the
 * arrival time; in working hours when the workspace says so), rounded to the nearest hour:
 * −1 while it is open, −2 when it was closed without a resolution time.
 */
export function ttrHours(status: string | null, submittedAt: number | null, resolvedAt: number | null, bh: BusinessHours, timezone: string): number {
  if (status === 'new' || status === 'in_progress') return -1
  if (status !== 'resolved' || resolvedAt === null || submittedAt === null) return -2
  const ms = bh.enabled ? businessMs(submittedAt, resolvedAt, bh, timezone) : Math.max(0, resolvedAt - submittedAt)
  return Math.round(ms / HOUR)
}

/** A lifecycle date as a local calendar date: dates as written, timestamps cut in the workspace's zone. */
export function lifecycleDay(value: string, localDateOf: (ms: number) => string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return isCalendarDate(value) ? value : null
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : NaN
  return Number.isNaN(ms) ? null : localDateOf(ms)
}

/** A YYYY-MM-DD that names a real day (not 2025-02-30). */
function isCalendarDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value
}

type Derivations = FactDerivations & { timezone: string; businessHours: BusinessHours }
/** One set of derivations per (zone, working hours) seen: building one validates the zone through Intl, which is slow. */
const known = new Map<string, Derivations>()

/** The workspace's current definitions (zone, working hours) as the derivations the summaries are folded with. */
export function factDerivations(sqlite: Sqlite): Derivations {
  const rows = remembered(sqlite, 'derivationSettings', () => readMetaValues(sqlite, ['timezone', BUSINESS_HOURS_KEY]))
  const meta = new Map(rows.map((r) => [r.key, r.value]))
  const cacheKey = `${meta.get('timezone')}\u0000${meta.get(BUSINESS_HOURS_KEY)}`
  let d = known.get(cacheKey)
  if (d) return d
  const tz = meta.get('timezone')
  const timezone = tz && isValidTimeZone(tz) ? tz : 'UTC'
  const businessHours = parseBusinessHours(meta.get(BUSINESS_HOURS_KEY))
  const localDateOf = localDateConverter(timezone)
  d = {
    timezone,
    businessHours,
    ttrHours: (status, submitted, resolved) => ttrHours(status, submitted, resolved, businessHours, timezone),
    localDay: (stamp) => lifecycleDay(stamp, localDateOf),
  }
  known.set(cacheKey, d)
  return d
}

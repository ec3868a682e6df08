import type { BusinessHours } from '../../src-shared/api/metrics'
import type { FeedbackFilter } from '../../src-shared/api/filters'
import { defaultFollowUpRule, followUpRuleSchema, type FollowUpCounts, type FollowUpRule, type OnTimeRow, type Reminders, type SnoozeState } from '../../src-shared/api/followUps'
import { MIN_RELIABLE_N } from '../../src-shared/domain/scores'
import { AppError } from '../../src-shared/api/result'
import type { OpenWorkspace } from '../db/openWorkspace'
import type { Sqlite } from '../db/sqlite'
import { readMetaValue, writeMetaValue } from '../db/meta'
import { inTransaction, unlessBusy } from '../db/transaction'
import { businessTimeAdder } from '../metrics/businessHours'
import { factDerivations } from '../metrics/rollups/derivations'
import { dueSetter, dueSoonItems, followUpCounts, markAllPending, newPoorSince, onTimeByOwner, pendingDue, snoozeSetter, snoozeStates } from './followUpDueRepository'

export const FOLLOW_UP_RULE_KEY = 'followUps.rule'
/** The rule, working hours and zone the stored due dates were worked out with. */
const STAMP_KEY = 'followUps.stamp'
const DAY = 86_400_000
const HOUR = 3_600_000
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

export function readFollowUpRule(sqlite: Sqlite): FollowUpRule {
  const raw = readMetaValue(sqlite, FOLLOW_UP_RULE_KEY)
  if (!raw) return defaultFollowUpRule
  try {
    const parsed = followUpRuleSchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : defaultFollowUpRule
  } catch {
    return defaultFollowUpRule
  }
}

/**
 * The due-date function of a rule: a follow-up of band −1 / 0 / 1 (null: no score) that arrived at
 * `submittedAt` is due after the rule's days for its band. With working hours on, a day is the
 * working day's length (08:00–17:00: 9 hours) of working time, counted in working hours only, in
 * the workspace's zone — the hours time to resolution uses; otherwise calendar days (24 hours each).
 * Null: the rule gives that band no due date.
 */
export function dueDateRule(rule: FollowUpRule, bh: BusinessHours, timezone: string): (submittedAt: number, band: number | null) => number | null {
  const add = bh.enabled ? businessTimeAdder(bh, timezone) : null
  const workingDayMs = (minutesOf(bh.end) - minutesOf(bh.start)) * 60_000
  return (submittedAt, band) => {
    const days = band === -1 ? rule.poor : band === 0 ? rule.neutral : band === 1 ? rule.good : rule.unscored
    if (days === null) return null
    if (!add) return submittedAt + days * DAY
    return add(submittedAt, Math.round(days * workingDayMs))
  }
}

/** 95% Wilson score interval of a share k / n (better than p ± 1.96·SE near 0 or 1, where on-time shares sit). */
export function wilsonInterval(k: number, n: number): { low: number; high: number } | null {
  if (n <= 0) return null
  const z = 1.96
  const p = k / n
  const denom = 1 + (z * z) / n
  const centre = (p + (z * z) / (2 * n)) / denom
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) }
}

/** A row of the on-time figures from its counts. */
export function onTimeRow(owner: string | null, c: { resolved: number; onTime: number; open: number; overdue: number }): OnTimeRow {
  const ci = wilsonInterval(c.onTime, c.resolved)
  return { owner, ...c, share: c.resolved ? c.onTime / c.resolved : null, low: ci?.low ?? null, high: ci?.high ?? null, lowSample: c.resolved < MIN_RELIABLE_N }
}

/**
 * Works out the due dates still pending (new follow-ups, changed bands), and all of them when the
 * rule, the working hours or the zone changed since they were. Skipped while another connection
 * writes (an import): the readers then see the dates as they were, and the next read catches up.
 */
export function ensureDueDates(sqlite: Sqlite): void {
  // A read-only open (the command line's) shows the dates as stored.
  if (sqlite.readonly) return
  const rule = readFollowUpRule(sqlite)
  const { businessHours, timezone } = factDerivations(sqlite)
  const { soonHours: _soon, ...dueRule } = rule
  const stamp = JSON.stringify({ dueRule, businessHours, timezone })
  unlessBusy(sqlite, () =>
    inTransaction(sqlite, () => {
      if (readMetaValue(sqlite, STAMP_KEY) !== stamp) {
        markAllPending(sqlite)
        writeMetaValue(sqlite, STAMP_KEY, stamp)
      }
      const pending = pendingDue(sqlite)
      if (!pending.length) return
      const dueOf = dueDateRule(rule, businessHours, timezone)
      const set = dueSetter(sqlite)
      for (const p of pending) set(p.id, dueOf(p.submitted_at, p.band))
    }),
  )
}

export function followUpRuleOf(open: OpenWorkspace) {
  return { rule: readFollowUpRule(open.ws.sqlite), workingHours: factDerivations(open.ws.sqlite).businessHours.enabled }
}

export function setFollowUpRule(open: OpenWorkspace, rule: FollowUpRule) {
  writeMetaValue(open.ws.sqlite, FOLLOW_UP_RULE_KEY, JSON.stringify(followUpRuleSchema.parse(rule)))
  ensureDueDates(open.ws.sqlite)
  return followUpRuleOf(open)
}

export function countFollowUps(open: OpenWorkspace, now: number): FollowUpCounts {
  const sqlite = open.ws.sqlite
  ensureDueDates(sqlite)
  return followUpCounts(sqlite, now, readFollowUpRule(sqlite).soonHours * HOUR)
}

/** The share of follow-ups resolved by their due date, per owner and overall, among the filter's responses. */
export async function onTime(open: OpenWorkspace, filter: FeedbackFilter, now: number): Promise<{ rows: OnTimeRow[]; overall: OnTimeRow }> {
  ensureDueDates(open.ws.sqlite)
  const groups = await onTimeByOwner(open.db, filter, now)
  const total = { resolved: 0, onTime: 0, open: 0, overdue: 0 }
  const rows = groups.map((g) => {
    const c = { resolved: Number(g.resolved), onTime: Number(g.onTime), open: Number(g.open), overdue: Number(g.overdue) }
    total.resolved += c.resolved
    total.onTime += c.onTime
    total.open += c.open
    total.overdue += c.overdue
    return onTimeRow(g.owner, c)
  })
  return { rows, overall: onTimeRow(null, total) }
}

/**
 * Snoozes (or wakes, with null) follow-ups; answers the previous snoozes for undo. Items that are not
 * follow-ups are left alone, and so, when waking, are follow-ups not snoozed now (a bulk "end snooze"
 * over a mixed selection counts and undoes only the ones it woke).
 */
export function snooze(open: OpenWorkspace, ids: number[], until: number | null, actor: string | null, now: number) {
  if (until !== null && until <= now) throw new AppError('VALIDATION', 'A snooze must end in the future.')
  const sqlite = open.ws.sqlite
  ensureDueDates(sqlite)
  const set = snoozeSetter(sqlite)
  return inTransaction(sqlite, () => {
    const previous = snoozeStates(sqlite, ids).filter((p) => until !== null || (p.snoozedUntil !== null && p.snoozedUntil > now))
    let updated = 0
    for (const p of previous) if (set(p.id, until, actor)) updated++
    return { updated, previous }
  })
}

/** Undo of snooze: each follow-up's snooze as it was. */
export function restoreSnooze(open: OpenWorkspace, items: SnoozeState[], actor: string | null) {
  const sqlite = open.ws.sqlite
  const set = snoozeSetter(sqlite)
  return inTransaction(sqlite, () => ({ updated: items.filter((p) => set(p.id, p.snoozedUntil, actor)).length }))
}

/** What the reminders need: the counts, poor scores written since `since`, follow-ups due soon. */
export function reminders(open: OpenWorkspace, since: number, now: number): Reminders {
  const sqlite = open.ws.sqlite
  const counts = countFollowUps(open, now)
  const { soonHours } = readFollowUpRule(sqlite)
  const poor = newPoorSince(sqlite, since, 20)
  return { counts, newPoor: poor.items, newPoorCount: poor.count, dueSoon: dueSoonItems(sqlite, now, soonHours * HOUR, 50), soonHours, at: now }
}

import { sql, type Expression, type Kysely, type SqlBool } from 'kysely'
import type { DB } from '../db/schema'
import type { Sqlite } from '../db/sqlite'
import type { FeedbackFilter } from '../../src-shared/api/filters'
import type { FollowUpView } from '../../src-shared/api/followUps'
import { build, rowsOf, runOf } from '../db/syncQuery'
import { filteredResponses } from '../db/feedbackFilter'

/** An open follow-up: a poor score not yet dealt with, or feedback being followed up. */
const OPEN = sql<SqlBool>`(r.status = 'in_progress' OR (r.status = 'new' AND r.band = -1))`
/** Feedback that needed a follow-up (as time to resolution counts it: metrics/followUpsRepository.ts). */
const FOLLOW_UP = sql<SqlBool>`(r.band = -1 OR r.status IN ('in_progress', 'resolved'))`

/** Follow-ups whose due date has not been worked out with the current rule. */
export function pendingDue(sqlite: Sqlite): Array<{ id: number; submitted_at: number; band: -1 | 0 | 1 | null }> {
  return rowsOf(
    sqlite,
    build
      .selectFrom('follow_up_due as d')
      .innerJoin('responses as r', 'r.id', 'd.response_id')
      .select(['r.id', 'r.submitted_at', 'r.band'])
      .where('d.pending', '=', 1),
  )
}

/**
 * Writes worked-out due dates, one statement prepared once: an import of a million rows leaves a few
 * hundred thousand to work out, and a query built per row spent more time compiling than writing.
 */
export function dueSetter(sqlite: Sqlite): (id: number, dueAt: number | null) => void {
  const update = sqlite.prepare<[number | null, number]>('UPDATE follow_up_due SET due_at = ?, pending = 0 WHERE response_id = ?')
  return (id, dueAt) => void update.run(dueAt, id)
}

/** Every due date to be worked out again (the rule, the working hours or the zone changed). */
export function markAllPending(sqlite: Sqlite): void {
  runOf(sqlite, build.updateTable('follow_up_due').set({ pending: 1 }).where('pending', '=', 0))
}

/**
 * Open follow-ups; those past their due date and not snoozed (overdue), due within `soonMs` and not
 * snoozed (due soon), and snoozed until a later time.
 */
export function followUpCounts(sqlite: Sqlite, now: number, soonMs: number): { open: number; overdue: number; dueSoon: number; snoozed: number } {
  const awake = sql<SqlBool>`(d.snoozed_until IS NULL OR d.snoozed_until <= ${now})`
  const [row] = rowsOf(
    sqlite,
    build
      .selectFrom('follow_up_due as d')
      .innerJoin('responses as r', 'r.id', 'd.response_id')
      .select([
        sql<number>`count(*)`.as('open'),
        sql<number>`ifnull(sum(d.due_at <= ${now} AND ${awake}), 0)`.as('overdue'),
        sql<number>`ifnull(sum(d.due_at > ${now} AND d.due_at <= ${now + soonMs} AND ${awake}), 0)`.as('dueSoon'),
        sql<number>`ifnull(sum(d.snoozed_until > ${now}), 0)`.as('snoozed'),
      ])
      .where(OPEN),
  )
  return row
}

/** The condition of an inbox follow-up view on responses `r` at `now`. */
export function followUpViewCondition(view: FollowUpView, now: number, soonMs: number): Expression<SqlBool> {
  const due =
    view === 'overdue'
      ? sql`d.due_at <= ${now} AND (d.snoozed_until IS NULL OR d.snoozed_until <= ${now})`
      : view === 'dueSoon'
        ? sql`d.due_at > ${now} AND d.due_at <= ${now + soonMs} AND (d.snoozed_until IS NULL OR d.snoozed_until <= ${now})`
        : sql`d.snoozed_until > ${now}`
  return sql<SqlBool>`(${OPEN} AND r.id IN (SELECT d.response_id FROM follow_up_due d WHERE ${due}))`
}

/** Due date and snooze of some responses (a page of the inbox, one item). */
export function dueOf(sqlite: Sqlite, ids: number[]): Map<number, { dueAt: number | null; snoozedUntil: number | null }> {
  const out = new Map<number, { dueAt: number | null; snoozedUntil: number | null }>()
  for (let i = 0; i < ids.length; i += 500) {
    const rows = rowsOf(sqlite, build.selectFrom('follow_up_due').select(['response_id', 'due_at', 'snoozed_until']).where('response_id', 'in', ids.slice(i, i + 500)))
    for (const r of rows) out.set(r.response_id, { dueAt: r.due_at, snoozedUntil: r.snoozed_until })
  }
  return out
}

/** The snooze of those of `ids` that are follow-ups (others have no row and cannot be snoozed). */
export function snoozeStates(sqlite: Sqlite, ids: number[]): Array<{ id: number; snoozedUntil: number | null }> {
  const out: Array<{ id: number; snoozedUntil: number | null }> = []
  for (let i = 0; i < ids.length; i += 500)
    out.push(...rowsOf(sqlite, build.selectFrom('follow_up_due').select(['response_id as id', 'snoozed_until as snoozedUntil']).where('response_id', 'in', ids.slice(i, i + 500))))
  return out
}

export function snoozeSetter(sqlite: Sqlite): (id: number, until: number | null, actor: string | null) => boolean {
  return (id, until, actor) => runOf(sqlite, build.updateTable('follow_up_due').set({ snoozed_until: until, snoozed_by: until === null ? null : actor }).where('response_id', '=', id)).changes > 0
}

/** Per owner, the follow-ups with a due date among the filter's responses: resolved, resolved by it, open, open past it. */
export async function onTimeByOwner(db: Kysely<DB>, filter: FeedbackFilter, now: number) {
  return filteredResponses(db, filter)
    .innerJoin('follow_up_due as d', 'd.response_id', 'r.id')
    .where(FOLLOW_UP)
    .where('d.due_at', 'is not', null)
    .select([
      'r.owner as owner',
      sql<number>`ifnull(sum(r.status = 'resolved' AND r.resolved_at IS NOT NULL), 0)`.as('resolved'),
      sql<number>`ifnull(sum(r.status = 'resolved' AND r.resolved_at <= d.due_at), 0)`.as('onTime'),
      sql<number>`ifnull(sum(${OPEN}), 0)`.as('open'),
      sql<number>`ifnull(sum(${OPEN} AND d.due_at <= ${now}), 0)`.as('overdue'),
    ])
    .groupBy('r.owner')
    .orderBy(sql`r.owner IS NULL`)
    .orderBy('r.owner')
    .execute()
}

const reminderColumns = ['r.id', 'd.due_at as dueAt', 'r.score', 'c.name as customerName', 'r.owner'] as const

/** Poor scores written after `since` (newest first, at most `limit`), and how many. */
export function newPoorSince(sqlite: Sqlite, since: number, limit: number) {
  const base = build.selectFrom('responses as r').where('r.band', '=', -1).where('r.created_at', '>', since)
  const items = rowsOf(
    sqlite,
    base
      .leftJoin('customers as c', 'c.id', 'r.customer_id')
      .leftJoin('follow_up_due as d', 'd.response_id', 'r.id')
      .select(reminderColumns)
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(limit),
  )
  const [{ n }] = rowsOf(sqlite, base.select(sql<number>`count(*)`.as('n')))
  return { items, count: n }
}

/** Open follow-ups due within (now, now + soonMs] and not snoozed, the first due first. */
export function dueSoonItems(sqlite: Sqlite, now: number, soonMs: number, limit: number) {
  return rowsOf(
    sqlite,
    build
      .selectFrom('follow_up_due as d')
      .innerJoin('responses as r', 'r.id', 'd.response_id')
      .leftJoin('customers as c', 'c.id', 'r.customer_id')
      .select(reminderColumns)
      .where('d.due_at', '>', now)
      .where('d.due_at', '<=', now + soonMs)
      .where(sql<SqlBool>`(d.snoozed_until IS NULL OR d.snoozed_until <= ${now})`)
      .where(OPEN)
      .orderBy('d.due_at')
      .limit(limit),
  )
}

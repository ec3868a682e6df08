import { sql, type Kysely } from 'kysely'
import type { DB } from '../db/schema'
import type Database from 'better-sqlite3'
import { activeFilterKeys, type FeedbackFilter } from '../../src-shared/api/filters'
import { followUpStatuses, type FollowUpStatus, type MetricKind } from '../../src-shared/domain/scores'
import { filteredResponses } from '../db/feedbackFilter'

/** What a report prints of one response: a comment under a theme, or a follow-up still open. */
export interface ReportResponseRow {
  local_date: string
  submitted_at: number
  comment: string | null
  metric: MetricKind | null
  score: number | null
  scale_max: number | null
  language: string | null
  touchpoint: string | null
  location: string | null
  status: FollowUpStatus
  owner: string | null
  customer_name: string | null
  email: string | null
  phone: string | null
}

const columns = [
  'r.local_date',
  'r.submitted_at',
  'r.comment',
  'q.metric',
  'r.score',
  'q.scale_max',
  'r.language',
  'r.touchpoint',
  'r.location',
  'r.status',
  'r.owner',
  'c.name as customer_name',
  // The respondent's own address when the survey recorded one, else the customer's.
  sql<string | null>`coalesce(r.respondent_email, c.email)`.as('email'),
  'c.phone',
] as const

/**
 * The newest responses of the filter that carry a comment (a theme's representative comments). The
 * tags are tested on each row read, newest first (a probe of its own tags in response_tags' primary
 * key), until the few wanted are found: the filter's list of every response with the tag, which a
 * tag filter otherwise builds first, held ~60,000 ids per theme at a million responses (~28 ms each).
 */
export async function newestComments(db: Kysely<DB>, filter: FeedbackFilter, limit: number): Promise<ReportResponseRow[]> {
  const { tag, ...rest } = filter
  let q = filteredResponses(db, rest, { membershipScan: true })
  if (tag?.length)
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('response_tags as rt').innerJoin('tags as t', 't.id', 'rt.tag_id').select(sql<number>`1`.as('one')).whereRef('rt.response_id', '=', 'r.id').where('t.name', 'in', tag)),
    )
  return (await q
    .where('r.comment', 'is not', null)
    .where(sql<boolean>`length(r.comment) > 0`)
    .select(columns)
    .orderBy('r.submitted_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute()) as ReportResponseRow[]
}

/** Poor answers still waiting for a follow-up, longest waiting first. */
export async function oldestOpenPoor(db: Kysely<DB>, filter: FeedbackFilter, limit: number): Promise<ReportResponseRow[]> {
  return (await filteredResponses(db, { ...filter, band: ['poor'], status: ['new', 'in_progress'] })
    .select(columns)
    .orderBy('r.submitted_at', 'asc')
    .orderBy('r.id', 'asc')
    .limit(limit)
    .execute()) as ReportResponseRow[]
}

const HOUR = 3_600_000

/** Poor answers of the filter by follow-up status. */
export async function poorByStatus(db: Kysely<DB>, sqlite: Database.Database, filter: FeedbackFilter): Promise<Array<{ status: FollowUpStatus; n: number }>> {
  // Unfiltered, the planner would walk the band index and read every row for its status; the
  // follow-up index holds the status of every poor answer, so counting it reads nothing else.
  const keys = activeFilterKeys(filter)
  if (!keys.length)
    return sqlite.prepare('SELECT status, count(*) n FROM responses INDEXED BY responses_follow_up WHERE band = -1 GROUP BY status').all() as Array<{ status: FollowUpStatus; n: number }>
  // A period alone (a report's month): the status index holds each answer's time, band and local
  // date, so one seek per status reads the period's entries and nothing else. Through the band
  // index instead, each poor answer of the period was read from the table for its date and status
  // (~100 ms for a month of a million responses, against ~10 ms).
  if (keys.every((k) => k === 'from' || k === 'to')) {
    const where = ['band = -1']
    const params: Array<string | number> = []
    if (filter.from) {
      where.push('local_date >= ?', 'submitted_at >= ?')
      params.push(filter.from, Date.parse(`${filter.from}T00:00:00Z`) - 14 * HOUR)
    }
    if (filter.to) {
      where.push('local_date <= ?', 'submitted_at < ?')
      params.push(filter.to, Date.parse(`${filter.to}T00:00:00Z`) + 38 * HOUR)
    }
    const statuses = followUpStatuses.map((x) => `'${x}'`).join(', ')
    return sqlite.prepare(`SELECT status, count(*) n FROM responses INDEXED BY responses_status_newest WHERE status IN (${statuses}) AND ${where.join(' AND ')} GROUP BY status`).all(...params) as Array<{ status: FollowUpStatus; n: number }>
  }
  const rows = await filteredResponses(db, { ...filter, band: ['poor'] }, { joins: false })
    .select(['r.status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('r.status')
    .execute()
  return rows.map((r) => ({ status: r.status, n: Number(r.n) }))
}

/** The first and last moment with a response (read from the time index), or null for an empty workspace. */
export async function responseTimeSpan(db: Kysely<DB>): Promise<{ first: number | null; last: number | null }> {
  // Two queries: SQLite reads a lone min() or max() from the end of an index, but scans for both at once.
  const first = await db.selectFrom('responses').select((eb) => eb.fn.min('submitted_at').as('t')).executeTakeFirst()
  const last = await db.selectFrom('responses').select((eb) => eb.fn.max('submitted_at').as('t')).executeTakeFirst()
  return { first: first?.t == null ? null : Number(first.t), last: last?.t == null ? null : Number(last.t) }
}


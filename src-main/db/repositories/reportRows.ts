import { sql, type Kysely } from 'kysely'
import type { DB } from '../schema'
import type { FeedbackFilter } from '../../../src-shared/api/filters'
import type { FollowUpStatus, MetricKind } from '../../../src-shared/domain/scores'
import { filteredResponses } from './feedbackFilter'

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

/** The newest responses of the filter that carry a comment (a theme's representative comments). */
export async function newestComments(db: Kysely<DB>, filter: FeedbackFilter, limit: number): Promise<ReportResponseRow[]> {
  return (await filteredResponses(db, filter, { membershipScan: true })
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

/** Poor answers of the filter by follow-up status. */
export async function poorByStatus(db: Kysely<DB>, filter: FeedbackFilter): Promise<Array<{ status: FollowUpStatus; n: number }>> {
  const rows = await filteredResponses(db, { ...filter, band: ['poor'] }, { joins: false })
    .select(['r.status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('r.status')
    .execute()
  return rows.map((r) => ({ status: r.status, n: Number(r.n) }))
}

/** The first and last moment with a response (read from the time index), or null for an empty workspace. */
export async function responseTimeSpan(db: Kysely<DB>): Promise<{ first: number | null; last: number | null }> {
  const row = await db.selectFrom('responses').select([(eb) => eb.fn.min('submitted_at').as('first'), (eb) => eb.fn.max('submitted_at').as('last')]).executeTakeFirst()
  return { first: row?.first == null ? null : Number(row.first), last: row?.last == null ? null : Number(row.last) }
}

/** Responses of the filter with at least one theme. */
export async function taggedCount(db: Kysely<DB>, filter: FeedbackFilter): Promise<number> {
  const row = await filteredResponses(db, filter, { joins: false })
    .where(sql<boolean>`EXISTS (SELECT 1 FROM response_tags rt WHERE rt.response_id = r.id)`)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

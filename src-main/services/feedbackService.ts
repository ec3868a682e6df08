import type { FeedbackCursor, FeedbackItem } from '../../src-shared/api/feedback'
import { metricKinds, type MetricKind } from '../../src-shared/domain/scores'
import { pageNewestFirst, type FeedbackRow } from '../db/repositories/responses'
import type { OpenWorkspace } from './workspaceSession'

const toItem = (r: FeedbackRow): FeedbackItem => ({
  id: r.id,
  submittedAt: r.submitted_at,
  localDate: r.local_date,
  metric: (metricKinds as readonly string[]).includes(r.metric ?? '') ? (r.metric as MetricKind) : null,
  score: r.score,
  scaleMin: r.scale_min,
  scaleMax: r.scale_max,
  comment: r.comment,
  channel: r.channel,
  touchpoint: r.touchpoint,
  stage: r.stage,
  location: r.location,
  language: r.language,
  status: r.status,
  customerName: r.customer_name,
  customerRef: r.customer_ref,
})

export async function listFeedback(open: OpenWorkspace, limit: number, cursor?: FeedbackCursor) {
  // One extra row tells whether another page exists without a COUNT over the table.
  const rows = await pageNewestFirst(open.db, limit + 1, cursor)
  const items = rows.slice(0, limit).map(toItem)
  const last = items[items.length - 1]
  return { items, nextCursor: rows.length > limit && last ? { submittedAt: last.submittedAt, id: last.id } : null }
}

import { sql, type Kysely } from 'kysely'
import type { DB } from '../db/schema'
import type { Dimension, FeedbackFilter } from '../../src-shared/api/filters'
import type { FollowUpStatus } from '../../src-shared/domain/scores'
import { filteredResponses } from '../db/feedbackFilter'
import { byDimension } from './scoreCountsRepository'

export interface FollowUpRow {
  local_date: string
  grp: string | null
  status: FollowUpStatus
  submitted_at: number
  resolved_at: number | null
}

/**
 * Feedback that needed a follow-up — a poor score, or a follow-up that was taken up — with its
 * status and times, read from the responses (the raw side of TTR; the rollup triggers use the same
 * condition).
 */
export async function followUps(db: Kysely<DB>, filter: FeedbackFilter = {}, dim?: Dimension): Promise<FollowUpRow[]> {
  const { source, grp } = byDimension(filteredResponses(db, filter).where(sql<boolean>`(r.band = -1 OR r.status IN ('in_progress', 'resolved'))`), dim)
  return source.select(['r.local_date', grp.as('grp'), 'r.status', 'r.submitted_at', 'r.resolved_at']).execute()
}

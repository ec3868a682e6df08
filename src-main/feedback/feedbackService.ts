import type { Customer, Facets, FeedbackCursor, FeedbackDetail, FeedbackItem, Note, PreviousState } from '../../src-shared/api/feedback'
import type { FeedbackFilter } from '../../src-shared/api/filters'
import { AppError } from '../../src-shared/api/result'
import { metricKinds, scoreBands, type FollowUpStatus, type MetricKind } from '../../src-shared/domain/scores'
import { detailOf, eventsOf, inboxCount, inboxPage, notesOf, rowById, rowsByCustomer, tagsOf, type InboxRow } from './feedbackRowsRepository'
import { insertNote, ownerSetter, previousStates, responseEventWriter, responseExists, stateRestorer, statusSetter } from './feedbackEditsRepository'
import { customerCard } from '../customers/customersRepository'
import { matchesMany } from '../db/feedbackFilter'
import { distinctValues } from '../db/dimensionValues'
import type { OpenWorkspace } from '../db/openWorkspace'
import { inTransaction } from '../db/transaction'
import type { FollowUpView } from '../../src-shared/api/followUps'
import { dueOf, followUpViewCondition } from './followUpDueRepository'
import { ensureDueDates, readFollowUpRule } from './followUpService'

const bandName = (b: number | null) => (b === 1 ? scoreBands[0] : b === 0 ? scoreBands[1] : b === -1 ? scoreBands[2] : null)

function toItems(open: OpenWorkspace, rows: InboxRow[]): FeedbackItem[] {
  const tags = tagsOf(open.ws.sqlite, rows.map((r) => r.id))
  const due = dueOf(open.ws.sqlite, rows.map((r) => r.id))
  return rows.map((r) => ({
    id: r.id,
    submittedAt: r.submitted_at,
    localDate: r.local_date,
    metric: (metricKinds as readonly string[]).includes(r.metric ?? '') ? (r.metric as MetricKind) : null,
    score: r.score,
    scaleMin: r.scale_min,
    scaleMax: r.scale_max,
    band: bandName(r.band),
    sentiment: r.sentiment,
    comment: r.comment,
    channel: r.channel,
    touchpoint: r.touchpoint,
    stage: r.stage,
    location: r.location,
    language: r.language,
    status: r.status,
    owner: r.owner,
    tags: tags.get(r.id) ?? [],
    customerId: r.customer_id,
    customerName: r.customer_name,
    customerRef: r.customer_ref,
    customerEmail: r.customer_email,
    customerPhone: r.customer_phone,
    dueAt: due.get(r.id)?.dueAt ?? null,
    snoozedUntil: due.get(r.id)?.snoozedUntil ?? null,
  }))
}

export async function listFeedback(open: OpenWorkspace, req: { filter?: FeedbackFilter; limit: number; cursor?: FeedbackCursor; withTotal: boolean; followUp?: FollowUpView }, now = Date.now()) {
  const filter = req.filter ?? {}
  // Due dates are worked out before they are shown or filtered on (new follow-ups, a changed rule).
  ensureDueDates(open.ws.sqlite)
  const where = req.followUp ? followUpViewCondition(req.followUp, now, readFollowUpRule(open.ws.sqlite).soonHours * 3_600_000) : undefined
  // One extra row tells whether another page exists.
  const rows = await inboxPage(open.db, filter, req.limit + 1, req.cursor, { membershipScan: !where && matchesMany(open.ws.sqlite, filter), where })
  const items = toItems(open, rows.slice(0, req.limit))
  const last = items[items.length - 1]
  return {
    items,
    nextCursor: rows.length > req.limit && last ? { submittedAt: last.submittedAt, id: last.id } : null,
    total: req.withTotal ? await inboxCount(open.db, filter, open.ws.sqlite, where) : null,
  }
}

export async function getFeedback(open: OpenWorkspace, id: number): Promise<FeedbackDetail> {
  const row = await rowById(open.db, id)
  if (!row) throw new AppError('NOT_FOUND', `There is no feedback item ${id}.`)
  const [item] = toItems(open, [row])
  const d = await detailOf(open.db, id)
  let customer: Customer | null = null
  let history: FeedbackItem[] = []
  if (item.customerId !== null) {
    customer = await customerCard(open.db, item.customerId)
    history = toItems(open, (await rowsByCustomer(open.db, item.customerId, 51)).filter((r) => r.id !== id).slice(0, 50))
  }
  return {
    item,
    respondentEmail: d.respondent_email,
    statusChangedAt: d.status_changed_at,
    statusChangedBy: d.status_changed_by,
    resolvedAt: d.resolved_at,
    timeToResolutionMs: item.status === 'resolved' && d.resolved_at !== null ? d.resolved_at - d.submitted_at : null,
    questionLabel: d.label,
    customer,
    history,
    notes: await notesOf(open.db, id),
    events: await eventsOf(open.db, id),
  }
}

/**
 * Changes status and / or owner, with who and when, in one transaction. Resolving stamps the time
 * of resolution (kept if it was already resolved); leaving "resolved" clears it.
 */
export function updateFeedback(open: OpenWorkspace, req: { ids: number[]; status?: FollowUpStatus; owner?: string | null }, actor: string | null, now: number) {
  const sqlite = open.ws.sqlite
  const owner = req.owner === undefined ? undefined : req.owner?.trim() || null
  const setStatus = statusSetter(sqlite)
  const setOwner = ownerSetter(sqlite)
  const event = responseEventWriter(sqlite)
  return inTransaction(sqlite, () => {
    const previous = previousStates(sqlite, req.ids)
    if (previous.length !== new Set(req.ids).size) throw new AppError('NOT_FOUND', 'Some of those feedback items no longer exist.')
    let updated = 0
    for (const p of previous) {
      let changed = false
      if (req.status && setStatus({ id: p.id, status: req.status, now, actor })) {
        event(p.id, 'status', req.status, actor, now)
        changed = true
      }
      if (owner !== undefined && setOwner({ id: p.id, owner, now })) {
        event(p.id, 'owner', owner, actor, now)
        changed = true
      }
      if (changed) updated++
    }
    return { updated, previous }
  })
}

/** Undo: each item's status, owner and their timestamps exactly as they were. */
export function restoreFeedback(open: OpenWorkspace, items: PreviousState[], actor: string | null, now: number) {
  const sqlite = open.ws.sqlite
  const put = stateRestorer(sqlite)
  const event = responseEventWriter(sqlite)
  return inTransaction(sqlite, () => {
    let updated = 0
    for (const p of items)
      if (put({ ...p, now })) {
        event(p.id, 'status', p.status, actor, now)
        updated++
      }
    return { updated }
  })
}

export function addNote(open: OpenWorkspace, id: number, body: string, actor: string | null, now: number): Note {
  const sqlite = open.ws.sqlite
  return inTransaction(sqlite, () => {
    if (!responseExists(sqlite, id)) throw new AppError('NOT_FOUND', `There is no feedback item ${id}.`)
    const noteId = insertNote(sqlite, id, actor, body, now)
    responseEventWriter(sqlite)(id, 'note', body.slice(0, 200), actor, now)
    return { id: noteId, author: actor, body, createdAt: now }
  })
}

/** Distinct values per dimension for the filter menus (each from its own index). */
export function facets(open: OpenWorkspace): Facets {
  return distinctValues(open.ws.sqlite)
}

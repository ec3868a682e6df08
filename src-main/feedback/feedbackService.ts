import type { Customer, Facets, FeedbackCursor, FeedbackDetail, FeedbackItem, Note, PreviousState } from '../../src-shared/api/feedback'
import type { FeedbackFilter } from '../../src-shared/api/filters'
import { AppError } from '../../src-shared/api/result'
import { metricKinds, scoreBands, type FollowUpStatus, type MetricKind } from '../../src-shared/domain/scores'
import { inboxCount, inboxPage, inChunks, rowsByCustomer, tagsOf, type InboxRow } from './feedbackRowsRepository'
import { matchesMany } from '../db/feedbackFilter'
import type { OpenWorkspace } from '../db/openWorkspace'

const bandName = (b: number | null) => (b === 1 ? scoreBands[0] : b === 0 ? scoreBands[1] : b === -1 ? scoreBands[2] : null)

function toItems(open: OpenWorkspace, rows: InboxRow[]): FeedbackItem[] {
  const tags = tagsOf(open.ws.sqlite, rows.map((r) => r.id))
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
  }))
}

export async function listFeedback(open: OpenWorkspace, req: { filter?: FeedbackFilter; limit: number; cursor?: FeedbackCursor; withTotal: boolean }) {
  const filter = req.filter ?? {}
  // One extra row tells whether another page exists.
  const rows = await inboxPage(open.db, filter, req.limit + 1, req.cursor, { membershipScan: matchesMany(open.ws.sqlite, filter) })
  const items = toItems(open, rows.slice(0, req.limit))
  const last = items[items.length - 1]
  return {
    items,
    nextCursor: rows.length > req.limit && last ? { submittedAt: last.submittedAt, id: last.id } : null,
    total: req.withTotal ? await inboxCount(open.db, filter, open.ws.sqlite) : null,
  }
}

interface DetailRow {
  respondent_email: string | null
  status_changed_at: number | null
  status_changed_by: string | null
  resolved_at: number | null
  submitted_at: number
  label: string | null
}

export async function getFeedback(open: OpenWorkspace, id: number): Promise<FeedbackDetail> {
  const sqlite = open.ws.sqlite
  const [item] = toItems(
    open,
    (await open.db
      .selectFrom('responses as r')
      .leftJoin('questions as q', 'q.id', 'r.question_id')
      .leftJoin('customers as c', 'c.id', 'r.customer_id')
      .select([
        'r.id', 'r.submitted_at', 'r.local_date', 'q.metric', 'r.score', 'q.scale_min', 'q.scale_max', 'r.band', 'r.sentiment', 'r.comment', 'r.channel', 'r.touchpoint',
        'r.stage', 'r.location', 'r.language', 'r.status', 'r.owner', 'r.customer_id', 'c.name as customer_name', 'c.external_ref as customer_ref',
        'c.email as customer_email', 'c.phone as customer_phone',
      ])
      .where('r.id', '=', id)
      .execute()) as InboxRow[],
  )
  if (!item) throw new AppError('NOT_FOUND', `There is no feedback item ${id}.`)
  const d = sqlite
    .prepare('SELECT r.respondent_email, r.status_changed_at, r.status_changed_by, r.resolved_at, r.submitted_at, q.label FROM responses r LEFT JOIN questions q ON q.id = r.question_id WHERE r.id = ?')
    .get(id) as DetailRow
  let customer: Customer | null = null
  let history: FeedbackItem[] = []
  if (item.customerId !== null) {
    const c = sqlite
      .prepare(
        `SELECT id, external_ref ref, name, email, phone, segment, location, customer_since customerSince, churned_at churnedAt,
          (SELECT count(*) FROM responses WHERE customer_id = customers.id) responses FROM customers WHERE id = ?`,
      )
      .get(item.customerId) as Customer | undefined
    customer = c ?? null
    history = toItems(open, (await rowsByCustomer(open.db, item.customerId, 51)).filter((r) => r.id !== id).slice(0, 50))
  }
  const notes = sqlite.prepare('SELECT id, author, body, created_at createdAt FROM notes WHERE response_id = ? ORDER BY created_at, id').all(id) as Note[]
  const events = sqlite.prepare('SELECT kind, value, actor, at FROM response_events WHERE response_id = ? ORDER BY at, id').all(id) as FeedbackDetail['events']
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
    notes,
    events,
  }
}

function previousStates(open: OpenWorkspace, ids: number[]): PreviousState[] {
  return inChunks(
    ids,
    (chunk) =>
      open.ws.sqlite
        .prepare(
          `SELECT id, status, owner, status_changed_at statusChangedAt, status_changed_by statusChangedBy, resolved_at resolvedAt FROM responses WHERE id IN (${chunk.map(() => '?').join(',')})`,
        )
        .all(...chunk) as PreviousState[],
  )
}

/**
 * Changes status and / or owner, with who and when, in one transaction. Resolving stamps the time
 * of resolution (kept if it was already resolved); leaving "resolved" clears it.
 */
export function updateFeedback(open: OpenWorkspace, req: { ids: number[]; status?: FollowUpStatus; owner?: string | null }, actor: string | null, now: number) {
  const sqlite = open.ws.sqlite
  const owner = req.owner === undefined ? undefined : req.owner?.trim() || null
  const setStatus = sqlite.prepare(
    `UPDATE responses SET status = @status, status_changed_at = @now, status_changed_by = @actor, updated_at = @now,
       resolved_at = CASE WHEN @status = 'resolved' THEN coalesce(resolved_at, @now) ELSE NULL END
     WHERE id = @id AND status <> @status`,
  )
  const setOwner = sqlite.prepare('UPDATE responses SET owner = @owner, updated_at = @now WHERE id = @id AND owner IS NOT @owner')
  const event = sqlite.prepare('INSERT INTO response_events (response_id, kind, value, actor, at) VALUES (?, ?, ?, ?, ?)')
  return sqlite.transaction(() => {
    const previous = previousStates(open, req.ids)
    if (previous.length !== new Set(req.ids).size) throw new AppError('NOT_FOUND', 'Some of those feedback items no longer exist.')
    let updated = 0
    for (const p of previous) {
      let changed = false
      if (req.status && setStatus.run({ id: p.id, status: req.status, now, actor }).changes) {
        event.run(p.id, 'status', req.status, actor, now)
        changed = true
      }
      if (owner !== undefined && setOwner.run({ id: p.id, owner, now }).changes) {
        event.run(p.id, 'owner', owner, actor, now)
        changed = true
      }
      if (changed) updated++
    }
    return { updated, previous }
  })()
}

/** Undo: each item's status, owner and their timestamps exactly as they were. */
export function restoreFeedback(open: OpenWorkspace, items: PreviousState[], actor: string | null, now: number) {
  const sqlite = open.ws.sqlite
  const put = sqlite.prepare(
    `UPDATE responses SET status = @status, owner = @owner, status_changed_at = @statusChangedAt, status_changed_by = @statusChangedBy,
       resolved_at = @resolvedAt, updated_at = @now WHERE id = @id`,
  )
  const event = sqlite.prepare('INSERT INTO response_events (response_id, kind, value, actor, at) VALUES (?, ?, ?, ?, ?)')
  return sqlite.transaction(() => {
    let updated = 0
    for (const p of items)
      if (put.run({ ...p, now }).changes) {
        event.run(p.id, 'status', p.status, actor, now)
        updated++
      }
    return { updated }
  })()
}

export function addNote(open: OpenWorkspace, id: number, body: string, actor: string | null, now: number): Note {
  const sqlite = open.ws.sqlite
  return sqlite.transaction(() => {
    if (!sqlite.prepare('SELECT 1 FROM responses WHERE id = ?').get(id)) throw new AppError('NOT_FOUND', `There is no feedback item ${id}.`)
    const noteId = Number(sqlite.prepare('INSERT INTO notes (response_id, author, body, created_at) VALUES (?, ?, ?, ?)').run(id, actor, body, now).lastInsertRowid)
    sqlite.prepare('INSERT INTO response_events (response_id, kind, value, actor, at) VALUES (?, ?, ?, ?, ?)').run(id, 'note', body.slice(0, 200), actor, now)
    return { id: noteId, author: actor, body, createdAt: now }
  })()
}

/** Distinct values per dimension for the filter menus (each from its own index). */
export function facets(open: OpenWorkspace): Facets {
  const sqlite = open.ws.sqlite
  const distinct = (sql: string) => (sqlite.prepare(sql).all() as Array<{ v: string }>).map((r) => r.v)
  const col = (c: string) => distinct(`SELECT DISTINCT ${c} v FROM responses WHERE ${c} IS NOT NULL ORDER BY 1 LIMIT 500`)
  return {
    channel: col('channel'),
    touchpoint: col('touchpoint'),
    stage: col('stage'),
    location: col('location'),
    language: col('language'),
    owner: col('owner'),
    segment: distinct('SELECT DISTINCT segment v FROM customers WHERE segment IS NOT NULL ORDER BY 1 LIMIT 500'),
    tag: distinct('SELECT name v FROM tags ORDER BY name COLLATE NOCASE LIMIT 500'),
  }
}

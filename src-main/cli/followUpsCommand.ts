import type { ApiClient } from '../../src-shared/api/contract'
import type { FeedbackItem } from '../../src-shared/api/feedback'
import { UsageError, type ParsedArgs } from './args'

export const FOLLOW_UPS_USAGE = `  cxdesk follow-ups <workspace.cxdesk> [--overdue | --due-soon] [--json]
         The open follow-ups with their due dates (by the workspace's rule, in its working hours): how
         many are open, overdue, due soon and snoozed, and the overdue and due-soon ones, due first.
         --overdue or --due-soon lists only that view. Snoozed follow-ups are in neither list.`

export type FollowUpView = 'overdue' | 'dueSoon'

export function followUpsArgs(args: ParsedArgs): FollowUpView[] {
  const overdue = args.flags.has('overdue')
  const dueSoon = args.flags.has('due-soon')
  if (overdue && dueSoon) throw new UsageError('give --overdue or --due-soon, not both (neither lists both views)', 'follow-ups')
  return overdue ? ['overdue'] : dueSoon ? ['dueSoon'] : ['overdue', 'dueSoon']
}

/** Every page of one view (the contract's keyset pages of 500). */
async function allOf(api: ApiClient, view: FollowUpView): Promise<FeedbackItem[]> {
  const out: FeedbackItem[] = []
  let cursor: { submittedAt: number; id: number } | undefined
  for (;;) {
    const page = await api.call('feedback.list', { followUp: view, limit: 500, withTotal: false, ...(cursor ? { cursor } : {}) })
    out.push(...page.items)
    if (!page.nextCursor || page.items.length === 0) break
    cursor = page.nextCursor
  }
  // Due first (the inbox lists newest first).
  return out.sort((a, b) => (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) || a.id - b.id)
}

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString())

const row = (f: FeedbackItem) => ({
  id: f.id,
  dueAt: iso(f.dueAt),
  submittedAt: iso(f.submittedAt),
  status: f.status,
  owner: f.owner,
  metric: f.metric,
  score: f.score,
  band: f.band,
  customer: f.customerName ?? f.customerEmail ?? f.customerPhone ?? f.customerRef,
  channel: f.channel,
  location: f.location,
  comment: f.comment,
})

export async function followUpsCommand(api: ApiClient, views: FollowUpView[], timezone: string, now: number) {
  const counts = await api.call('feedback.followUpCounts', {})
  const lists: Partial<Record<FollowUpView, ReturnType<typeof row>[]>> = {}
  for (const v of views) lists[v] = (await allOf(api, v)).map(row)
  return { now: new Date(now).toISOString(), timezone, counts, ...lists }
}

export function formatFollowUps(r: Awaited<ReturnType<typeof followUpsCommand>>): string[] {
  const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: r.timezone })
  const lines = [`${r.counts.open} open follow-ups: ${r.counts.overdue} overdue, ${r.counts.dueSoon} due soon, ${r.counts.snoozed} snoozed (times in ${r.timezone}).`]
  const now = Date.parse(r.now)
  for (const [view, title] of [['overdue', 'Overdue'], ['dueSoon', 'Due soon']] as const) {
    const list = r[view]
    if (!list) continue
    lines.push('', `${title} (${list.length}):`)
    if (!list.length) lines.push('  none')
    for (const f of list) {
      const due = f.dueAt ? Date.parse(f.dueAt) : null
      const late = due !== null && due < now ? `, ${Math.floor((now - due) / 3_600_000)} h late` : ''
      const score = f.score !== null ? `${(f.metric ?? 'score').toUpperCase()} ${f.score}` : 'no score'
      const comment = f.comment ? ` “${f.comment.length > 60 ? `${f.comment.slice(0, 59)}…` : f.comment}”` : ''
      lines.push(`  #${f.id}  due ${due === null ? '—' : when.format(due)}${late}  ${score}  ${f.customer ?? 'anonymous'}  ${f.owner ? `owner ${f.owner}` : 'no owner'}  ${f.status}${comment}`)
    }
  }
  return lines
}

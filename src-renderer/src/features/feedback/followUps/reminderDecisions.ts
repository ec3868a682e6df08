import type { ReminderItem, Reminders } from '../../../../../src-shared/api/followUps'

/** One desktop notification to show, before it is put into words. */
export type ReminderNotice = { kind: 'newPoor'; count: number; first: ReminderItem | null } | { kind: 'dueSoon'; count: number; first: ReminderItem }

/**
 * Which notifications a reminders answer calls for, given the follow-ups already announced as due
 * soon: one for the poor scores that arrived since the last look (the answer holds only those), one
 * for the follow-ups that became due soon since (each announced once, however often it is polled,
 * and again if it is snoozed and comes back). Nothing while notifications are off; the announced set
 * still follows, so turning them on does not replay what was already due.
 */
export function reminderNotices(r: Reminders, announced: ReadonlySet<number>, enabled: boolean): { notices: ReminderNotice[]; announced: Set<number> } {
  const dueIds = new Set(r.dueSoon.map((i) => i.id))
  const fresh = r.dueSoon.filter((i) => !announced.has(i.id))
  const notices: ReminderNotice[] = []
  if (enabled && r.newPoorCount > 0) notices.push({ kind: 'newPoor', count: r.newPoorCount, first: r.newPoor[0] ?? null })
  if (enabled && fresh.length > 0) notices.push({ kind: 'dueSoon', count: fresh.length, first: fresh[0] })
  // Keep only ids still due soon: one that leaves (resolved, snoozed) is announced again if it returns.
  return { notices, announced: dueIds }
}

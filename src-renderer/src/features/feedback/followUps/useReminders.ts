import { useEffect, useRef } from 'react'
import { useQuery } from '@tanstack/react-query'
import type { Reminders } from '../../../../../src-shared/api/followUps'
import { useApi, useApiQuery } from '../../../api/hooks'
import { useI18n } from '../../../i18n/I18nProvider'
import { navigate } from '../../../platform/router'
import { reminderNotices, type ReminderNotice } from './reminderDecisions'
import { useNotificationChoice } from './notificationSetting'

const POLL_MS = 60_000

/**
 * The follow-up reminders of the open workspace: the counts for the navigation's badge, read every
 * minute and after every change; and, where notifications are on, a desktop notification for the
 * poor scores that arrived since the last look and for follow-ups that became due soon (Electron's
 * Notification through the main process on the desktop, the browser's Notification API elsewhere).
 */
export function useReminders(timezone: string): Reminders | undefined {
  const api = useApi()
  const { t, fmt } = useI18n()
  const info = useApiQuery('app.info', {})
  const desktop = info.data?.platform === 'desktop'
  const { enabled } = useNotificationChoice(desktop)
  const since = useRef(Date.now())
  const announced = useRef<Set<number>>(new Set())
  const query = useQuery({
    queryKey: ['feedback.reminders'],
    queryFn: () => api.call('feedback.reminders', { since: since.current }),
    refetchInterval: POLL_MS,
  })
  const enabledRef = useRef(enabled)
  enabledRef.current = enabled

  useEffect(() => {
    const r = query.data
    if (!r) return
    since.current = r.at
    const { notices, announced: next } = reminderNotices(r, announced.current, enabledRef.current)
    announced.current = next
    const who = (i: { customerName: string | null } | null) => i?.customerName ?? t('followUps.someone')
    const text = (n: ReminderNotice) =>
      n.kind === 'newPoor'
        ? n.count === 1 && n.first
          ? t('followUps.notifyNewPoorOne', { who: who(n.first), score: n.first.score === null ? '–' : fmt.integer(n.first.score) })
          : t.plural('followUps.notifyNewPoor', n.count)
        : n.count === 1 && n.first.dueAt !== null
          ? t('followUps.notifyDueSoonOne', { who: who(n.first), when: fmt.dateTime(n.first.dueAt, timezone) })
          : t.plural('followUps.notifyDueSoon', n.count, { hours: fmt.integer(r.soonHours) })
    for (const n of notices) {
      const title = t('followUps.notifyTitle')
      const body = text(n)
      if (desktop) void api.call('feedback.notify', { title, body }).catch(() => undefined)
      else if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
        const shown = new Notification(title, { body, tag: `cxdesk-${n.kind}` })
        shown.onclick = () => {
          window.focus()
          navigate('inbox', n.kind === 'dueSoon' ? new URLSearchParams({ due: 'dueSoon' }) : new URLSearchParams({ band: 'poor', status: 'new' }))
        }
      }
    }
    // Only a new answer calls for notifications; the words follow the language at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query.data])
  return query.data
}

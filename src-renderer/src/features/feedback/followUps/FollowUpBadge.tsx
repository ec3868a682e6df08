import { useI18n } from '../../../i18n/I18nProvider'
import { useReminders } from './useReminders'
import './followUps.css'

/**
 * Beside the Inbox in the navigation: how many follow-ups are overdue (red) and due soon (amber),
 * nothing when none are. It also runs the reminders (and their notifications) while a workspace is open.
 */
export function FollowUpBadge({ timezone }: { timezone: string }) {
  const { t, fmt } = useI18n()
  const r = useReminders(timezone)
  if (!r || (r.counts.overdue === 0 && r.counts.dueSoon === 0)) return null
  const label = t('followUps.badge', { overdue: fmt.integer(r.counts.overdue), soon: fmt.integer(r.counts.dueSoon) })
  return (
    <span className="nav-badges" data-testid="followup-badge" data-overdue={r.counts.overdue} data-due-soon={r.counts.dueSoon} title={label}>
      <span className="sr-only">{label}</span>
      {r.counts.overdue > 0 && (
        <span className="nav-badge overdue" aria-hidden="true">
          {fmt.integer(r.counts.overdue)}
        </span>
      )}
      {r.counts.dueSoon > 0 && (
        <span className="nav-badge soon" aria-hidden="true">
          {fmt.integer(r.counts.dueSoon)}
        </span>
      )}
    </span>
  )
}

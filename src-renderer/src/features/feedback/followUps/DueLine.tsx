import type { FeedbackItem } from '../../../../../src-shared/api/feedback'
import { useI18n } from '../../../i18n/I18nProvider'
import './followUps.css'

/** An open follow-up's due date, said as due, overdue since, or snoozed until; nothing for others. */
export function DueLine({ item, timezone, compact = false }: { item: FeedbackItem; timezone: string; compact?: boolean }) {
  const { t, fmt } = useI18n()
  if (item.dueAt == null || (item.status !== 'new' && item.status !== 'in_progress')) return null
  const now = Date.now()
  const when = (ms: number) => fmt.dateTime(ms, timezone)
  const [cls, text] =
    item.snoozedUntil != null && item.snoozedUntil > now
      ? ['snoozed', t('followUps.snoozedUntil', { when: when(item.snoozedUntil) })]
      : item.dueAt <= now
        ? ['overdue', t('followUps.overdueSince', { when: when(item.dueAt) })]
        : ['due', t('followUps.dueAt', { when: when(item.dueAt) })]
  return (
    <span className={`due-chip ${cls}${compact ? ' small' : ''}`} data-testid="due-line" data-state={cls}>
      {text}
    </span>
  )
}

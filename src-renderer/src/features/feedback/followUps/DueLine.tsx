import type { FeedbackItem } from '../../../../../src-shared/api/feedback'
import { useI18n } from '../../../i18n/I18nProvider'
import { localDateConverter } from '../../../../../src-shared/domain/timezone'
import './followUps.css'

/** An open follow-up's due date, said as due, overdue since, or snoozed until; nothing for others. */
export function DueLine({ item, timezone, compact = false }: { item: FeedbackItem; timezone: string; compact?: boolean }) {
  const { t, fmt } = useI18n()
  if (item.dueAt == null || (item.status !== 'new' && item.status !== 'in_progress')) return null
  const now = Date.now()
  const [cls, key, at] =
    item.snoozedUntil != null && item.snoozedUntil > now
      ? (['snoozed', 'followUps.snoozedUntil', item.snoozedUntil] as const)
      : item.dueAt <= now
        ? (['overdue', 'followUps.overdueSince', item.dueAt] as const)
        : (['due', 'followUps.dueAt', item.dueAt] as const)
  const full = t(key, { when: fmt.dateTime(at, timezone) })
  // A list row has one line for its head: the day there, the full time on hover and in the detail pane.
  const text = compact ? t(key, { when: fmt.day(localDateConverter(timezone)(at)) }) : full
  return (
    <span className={`due-chip ${cls}${compact ? ' small' : ''}`} data-testid="due-line" data-state={cls} title={compact ? full : undefined}>
      {text}
    </span>
  )
}

import type { FeedbackItem } from '../../../../../src-shared/api/feedback'
import { useI18n } from '../../../i18n/I18nProvider'
import { localDateConverter } from '../../../../../src-shared/domain/timezone'
import './followUps.css'

/** An open follow-up's due date, said as due, overdue since, or snoozed until; nothing for others. */
export function DueLine({ item, timezone, compact = false }: { item: FeedbackItem; timezone: string; compact?: boolean }) {
  const { t, fmt } = useI18n()
  if (item.dueAt == null || (item.status !== 'new' && item.status !== 'in_progress')) return null
  const now = Date.now()
  const due = item.dueAt
  const localDateOf = localDateConverter(timezone)
  // A list row has one line for its head: the day there, the full time on hover and in the detail pane.
  const say = (when: (ms: number) => string) =>
    item.snoozedUntil != null && item.snoozedUntil > now
      ? (['snoozed', t('followUps.snoozedUntil', { when: when(item.snoozedUntil) })] as const)
      : due <= now
        ? (['overdue', t('followUps.overdueSince', { when: when(due) })] as const)
        : (['due', t('followUps.dueAt', { when: when(due) })] as const)
  const [cls, full] = say((ms) => fmt.dateTime(ms, timezone))
  const text = compact ? say((ms) => fmt.day(localDateOf(ms)))[1] : full
  return (
    <span className={`due-chip ${cls}${compact ? ' small' : ''}`} data-testid="due-line" data-state={cls} title={compact ? full : undefined}>
      {text}
    </span>
  )
}

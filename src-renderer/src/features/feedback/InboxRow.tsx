import type { FeedbackItem } from '../../../../src-shared/api/feedback'
import { customerLabel } from '../../../../src-shared/domain/customers'
import { useI18n } from '../../i18n/I18nProvider'
import { useChannelLabel } from '../../i18n/channelLabels'
import { usePersonalData } from '../../components/PersonalData'
import { ScoreChip, SentimentMarker } from './ScoreChip'
import { DueLine } from './followUps/DueLine'

export interface InboxRowProps {
  item: FeedbackItem
  timezone: string
  active: boolean
  checked: boolean
  compact: boolean
  onOpen(): void
  onCheck(checked: boolean, range: boolean): void
}

/**
 * One response in the list: a checkbox to select it and, beside it, a button that opens it. The two
 * controls are siblings, never one inside the other, so a screen reader announces both.
 */
export function InboxRow({ item, timezone, active, checked, compact, onOpen, onCheck }: InboxRowProps) {
  const { t, fmt } = useI18n()
  const channelLabel = useChannelLabel()
  const pd = usePersonalData()
  const who = customerLabel(pd.customer({ name: item.customerName, email: item.customerEmail, phone: item.customerPhone, ref: item.customerRef })) ?? t('inbox.anonymous')
  const meta = [item.stage, item.touchpoint, item.channel && channelLabel(item.channel), item.location].filter(Boolean).join(' · ')
  return (
    <div className={`inbox-row${active ? ' active' : ''}${compact ? ' compact' : ''}`} role="listitem" data-id={item.id}>
      <input
        type="checkbox"
        className="row-check"
        aria-label={t('inbox.selectItem', { who })}
        checked={checked}
        onClick={(e) => onCheck(!checked, e.shiftKey)}
        onChange={() => undefined}
      />
      <button type="button" className="inbox-row-open" aria-current={active ? 'true' : undefined} onClick={onOpen}>
        <span className="response-head">
          <ScoreChip item={item} />
          <SentimentMarker score={item.sentiment} />
          <span className="response-who">{who}</span>
          <time className="muted" dateTime={new Date(item.submittedAt).toISOString()}>
            {fmt.dateTime(item.submittedAt, timezone)}
          </time>
          <span className={`status status-${item.status}`}>{t(`status.${item.status}`)}</span>
          {item.owner && <span className="owner muted">→ {item.owner}</span>}
          {compact && <DueLine item={item} timezone={timezone} compact />}
        </span>
        <span className={item.comment ? `response-comment ${compact ? 'one-line' : 'clamp'}` : 'response-comment muted'} lang={item.language ?? undefined}>
          {pd.text(item.comment) ?? t('inbox.noComment')}
        </span>
        {!compact && (
          <span className="response-meta muted">
            <DueLine item={item} timezone={timezone} compact />
            {meta}
            {item.tags.map((tag) => (
              <span key={tag} className="tag">
                {tag}
              </span>
            ))}
          </span>
        )}
      </button>
    </div>
  )
}

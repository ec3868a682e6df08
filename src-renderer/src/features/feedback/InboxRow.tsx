import type { FeedbackItem } from '../../../../src-shared/api/feedback'
import { customerLabel } from '../../../../src-shared/domain/customers'
import { useI18n } from '../../i18n/I18nProvider'
import { useChannelLabel } from '../../i18n/channelLabels'
import { ScoreChip, SentimentMarker } from './ScoreChip'

export interface InboxRowProps {
  item: FeedbackItem
  timezone: string
  active: boolean
  checked: boolean
  onOpen(): void
  onCheck(checked: boolean, range: boolean): void
}

export function InboxRow({ item, timezone, active, checked, onOpen, onCheck }: InboxRowProps) {
  const { t, fmt } = useI18n()
  const channelLabel = useChannelLabel()
  return (
    <div
      className={`inbox-row${active ? ' active' : ''}`}
      role="option"
      aria-selected={active}
      data-id={item.id}
      onClick={onOpen}
    >
      <input
        type="checkbox"
        className="row-check"
        aria-label={t('inbox.select')}
        checked={checked}
        onClick={(e) => {
          e.stopPropagation()
          onCheck(!checked, e.shiftKey)
        }}
        onChange={() => undefined}
      />
      <div className="inbox-row-main">
        <div className="response-head">
          <ScoreChip item={item} />
          <SentimentMarker score={item.sentiment} />
          <span className="response-who">{customerLabel({ name: item.customerName, email: item.customerEmail, phone: item.customerPhone, ref: item.customerRef }) ?? t('inbox.anonymous')}</span>
          <time className="muted" dateTime={new Date(item.submittedAt).toISOString()}>
            {fmt.dateTime(item.submittedAt, timezone)}
          </time>
          <span className={`status status-${item.status}`}>{t(`status.${item.status}`)}</span>
          {item.owner && <span className="owner muted">→ {item.owner}</span>}
        </div>
        <p className={item.comment ? 'response-comment clamp' : 'response-comment muted'} lang={item.language ?? undefined}>
          {item.comment ?? t('inbox.noComment')}
        </p>
        <div className="response-meta muted">
          {[item.stage, item.touchpoint, item.channel && channelLabel(item.channel), item.location].filter(Boolean).join(' · ')}
          {item.tags.map((tag) => (
            <span key={tag} className="tag">
              {tag}
            </span>
          ))}
        </div>
      </div>
    </div>
  )
}

import { useState, type RefObject } from 'react'
import { customerLabel } from '../../../../src-shared/domain/customers'
import type { FeedbackEvent } from '../../../../src-shared/api/feedback'
import { followUpStatuses, type FollowUpStatus } from '../../../../src-shared/domain/scores'
import type { MessageKey } from '../../../../src-shared/i18n/en'
import { useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { useChannelLabel } from '../../i18n/channelLabels'
import { Button } from '../../components/Button'
import { Suggestions } from '../../components/Suggestions'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Loading } from '../../components/Loading'
import { usePersonalData } from '../../components/PersonalData'
import { ScoreChip, SentimentMarker } from './ScoreChip'
import { ContactForm } from '../customers/ContactPanel'
import { lifecycleDate } from './lifecycleDate'
import { DueLine } from './followUps/DueLine'
import { SnoozeControl } from './followUps/SnoozeControl'

export interface DetailActions {
  update(ids: number[], change: { status?: FollowUpStatus; owner?: string | null }): Promise<void>
  tag(ids: number[], tag: string, remove?: boolean): Promise<void>
  note(id: number, body: string): Promise<void>
  /** Snoozes follow-ups until a time, or ends their snooze (null). */
  snooze(ids: number[], until: number | null): Promise<void>
}

function useDuration() {
  const { t, fmt } = useI18n()
  return (ms: number) => (ms < 48 * 3_600_000 ? t('detail.hours', { n: fmt.number(ms / 3_600_000, 1) }) : t.plural('detail.days', Number((ms / 86_400_000).toFixed(1)), { count: fmt.number(ms / 86_400_000, 1) }))
}

/** One feedback item: the customer and their history, the follow-up (status, owner), tags, notes and what happened when. */
export function DetailPane({ id, timezone, actions, tagInputRef, onClose }: { id: number; timezone: string; actions: DetailActions; tagInputRef: RefObject<HTMLInputElement | null>; onClose(): void }) {
  const { t, fmt } = useI18n()
  const channelLabel = useChannelLabel()
  const detail = useApiQuery('feedback.get', { id })
  const facets = useApiQuery('feedback.facets', {}, { staleTime: 60_000 })
  const duration = useDuration()
  const pd = usePersonalData()
  const [owner, setOwner] = useState<string | null>(null)
  const [tag, setTag] = useState('')
  const [note, setNote] = useState('')
  if (detail.isPending) return <Loading label={t('common.loading')} />
  if (detail.error) return <ErrorNotice error={detail.error} />
  const d = detail.data
  const item = d.item
  const eventText = (e: FeedbackEvent) =>
    t(`detail.event.${e.kind}` as MessageKey, { value: e.kind === 'status' && e.value ? t(`status.${e.value}` as MessageKey) : (e.value ?? '') })

  return (
    <aside className="detail" aria-label={t('detail.followUp')} data-testid="detail">
      <header className="detail-head">
        <div className="response-head">
          <ScoreChip item={item} />
          <SentimentMarker score={item.sentiment} />
          <time className="muted">{fmt.dateTime(item.submittedAt, timezone)}</time>
        </div>
        <Button variant="ghost" aria-label={t('detail.close')} onClick={onClose}>
          ×
        </Button>
      </header>
      {d.questionLabel && (
        <p className="muted small">
          {t('detail.question')}: {d.questionLabel}
        </p>
      )}
      <p className="detail-comment" lang={item.language ?? undefined}>
        {pd.text(item.comment) ?? <span className="muted">{t('inbox.noComment')}</span>}
      </p>
      <p className="muted small">{[item.stage, item.touchpoint, item.channel && channelLabel(item.channel), item.location, item.language && t(`language.${item.language}` as MessageKey)].filter(Boolean).join(' · ')}</p>

      <section className="detail-section">
        <h3>{t('detail.followUp')}</h3>
        <div className="status-buttons" role="group" aria-label={t('filter.status')}>
          {followUpStatuses.map((s) => (
            <button key={s} type="button" className={`btn btn-secondary status-btn${item.status === s ? ' current' : ''}`} aria-pressed={item.status === s} onClick={() => void actions.update([id], { status: s })}>
              {t(`status.${s}`)}
            </button>
          ))}
        </div>
        {d.statusChangedAt && (
          <p className="muted small" data-testid="status-by">
            {d.statusChangedBy
              ? t('detail.statusBy', { status: t(`status.${item.status}`), who: d.statusChangedBy, when: fmt.dateTime(d.statusChangedAt, timezone) })
              : t('detail.statusWhen', { status: t(`status.${item.status}`), when: fmt.dateTime(d.statusChangedAt, timezone) })}
          </p>
        )}
        {d.timeToResolutionMs !== null && <p className="small">{t('detail.ttr', { duration: duration(d.timeToResolutionMs) })}</p>}
        {(item.status === 'new' || item.status === 'in_progress') && item.dueAt != null && (
          <div className="due-row">
            <DueLine item={item} timezone={timezone} />
            <SnoozeControl timezone={timezone} snoozedUntil={item.snoozedUntil ?? null} onSnooze={(until) => void actions.snooze([id], until)} />
          </div>
        )}
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault()
            void actions.update([id], { owner: (owner ?? item.owner ?? '').trim() || null }).then(() => setOwner(null))
          }}
        >
          <label className="inline-field">
            {t('detail.owner')}
            <input list="owner-suggestions" value={owner ?? item.owner ?? ''} placeholder={t('detail.ownerPlaceholder')} maxLength={200} onChange={(e) => setOwner(e.target.value)} />
          </label>
          <Suggestions id="owner-suggestions" values={facets.data?.owner} />
          <Button type="submit" disabled={owner === null}>
            {t('detail.saveOwner')}
          </Button>
        </form>
      </section>

      <section className="detail-section">
        <h3>{t('detail.tags')}</h3>
        <ul className="tag-list">
          {item.tags.map((tg) => (
            <li key={tg} className="tag">
              {tg}
              <button type="button" className="chip-remove" aria-label={t('detail.removeTag', { tag: tg })} onClick={() => void actions.tag([id], tg, true)}>
                ×
              </button>
            </li>
          ))}
        </ul>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault()
            if (tag.trim()) void actions.tag([id], tag.trim()).then(() => setTag(''))
          }}
        >
          <input ref={tagInputRef} list="tag-suggestions" aria-label={t('detail.addTag')} placeholder={t('detail.addTag')} value={tag} maxLength={60} onChange={(e) => setTag(e.target.value)} />
          <Suggestions id="tag-suggestions" values={facets.data?.tag} />
          <Button type="submit" disabled={!tag.trim()}>
            +
          </Button>
        </form>
      </section>

      <section className="detail-section">
        <h3>{t('detail.notes')}</h3>
        {d.notes.length === 0 && <p className="muted small">{t('detail.noNotes')}</p>}
        <ul className="notes">
          {d.notes.map((n) => (
            <li key={n.id}>
              <p>{pd.text(n.body)}</p>
              <span className="muted small">
                {n.author ?? t('detail.someone')} · {fmt.dateTime(n.createdAt, timezone)}
              </span>
            </li>
          ))}
        </ul>
        <form
          className="note-form"
          onSubmit={(e) => {
            e.preventDefault()
            if (note.trim()) void actions.note(id, note.trim()).then(() => setNote(''))
          }}
        >
          <textarea aria-label={t('detail.addNote')} placeholder={t('detail.notePlaceholder')} value={note} maxLength={2000} rows={2} onChange={(e) => setNote(e.target.value)} />
          <Button type="submit" disabled={!note.trim()}>
            {t('detail.addNote')}
          </Button>
        </form>
      </section>

      <section className="detail-section">
        <h3>{t('detail.customer')}</h3>
        {d.customer ? (
          <div className="customer">
            <strong>{customerLabel(pd.customer(d.customer))}</strong>
            <div className="muted small">{[pd.email(d.customer.email), pd.phone(d.customer.phone), d.customer.segment, d.customer.location].filter(Boolean).join(' · ')}</div>
            {d.customer.customerSince && <div className="muted small">{t('detail.since', { date: lifecycleDate(d.customer.customerSince, fmt.day) })}</div>}
            {d.customer.churnedAt && <div className="small poor-text">{t('detail.churned', { date: lifecycleDate(d.customer.churnedAt, fmt.day) })}</div>}
          </div>
        ) : null}
        {d.customer ? (
          <ContactTheCustomer key={d.customer.id} customerId={d.customer.id} timezone={timezone} />
        ) : (
          <p className="muted small">{t('detail.noCustomer')}</p>
        )}
        {d.customer && (
          <>
            <h4>{t('detail.history')}</h4>
            {d.history.length === 0 && <p className="muted small">{t('detail.noHistory')}</p>}
            <ul className="history">
              {d.history.map((h) => (
                <li key={h.id}>
                  <ScoreChip item={h} /> <span className="muted small">{fmt.dateTime(h.submittedAt, timezone)}</span>
                  {h.comment && <div className="small clamp">{pd.text(h.comment)}</div>}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {d.events.length > 0 && (
        <section className="detail-section">
          <h3>{t('detail.activity')}</h3>
          <ul className="events small">
            {d.events.map((e, i) => (
              <li key={i}>
                <strong>{e.actor ?? t('detail.someone')}</strong> {eventText(e)} <span className="muted">· {fmt.dateTime(e.at, timezone)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </aside>
  )
}

/** "Contact the customer…": a follow-up (or call, message) entered in their contact log, with the contact rules' warnings, "Record anyway" and undo. */
function ContactTheCustomer({ customerId, timezone }: { customerId: number; timezone: string }) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  return open ? (
    <div className="detail-contact" data-testid="inbox-contact">
      <p className="muted small">{t('contacts.inbox.help')}</p>
      <ContactForm customerId={customerId} timezone={timezone} initialKind="followup" />
    </div>
  ) : (
    <Button variant="secondary" onClick={() => setOpen(true)}>
      {t('contacts.inbox.contact')}
    </Button>
  )
}

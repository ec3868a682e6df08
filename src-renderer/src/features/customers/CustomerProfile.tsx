import { useState } from 'react'
import type { CustomerProfile as Profile, Rectification, TimelineItem } from '../../../../src-shared/api/customers'
import { customerLabel } from '../../../../src-shared/domain/customers'
import type { MessageKey } from '../../../../src-shared/i18n/en'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { useChannelLabel } from '../../i18n/channelLabels'
import { Button } from '../../components/Button'
import { ErrorNotice } from '../../components/ErrorNotice'
import { RiskErrorNotice } from './RiskErrorNotice'
import { Loading } from '../../components/Loading'
import { Modal } from '../../components/Modal'
import { usePersonalData } from '../../components/PersonalData'
import { SubjectExportForm } from './SubjectExport'
import { hrefFor } from '../../platform/router'
import { useReasonText } from './useReasonText'
import { EraseDialog } from '../privacy/EraseDialog'
import type { ContactEntry } from '../../../../src-shared/api/customerContacts'
import { Notice } from '../../components/Notice'
import { ContactPanel } from './ContactPanel'

/** One customer: lifecycle, contacts, why at risk, their scores over time, every response across channels, follow-ups and notes. */
export function CustomerProfile({ id, timezone, onEdit, onClose }: { id: number; timezone: string; onEdit(p: Profile): void; onClose(): void }) {
  const { t } = useI18n()
  const profile = useApiQuery('customers.get', { id })
  // Held here, above the profile: once the customer is erased their profile no longer loads, and the dialog shows its result until closed.
  const [erasing, setErasing] = useState<{ name: string; erased: boolean } | null>(null)
  const eraseDialog = erasing && (
    <EraseDialog
      subject={{ customerId: id }}
      name={erasing.name}
      open
      onErased={() => setErasing({ ...erasing, erased: true })}
      onClose={() => {
        setErasing(null)
        if (erasing.erased) onClose()
      }}
    />
  )
  let view
  if (profile.isPending) view = <aside className="customer-profile"><Loading label={t('customers.loading')} /></aside>
  else if (profile.error) view = erasing?.erased ? null : <aside className="customer-profile"><RiskErrorNotice error={profile.error} /></aside>
  else {
    const p = profile.data
    view = <ProfileView p={p} timezone={timezone} onEdit={() => onEdit(p)} onClose={onClose} onErase={() => setErasing({ name: customerLabel(p.customer) ?? `#${id}`, erased: false })} />
  }
  return (
    <>
      {view}
      {eraseDialog}
    </>
  )
}

function ProfileView({ p, timezone, onEdit, onClose, onErase }: { p: Profile; timezone: string; onEdit(): void; onClose(): void; onErase(): void }) {
  const { t, fmt } = useI18n()
  const reasonText = useReasonText(timezone)
  const pd = usePersonalData()
  const [exporting, setExporting] = useState(false)
  const c = p.customer
  const label = customerLabel(pd.customer(c)) ?? t('customers.unnamed')
  const followUps = p.timeline.filter((r) => r.band === 'poor')
  const contacts = useApiQuery('customers.contacts', { customerId: c.id })
  return (
    <aside className="customer-profile" data-testid="customer-profile" aria-label={label}>
      <header className="profile-head">
        <div>
          <h3>{label}</h3>
          <p className="muted">{[c.ref, c.segment, c.location].filter(Boolean).join(' · ')}</p>
        </div>
        <div className="profile-actions">
          <Button onClick={onEdit}>{t('customers.edit')}</Button>
          <Button onClick={() => setExporting(true)} data-testid="subject-export-open">
            {t('subject.export')}
          </Button>
          <Button variant="danger" onClick={onErase} data-testid="customer-erase">
            {t('privacy.erase.button')}
          </Button>
          <Button onClick={onClose} aria-label={t('customers.close')}>
            ×
          </Button>
        </div>
      </header>

      <section>
        <h4>{t('customers.profile.lifecycle')}</h4>
        <p>
          {c.customerSince && <span>{t('customers.profile.since', { date: fmt.day(c.customerSince) })}. </span>}
          {c.churnedAt ? <strong>{t('customers.profile.left', { date: fmt.day(c.churnedAt) })}</strong> : c.customerSince ? t('customers.profile.active') : t('customers.lifecycle.unknown')}
        </p>
        <h4>{t('customers.profile.contacts')}</h4>
        <p>
          {[pd.email(c.email), pd.phone(c.phone)].filter(Boolean).join(' · ') || '—'}
          <br />
          <span className="muted">{c.lastAt !== null ? t('customers.lastHeard', { when: fmt.dateTime(c.lastAt, timezone) }) : t('customers.neverHeard')}</span>
        </p>
      </section>

      {p.reasons.length > 0 && (
        <section className={`risk-box risk-${c.risk}`} data-testid="risk-reasons">
          <h4>
            {t('customers.profile.whyAtRisk')} — {t(`customers.risk.${c.risk}` as MessageKey)}
          </h4>
          <ul>
            {p.reasons.map((r, i) => (
              <li key={i}>{reasonText(r)}</li>
            ))}
          </ul>
        </section>
      )}

      {p.duplicates.length > 0 && (
        <section>
          <h4>{t('customers.profile.duplicates')}</h4>
          <ul>
            {p.duplicates.map((d) => (
              <li key={d.id}>
                <a href={hrefFor('customers', new URLSearchParams({ id: String(d.id) }))}>{pd.name(d.name) ?? `#${d.id}`}</a> — {t(`customers.field.${d.reason}` as MessageKey)}
              </li>
            ))}
          </ul>
        </section>
      )}

      {contacts.data ? <ContactPanel customerId={c.id} state={contacts.data} timezone={timezone} /> : contacts.error ? <ErrorNotice error={contacts.error} /> : null}

      <ScoreDots items={p.timeline} timezone={timezone} />

      <section>
        <h4>{t('customers.profile.followUps')}</h4>
        {followUps.length === 0 ? (
          <p className="muted">{t('customers.profile.noFollowUps')}</p>
        ) : (
          <ul className="profile-followups">
            {followUps.map((r) => (
              <li key={r.id}>
                {fmt.dateTime(r.submittedAt, timezone)} — {t(`status.${r.status}` as MessageKey)}
                {r.owner ? ` · ${r.owner}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>

      <Timeline items={p.timeline} contacts={contacts.data?.contacts ?? []} more={p.more} timezone={timezone} />
      <Notes p={p} timezone={timezone} />
      <RectificationLog items={p.rectifications} timezone={timezone} />
      <Modal title={t('subject.exportTitle', { name: label })} open={exporting} onClose={() => setExporting(false)}>
        <SubjectExportForm customerId={c.id} name={label} onClose={() => setExporting(false)} />
      </Modal>
    </aside>
  )
}

/** Every answer on its own scale, worst at the bottom and best at the top, in time order. */
function ScoreDots({ items, timezone }: { items: TimelineItem[]; timezone: string }) {
  const { t, fmt } = useI18n()
  const scored = items.filter((r) => r.score !== null && r.scaleMin !== null && r.scaleMax !== null && r.metric !== null).reverse()
  if (scored.length === 0) return null
  const first = scored[0].submittedAt
  const span = Math.max(1, scored[scored.length - 1].submittedAt - first)
  const W = 360
  const H = 90
  return (
    <section>
      <h4>{t('customers.profile.scores')}</h4>
      <svg className="score-dots" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('customers.profile.scoresHint')}>
        <line x1={0} x2={W} y1={H / 2} y2={H / 2} className="score-dots-mid" />
        {scored.map((r) => {
          let u = ((r.score as number) - (r.scaleMin as number)) / ((r.scaleMax as number) - (r.scaleMin as number))
          if (r.metric === 'ces') u = 1 - u
          const x = 8 + ((r.submittedAt - first) / span) * (W - 16)
          const y = 6 + (1 - u) * (H - 12)
          return (
            <circle key={r.id} cx={x} cy={y} r={4} className={`dot band-${r.band} metric-${r.metric}`}>
              <title>{`${t(`metric.${r.metric}` as MessageKey)} ${fmt.integer(r.score as number)} — ${fmt.dateTime(r.submittedAt, timezone)}`}</title>
            </circle>
          )
        })}
      </svg>
      <p className="muted small">{t('customers.profile.scoresHint')}</p>
    </section>
  )
}

/** Every response and every contact (surveys sent, calls, messages, follow-ups), newest first; a contact can be deleted, with undo. */
function Timeline({ items, contacts, more, timezone }: { items: TimelineItem[]; contacts: ContactEntry[]; more: boolean; timezone: string }) {
  const { t, fmt } = useI18n()
  const pd = usePersonalData()
  const channelLabel = useChannelLabel()
  const remove = useApiMutation('customers.deleteContact')
  const restore = useApiMutation('customers.restoreContact')
  const [deleted, setDeleted] = useState<number | null>(null)
  const merged = [...items.map((r) => ({ at: r.submittedAt, response: r, contact: null })), ...contacts.map((c) => ({ at: c.contactedAt, response: null, contact: c }))].sort((a, b) => b.at - a.at)
  return (
    <section>
      <h4>{t('customers.profile.timeline')}</h4>
      {deleted !== null && (
        <Notice tone="info" onDismiss={() => setDeleted(null)} dismissLabel={t('customers.close')}>
          {t('contacts.deleted')}{' '}
          <Button
            onClick={() =>
              void restore
                .mutateAsync({ id: deleted })
                .then(() => setDeleted(null))
                .catch(() => undefined)
            }
          >
            {t('contacts.undoDelete')}
          </Button>
        </Notice>
      )}
      {(remove.error || restore.error) && <ErrorNotice error={remove.error ?? restore.error} />}
      {merged.length === 0 ? (
        <p className="muted">{t('customers.profile.noResponses')}</p>
      ) : (
        <ol className="profile-timeline" data-testid="customer-timeline">
          {merged.map(({ response: r, contact: c }) =>
            r ? (
              <li key={`r${r.id}`}>
                <div className="timeline-head">
                  <span className="muted">{fmt.dateTime(r.submittedAt, timezone)}</span>
                  {r.channel && <span className="badge">{channelLabel(r.channel)}</span>}
                  {r.touchpoint && <span className="muted">{r.touchpoint}</span>}
                  {r.metric && r.score !== null && (
                    <span className={`band-chip band-${r.band}`}>
                      {t(`metric.${r.metric}` as MessageKey)} {fmt.integer(r.score)}
                    </span>
                  )}
                </div>
                {r.comment && <p>{pd.text(r.comment)}</p>}
              </li>
            ) : c ? (
              <li key={`c${c.id}`} className="timeline-contact" data-testid="timeline-contact">
                <div className="timeline-head">
                  <span className="muted">{fmt.dateTime(c.contactedAt, timezone)}</span>
                  <span className="badge badge-contact">{t(`contacts.kind.${c.kind}`)}</span>
                  {c.channel && <span className="muted">{channelLabel(c.channel)}</span>}
                  {c.purpose === 'marketing' && <span className="muted">{t('contacts.purpose.marketing')}</span>}
                  {c.source === 'survey_list' && <span className="muted">{t('contacts.fromList')}</span>}
                  {c.source === 'send_list' && <span className="muted">{t('contacts.fromImport')}</span>}
                  <Button
                    className="timeline-delete"
                    onClick={() =>
                      void remove
                        .mutateAsync({ id: c.id })
                        .then(() => setDeleted(c.id))
                        .catch(() => undefined)
                    }
                    aria-label={t('contacts.delete')}
                  >
                    {t('contacts.delete')}
                  </Button>
                </div>
                {c.note && <p>{pd.text(c.note)}</p>}
              </li>
            ) : null,
          )}
        </ol>
      )}
      {more && <p className="muted">{t('customers.profile.more')}</p>}
    </section>
  )
}

function Notes({ p, timezone }: { p: Profile; timezone: string }) {
  const { t, fmt } = useI18n()
  const pd = usePersonalData()
  const add = useApiMutation('customers.addNote')
  const [body, setBody] = useState('')
  const submit = async (kind: 'note' | 'winback') => {
    if (!body.trim()) return
    await add.mutateAsync({ customerId: p.customer.id, body, kind }).then(() => setBody('')).catch(() => undefined)
  }
  return (
    <section>
      <h4>{t('customers.profile.notes')}</h4>
      {p.notes.length === 0 ? (
        <p className="muted">{t('customers.profile.noNotes')}</p>
      ) : (
        <ul className="profile-notes" data-testid="customer-notes">
          {p.notes.map((n) => (
            <li key={`${n.kind}-${n.id}`}>
              {n.kind === 'winback' && <span className="badge">{t('customers.profile.winback')}</span>} {pd.text(n.body)}
              <div className="muted small">{[n.author, fmt.dateTime(n.createdAt, timezone)].filter(Boolean).join(' · ')}</div>
            </li>
          ))}
        </ul>
      )}
      <textarea aria-label={t('customers.profile.notePlaceholder')} placeholder={t('customers.profile.notePlaceholder')} value={body} maxLength={2000} onChange={(e) => setBody(e.target.value)} rows={2} />
      {add.error && <ErrorNotice error={add.error} />}
      <div className="form-actions">
        <Button onClick={() => void submit('winback')} disabled={!body.trim() || add.isPending}>
          {t('customers.profile.addWinback')}
        </Button>
        <Button variant="primary" onClick={() => void submit('note')} disabled={!body.trim() || add.isPending}>
          {t('customers.profile.addNote')}
        </Button>
      </div>
    </section>
  )
}

/** Every change made to their details by hand, newest first: field, old → new, when, who and why. */
function RectificationLog({ items, timezone }: { items: Rectification[]; timezone: string }) {
  const { t, fmt } = useI18n()
  const pd = usePersonalData()
  const fieldLabel = (f: Rectification['field']) => t(`customers.field.${f === 'customerSince' ? 'since' : f === 'churnedAt' ? 'churned' : f}` as MessageKey)
  const shown = (r: Rectification, v: string | null) => {
    if (v === null) return t('rectify.empty')
    if (r.field === 'customerSince' || r.field === 'churnedAt') return fmt.day(v.slice(0, 10))
    return r.field === 'name' ? pd.name(v) : r.field === 'email' ? pd.email(v) : r.field === 'phone' ? pd.phone(v) : v
  }
  return (
    <section>
      <h4>{t('rectify.title')}</h4>
      {items.length === 0 ? (
        <p className="muted">{t('rectify.none')}</p>
      ) : (
        <ul className="profile-rectifications" data-testid="rectification-log">
          {items.map((r) => (
            <li key={r.id}>
              <strong>{fieldLabel(r.field)}</strong>: {shown(r, r.oldValue)} → {shown(r, r.newValue)}
              <div className="muted small">{t('rectify.meta', { when: fmt.dateTime(r.changedAt, timezone), who: r.actor ?? t('rectify.unknownActor') })}</div>
              {r.reason && <div className="small">{t('rectify.why', { reason: r.reason })}</div>}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

import { useEffect, useState } from 'react'
import { contactKinds, purposes, type Consent, type ContactKind, type ContactState, type GuardViolation, type Purpose, type WinbackOutcome } from '../../../../src-shared/api/customerContacts'
import type { MessageKey } from '../../../../src-shared/i18n/en'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { DateField } from '../../components/DateField'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Notice } from '../../components/Notice'

/** A rule the guard says would be crossed, in the user's words. */
export function useViolationText() {
  const { t, fmt } = useI18n()
  return (v: GuardViolation) => {
    switch (v.rule) {
      case 'consent':
        return t('contacts.violation.consent', { purpose: t(`contacts.purpose.${v.purpose}`), state: t(`contacts.consent.${v.consent}`) })
      case 'recentSurvey':
        return t('contacts.violation.recentSurvey', { date: fmt.day(v.lastDate), from: fmt.day(v.allowedFrom) })
      case 'tooMany':
        return t('contacts.violation.tooMany', { count: fmt.integer(v.count), window: fmt.integer(v.windowDays), max: fmt.integer(v.max) })
    }
  }
}

/** Consent per purpose, whether a survey may be sent today, entering a contact (with the guard's warnings) and win-back outcomes. */
export function ContactPanel({ customerId, state, timezone }: { customerId: number; state: ContactState; timezone: string }) {
  const { t } = useI18n()
  const violationText = useViolationText()
  return (
    <section data-testid="contact-panel">
      <h4>{t('contacts.consent.title')}</h4>
      <ul className="consent-list">
        {state.consent.map((c) => (
          <ConsentRow key={c.purpose} customerId={customerId} consent={c} timezone={timezone} />
        ))}
      </ul>
      <p className="muted small">{state.rules.strictConsent ? t('contacts.consent.strict') : t('contacts.consent.lenient')}</p>
      <h4>{t('contacts.guard.title')}</h4>
      {state.survey.violations.length === 0 ? (
        <p data-testid="survey-guard">{t('contacts.guard.ok')}</p>
      ) : (
        <ul className="guard-warnings" data-testid="survey-guard">
          {state.survey.violations.map((v) => (
            <li key={v.rule}>{violationText(v)}</li>
          ))}
        </ul>
      )}
      <ContactForm customerId={customerId} timezone={timezone} />
      {state.winbacks.length > 0 && <Winbacks items={state.winbacks} timezone={timezone} />}
    </section>
  )
}

function ConsentRow({ customerId, consent, timezone }: { customerId: number; consent: Consent; timezone: string }) {
  const { t, fmt } = useI18n()
  const set = useApiMutation('customers.setConsent')
  const [editing, setEditing] = useState(false)
  const [next, setNext] = useState<Consent['state']>(consent.state)
  const [date, setDate] = useState(fmt.today(timezone))
  return (
    <li data-purpose={consent.purpose}>
      <strong>{t(`contacts.purpose.${consent.purpose}`)}:</strong> <span className={consent.allowed ? 'consent-yes' : 'consent-no'}>{t(`contacts.consent.${consent.state}`)}</span>
      {consent.at !== null && consent.source && <span className="muted"> — {t(`contacts.source.${consent.source}`, { date: fmt.dateTime(consent.at, timezone) })}</span>}
      {' · '}
      <span className="muted">{consent.allowed ? t('contacts.consent.allowed') : t('contacts.consent.notAllowed')}</span>{' '}
      {!editing ? (
        <Button onClick={() => setEditing(true)}>{t('contacts.consent.change')}</Button>
      ) : (
        <form
          className="consent-form"
          onSubmit={(e) => {
            e.preventDefault()
            void set
              .mutateAsync({ customerId, purpose: consent.purpose, state: next, date })
              .then(() => setEditing(false))
              .catch(() => undefined)
          }}
        >
          <label className="field field-inline">
            <span>{t(`contacts.purpose.${consent.purpose}`)}</span>
            <select value={next} onChange={(e) => setNext(e.target.value as Consent['state'])} name={`consent-${consent.purpose}`}>
              {(['given', 'withdrawn', 'unknown'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`contacts.consent.${s}`)}
                </option>
              ))}
            </select>
          </label>
          {next !== 'unknown' && (
            <label className="field field-inline">
              <span>{t('contacts.consent.on')}</span>
              <DateField value={date} onChange={setDate} max={fmt.today(timezone)} aria-label={t('contacts.consent.on')} />
            </label>
          )}
          {set.error && <ErrorNotice error={set.error} />}
          <Button onClick={() => setEditing(false)}>{t('customers.cancel')}</Button>{' '}
          <Button variant="primary" type="submit" disabled={set.isPending}>
            {t('contacts.consent.save')}
          </Button>
        </form>
      )}
    </li>
  )
}

/**
 * Entering a contact: the guard checks it first and names the rules it would cross (consent, a survey
 * within the gap, too many contacts lately); "Record anyway" saves it, and a saved entry can be undone.
 * Used on the profile and by the inbox's "Contact the customer…" (a follow-up by default).
 */
export function ContactForm({ customerId, timezone, initialKind = 'call' }: { customerId: number; timezone: string; initialKind?: ContactKind }) {
  const { t, fmt } = useI18n()
  const violationText = useViolationText()
  const add = useApiMutation('customers.addContact')
  const remove = useApiMutation('customers.deleteContact')
  const [savedId, setSavedId] = useState<number | null>(null)
  const [kind, setKind] = useState<ContactKind>(initialKind)
  const [purpose, setPurpose] = useState<Purpose>('feedback')
  const [channel, setChannel] = useState('')
  const [date, setDate] = useState(fmt.today(timezone))
  const [note, setNote] = useState('')
  const [warnings, setWarnings] = useState<GuardViolation[]>([])
  const [saved, setSaved] = useState(false)
  // Deleted elsewhere (the timeline's Delete): its "recorded" notice and Undo would point at nothing.
  const contacts = useApiQuery('customers.contacts', { customerId })
  const savedGone = savedId !== null && contacts.data !== undefined && !contacts.data.contacts.some((c) => c.id === savedId)
  useEffect(() => {
    if (!savedGone) return
    setSaved(false)
    setSavedId(null)
  }, [savedGone])
  const reset = () => setWarnings([])
  const submit = async (acknowledge: boolean) => {
    setSaved(false)
    const r = await add.mutateAsync({ customerId, contact: { kind, purpose, channel: channel.trim() || null, date, note: note.trim() || null }, acknowledge }).catch(() => null)
    if (!r) return
    if (r.saved) {
      setWarnings([])
      setNote('')
      setSaved(true)
      setSavedId(r.saved.id)
    } else setWarnings(r.violations)
  }
  return (
    <form
      className="form contact-form"
      aria-label={t('contacts.add.title')}
      onSubmit={(e) => {
        e.preventDefault()
        void submit(warnings.length > 0)
      }}
    >
      <h4>{t('contacts.add.title')}</h4>
      <div className="contact-form-row">
        <label className="field field-inline">
          <span>{t('contacts.add.kind')}</span>
          <select
            name="kind"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as ContactKind)
              reset()
            }}
          >
            {contactKinds.map((k) => (
              <option key={k} value={k}>
                {t(`contacts.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-inline">
          <span>{t('contacts.add.purpose')}</span>
          <select
            name="purpose"
            value={purpose}
            onChange={(e) => {
              setPurpose(e.target.value as Purpose)
              reset()
            }}
          >
            {purposes.map((p) => (
              <option key={p} value={p}>
                {t(`contacts.purpose.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-inline">
          <span>{t('contacts.add.channel')}</span>
          <input name="channel" value={channel} maxLength={200} list="contact-channels" onChange={(e) => setChannel(e.target.value)} />
          <datalist id="contact-channels">
            {['email', 'phone', 'sms', 'zalo', 'line', 'store'].map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </label>
        <label className="field field-inline">
          <span>{t('contacts.add.date')}</span>
          <DateField
            value={date}
            onChange={(v) => {
              setDate(v)
              reset()
            }}
            aria-label={t('contacts.add.date')}
          />
        </label>
      </div>
      <input name="note" aria-label={t('contacts.add.note')} placeholder={t('contacts.add.note')} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
      {warnings.length > 0 && (
        <Notice tone="error">
          <p>{t('contacts.add.warning')}</p>
          <ul data-testid="contact-warnings">
            {warnings.map((v) => (
              <li key={v.rule}>{violationText(v)}</li>
            ))}
          </ul>
        </Notice>
      )}
      {saved && (
        <Notice tone="success">
          <span data-testid="contact-saved">{t('contacts.add.saved')}</span>{' '}
          {savedId !== null && (
            <Button
              variant="ghost"
              disabled={remove.isPending}
              onClick={() =>
                void remove
                  .mutateAsync({ id: savedId })
                  .then(() => {
                    setSaved(false)
                    setSavedId(null)
                  })
                  .catch(() => undefined)
              }
            >
              {t('contacts.add.undo')}
            </Button>
          )}
        </Notice>
      )}
      {remove.error && <ErrorNotice error={remove.error} />}
      {add.error && <ErrorNotice error={add.error} />}
      <div className="form-actions">
        {warnings.length > 0 && <Button onClick={reset}>{t('customers.cancel')}</Button>}
        <Button variant="primary" type="submit" disabled={add.isPending}>
          {warnings.length > 0 ? t('contacts.add.anyway') : t('contacts.add.save')}
        </Button>
      </div>
    </form>
  )
}

function Winbacks({ items, timezone }: { items: WinbackOutcome[]; timezone: string }) {
  const { t, fmt } = useI18n()
  return (
    <>
      <h4>{t('contacts.winback.title')}</h4>
      <ul className="winback-list" data-testid="winback-outcomes">
        {items.map((w) => (
          <li key={w.id}>
            <span className="muted">{fmt.dateTime(w.at, timezone)}</span> {w.body} —{' '}
            <strong className={`winback-${w.outcome}`}>{t(`contacts.winback.${w.outcome}` as MessageKey, w.outcomeDate ? { date: fmt.day(w.outcomeDate) } : {})}</strong>
          </li>
        ))}
      </ul>
    </>
  )
}

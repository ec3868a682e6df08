import { useEffect, useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { exclusionReasons, surveyChannels, type ContactRules, type SurveyChannel } from '../../../../src-shared/api/customerContacts'
import type { MessageKey } from '../../../../src-shared/i18n/en'
import { useApi, useApiMutation, useApiQuery, useTransport } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Loading } from '../../components/Loading'
import { Notice } from '../../components/Notice'
import { SendListCard } from './SendListCard'

type Sent = { send: number; recorded: number }

/**
 * "Who may we survey now": the contact rules applied to a channel, segment and location, how many
 * were left out and why, the list as CSV for the user's e-mail, Zalo or LINE tool, and — once the
 * user says the send was made — a survey contact recorded for each (undoable).
 */
export function SurveyListView({ timezone, onOpen }: { timezone: string; onOpen(id: number): void }) {
  const { t, fmt } = useI18n()
  const api = useApi()
  const transport = useTransport()
  const queryClient = useQueryClient()
  const facets = useApiQuery('customers.facets', {})
  const [channel, setChannel] = useState<SurveyChannel>('email')
  const [segment, setSegment] = useState('')
  const [location, setLocation] = useState('')
  const request = { channel, ...(segment ? { segment } : {}), ...(location ? { location } : {}) }
  const list = useApiQuery('customers.surveyList', { ...request, previewLimit: 50 })
  const record = useApiMutation('customers.surveyListRecord')
  const undo = useApiMutation('customers.undoSend')
  const [exporting, setExporting] = useState(false)
  const [exported, setExported] = useState<{ rows: number; fileName: string; token: string } | null>(null)
  const [exportError, setExportError] = useState<unknown>(null)
  const [sent, setSent] = useState<Sent | null>(null)
  const [undone, setUndone] = useState(false)
  // Lists exported earlier (before a restart, or in another window) whose send is not recorded yet: the
  // newest for this choice can still be confirmed. Those recorded here are left out at once.
  const pending = useApiQuery('customers.pendingSurveyLists', {})
  const [recordedTokens, setRecordedTokens] = useState<ReadonlySet<string>>(new Set())
  const earlier = exported
    ? null
    : (pending.data?.find((p) => p.channel === channel && (p.segment ?? '') === segment && (p.location ?? '') === location && !recordedTokens.has(p.token)) ?? null)
  const ready = exported ?? earlier
  // A new choice of list: what was exported or recorded was another list.
  useEffect(() => {
    setExported(null)
    setExportError(null)
  }, [channel, segment, location])

  const exportCsv = async () => {
    setExporting(true)
    setExportError(null)
    try {
      const result = await api.call('customers.surveyListExport', request)
      if (result) {
        if (result.downloadId && transport.downloadExport) await transport.downloadExport(result.downloadId)
        setExported({ rows: result.rows, fileName: result.fileName, token: result.token })
        // Kept in the workspace: offered again for this choice after another choice, or a restart.
        void queryClient.invalidateQueries({ queryKey: ['customers.pendingSurveyLists'] })
      }
    } catch (e) {
      setExportError(e)
    } finally {
      setExporting(false)
    }
  }
  const confirmSend = async () => {
    if (!ready) return
    setUndone(false)
    // Exactly the list that was exported (its token), not the rules applied again.
    const token = ready.token
    const r = await record.mutateAsync({ token }).catch(() => null)
    if (r) {
      setSent(r)
      setExported(null)
      setRecordedTokens((done) => new Set(done).add(token))
    }
  }
  const select = (label: MessageKey, value: string, set: (v: string) => void, values: readonly string[], text: (v: string) => string, any = true) => (
    <label className="field field-inline">
      <span>{t(label)}</span>
      <select value={value} onChange={(e) => set(e.target.value)}>
        {any && <option value="">{t('customers.filter.any')}</option>}
        {values.map((v) => (
          <option key={v} value={v}>
            {text(v)}
          </option>
        ))}
      </select>
    </label>
  )

  return (
    <div className="survey-list at-risk" data-testid="survey-list">
      <div className="at-risk-main">
        <p className="muted">{t('contacts.list.explain')}</p>
        <div className="customer-filters" role="search">
          {select('contacts.list.channel', channel, (v) => setChannel(v as SurveyChannel), surveyChannels, (v) => t(`contacts.channel.${v}` as MessageKey), false)}
          {select('customers.filter.segment', segment, setSegment, facets.data?.segments ?? [], (v) => v)}
          {select('customers.filter.location', location, setLocation, facets.data?.locations ?? [], (v) => v)}
        </div>
        {sent && !undone && (
          <Notice tone="success" onDismiss={() => setSent(null)} dismissLabel={t('customers.close')}>
            <span data-testid="send-recorded">{t.plural('contacts.list.recorded', sent.recorded)}</span>{' '}
            <Button
              onClick={() =>
                void undo
                  .mutateAsync({ send: sent.send })
                  .then(() => setUndone(true))
                  .catch(() => undefined)
              }
              disabled={undo.isPending}
            >
              {t('contacts.list.undoSend')}
            </Button>
          </Notice>
        )}
        {undone && (
          <Notice tone="info" onDismiss={() => setUndone(false)} dismissLabel={t('customers.close')}>
            {t('contacts.list.sendUndone')}
          </Notice>
        )}
        {undo.error && <ErrorNotice error={undo.error} />}
        {list.isPending ? (
          <Loading label={t('contacts.list.loading')} />
        ) : list.error ? (
          <ErrorNotice error={list.error} />
        ) : (
          <>
            <p data-testid="survey-list-count" data-eligible={list.data.eligible} data-considered={list.data.considered} aria-live="polite">
              <strong>{t.plural('contacts.list.count', list.data.considered, { eligible: fmt.integer(list.data.eligible), date: fmt.day(list.data.today) })}</strong>
            </p>
            {list.data.considered > list.data.eligible && (
              <>
                <p>{t.plural('contacts.list.leftOut', list.data.considered - list.data.eligible)}</p>
                <ul className="survey-list-reasons" data-testid="survey-list-reasons">
                  {exclusionReasons
                    .filter((r) => list.data.excluded[r] > 0)
                    .map((r) => (
                      <li key={r} data-reason={r}>
                        {t.plural(`contacts.reason.${r}` as 'contacts.reason.left', list.data.excluded[r], { days: list.data.rules.surveyGapDays, max: list.data.rules.maxContacts, window: list.data.rules.windowDays })}
                      </li>
                    ))}
                </ul>
              </>
            )}
            {list.data.eligible === 0 && <p className="empty">{list.data.considered === 0 ? t('contacts.list.noCustomers') : t('contacts.list.nobody')}</p>}
            {(list.data.eligible > 0 || ready) && (
              <>
                <div className="form-actions">
                  {list.data.eligible > 0 && (
                    <Button variant="primary" onClick={() => void exportCsv()} disabled={exporting} data-testid="survey-list-export">
                      {exporting ? t('contacts.list.exporting') : t('contacts.list.export')}
                    </Button>
                  )}
                  <Button onClick={() => void confirmSend()} disabled={!ready || record.isPending} data-testid="survey-list-record">
                    {t.plural('contacts.list.record', ready?.rows ?? list.data.eligible)}
                  </Button>
                </div>
                {ready ? (
                  <p className="muted" data-testid="survey-list-exported" data-earlier={earlier ? 'true' : undefined}>
                    {t.plural('contacts.list.exported', ready.rows, { file: ready.fileName })}
                    {earlier && <> {t('contacts.list.exportedEarlier', { when: fmt.dateTime(earlier.exportedAt, timezone), until: fmt.dateTime(earlier.expiresAt, timezone) })}</>}
                  </p>
                ) : (
                  <p className="muted small">{t('contacts.list.recordHint')}</p>
                )}
                {exportError !== null && <ErrorNotice error={exportError} />}
                {record.error && <ErrorNotice error={record.error} />}
              </>
            )}
            {list.data.eligible > 0 && (
              <>
                <table className="survey-list-table">
                  <caption className="muted small">{t.plural('contacts.list.preview', Math.min(list.data.preview.length, list.data.eligible))}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('contacts.list.name')}</th>
                      <th scope="col">{t(channel === 'email' ? 'customers.field.email' : 'customers.field.phone')}</th>
                      <th scope="col">{t('customers.filter.segment')}</th>
                      <th scope="col">{t('customers.filter.location')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.data.preview.map((c) => (
                      <tr key={c.id}>
                        <td>
                          <button type="button" className="link-button" onClick={() => onOpen(c.id)}>
                            {c.name ?? c.ref ?? `#${c.id}`}
                          </button>
                        </td>
                        <td>{channel === 'email' ? c.email : c.phone}</td>
                        <td>{c.segment}</td>
                        <td>{c.location}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </>
        )}
      </div>
      <div className="at-risk-side">
        {list.data && <ContactRulesCard rules={list.data.rules} />}
        {list.data && <SendListCard today={list.data.today} />}
      </div>
    </div>
  )
}

const DEFAULT_RULES: ContactRules = { surveyGapDays: 90, maxContacts: 3, windowDays: 30, strictConsent: false }
const numberFields = ['surveyGapDays', 'maxContacts', 'windowDays'] as const

/** The workspace's contact rules: the survey gap, the cap per window, and strict consent. */
function ContactRulesCard({ rules }: { rules: ContactRules }) {
  const { t } = useI18n()
  const save = useApiMutation('customers.saveContactRules')
  const [draft, setDraft] = useState(rules)
  const [saved, setSaved] = useState(false)
  useEffect(() => setDraft(rules), [rules])
  const submit = async (next: ContactRules) => {
    setSaved(false)
    await save.mutateAsync({ rules: next }).then(() => setSaved(true)).catch(() => undefined)
  }
  return (
    <Card title={t('contacts.rules.title')}>
      <form
        className="form rules-form"
        onSubmit={(e) => {
          e.preventDefault()
          void submit(draft)
        }}
      >
        {numberFields.map((k) => (
          <label key={k} className="field field-inline">
            <span>{t(`contacts.rules.${k}` as MessageKey)}</span>
            <input
              type="number"
              name={k}
              min={k === 'windowDays' ? 1 : 0}
              max={k === 'maxContacts' ? 100 : k === 'windowDays' ? 365 : 3650}
              step={1}
              value={draft[k]}
              onChange={(e) => setDraft({ ...draft, [k]: Math.round(Number(e.target.value)) })}
            />
          </label>
        ))}
        <label className="field field-check">
          <input type="checkbox" name="strictConsent" checked={draft.strictConsent} onChange={(e) => setDraft({ ...draft, strictConsent: e.target.checked })} />
          <span>{t('contacts.rules.strictConsent')}</span>
        </label>
        <p className="muted small">{t('contacts.rules.explain')}</p>
        {save.error && <ErrorNotice error={save.error} />}
        {saved && <Notice tone="success">{t('contacts.rules.saved')}</Notice>}
        <div className="form-actions">
          <Button onClick={() => void submit(DEFAULT_RULES)}>{t('customers.rules.reset')}</Button>
          <Button variant="primary" type="submit" disabled={save.isPending}>
            {t('customers.rules.save')}
          </Button>
        </div>
      </form>
    </Card>
  )
}

import { useState, type FormEvent } from 'react'
import type { AuditEntry, RetentionRule } from '../../../../src-shared/api/privacy'
import type { MessageKey } from '../../../../src-shared/i18n/en'
import type { PageProps } from '../../platform/pageProps'
import { saveBlob } from '../../platform/saveFile'
import { useApi, useApiMutation, useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Loading } from '../../components/Loading'
import { Notice } from '../../components/Notice'
import { EraseDialog } from './EraseDialog'
import './privacy.css'

/** Privacy: erase a person by e-mail, phone or id; the retention rule with its preview; backups that may hold erased data; the audit log. */
export function PrivacyPage({ workspace }: PageProps) {
  const { t } = useI18n()
  return (
    <div className="settings-page privacy-page">
      <header className="page-head">
        <h2>{t('privacy.title')}</h2>
        <p className="muted">{t('privacy.subtitle')}</p>
      </header>
      <div className="cards-grid">
        <Card title={t('privacy.find.title')} footer={<span className="muted">{t('privacy.find.hint')}</span>}>
          <FindPerson />
        </Card>
        <Card title={t('privacy.retention.title')} footer={<span className="muted">{t('privacy.retention.hint')}</span>}>
          <RetentionForm />
        </Card>
        <Card title={t('privacy.backups.title')} className="wide" footer={<span className="muted">{t('privacy.backups.hint')}</span>}>
          <Backups timezone={workspace.timezone} />
        </Card>
        <Card title={t('privacy.audit.title')} className="wide" footer={<span className="muted">{t('privacy.audit.hint')}</span>}>
          <AuditLog timezone={workspace.timezone} />
        </Card>
      </div>
    </div>
  )
}

function FindPerson() {
  const { t } = useI18n()
  const [query, setQuery] = useState('')
  const [subject, setSubject] = useState<string | null>(null)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (query.trim()) setSubject(query.trim())
  }
  return (
    <form className="form privacy-find" onSubmit={submit}>
      <label className="field">
        <span>{t('privacy.find.label')}</span>
        <input type="search" maxLength={200} value={query} onChange={(e) => setQuery(e.target.value)} data-testid="privacy-find" />
      </label>
      <div className="form-actions">
        <Button type="submit" disabled={!query.trim()}>
          {t('privacy.find.submit')}
        </Button>
      </div>
      {subject && <EraseDialog subject={{ query: subject }} name={subject} open onClose={() => setSubject(null)} />}
    </form>
  )
}

function RetentionForm() {
  const { t } = useI18n()
  const state = useApiQuery('privacy.retention', {})
  if (state.isPending) return <Loading label={t('common.loading')} />
  if (state.error) return <ErrorNotice error={state.error} />
  return <RetentionEditor rule={state.data.rule} />
}

function RetentionEditor({ rule }: { rule: RetentionRule | null }) {
  const { t, fmt } = useI18n()
  const [enabled, setEnabled] = useState(rule !== null)
  const [months, setMonths] = useState(rule?.months ?? 24)
  const valid = Number.isInteger(months) && months >= 1 && months <= 600
  const preview = useApiQuery('privacy.previewRetention', { months }, { enabled: enabled && valid })
  const save = useApiMutation('privacy.saveRetention')
  const apply = useApiMutation('privacy.applyRetention')
  const [saved, setSaved] = useState(false)
  const dirty = enabled !== (rule !== null) || (enabled && months !== rule?.months)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setSaved(false)
    const r = await save.mutateAsync({ rule: enabled ? { months, action: 'anonymise' } : null }).catch(() => null)
    if (r) setSaved(true)
  }
  const p = preview.data
  return (
    <form className="form retention-form" onSubmit={(e) => void submit(e)} data-testid="retention-form">
      <label className="checkbox">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        <span>{t('privacy.retention.enabled')}</span>
      </label>
      <label className="field retention-months">
        <span>{t('privacy.retention.months')}</span>
        <span className="inline">
          <input type="number" min={1} max={600} step={1} disabled={!enabled} value={Number.isNaN(months) ? '' : months} onChange={(e) => setMonths(e.target.valueAsNumber)} />
          <span>{t('privacy.retention.monthsUnit')}</span>
        </span>
      </label>
      {!enabled && <p className="muted">{t('privacy.retention.off')}</p>}
      {enabled && valid && preview.isPending && <Loading label={t('common.loading')} />}
      {enabled && preview.error && <ErrorNotice error={preview.error} />}
      {enabled && p && (
        <p data-testid="retention-preview">
          {p.responses === 0
            ? t('privacy.retention.nothing', { date: fmt.day(p.before) })
            : t('privacy.retention.preview', {
                responses: t.plural('privacy.erase.responses', p.responses),
                date: fmt.day(p.before),
                comments: t.plural('privacy.erase.comments', p.comments),
                notes: t.plural('privacy.erase.notes', p.notes),
                contacts: t.plural('privacy.erase.contacts', p.contacts),
              })}
        </p>
      )}
      {save.error && <ErrorNotice error={save.error} />}
      {apply.error && <ErrorNotice error={apply.error} />}
      {saved && !dirty && <Notice tone="success">{t('privacy.retention.saved')}</Notice>}
      {apply.data && <Notice tone="success">{t('privacy.retention.applied', { responses: t.plural('privacy.erase.responses', apply.data.responses) })}</Notice>}
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={!dirty || (enabled && !valid) || save.isPending}>
          {t('privacy.retention.save')}
        </Button>
        <Button disabled={!rule || dirty || apply.isPending} onClick={() => apply.mutate({})}>
          {t('privacy.retention.apply')}
        </Button>
      </div>
    </form>
  )
}

function Backups({ timezone }: { timezone: string }) {
  const { t, fmt } = useI18n()
  const list = useApiQuery('privacy.backups', {})
  const del = useApiMutation('privacy.deleteBackups')
  const [chosen, setChosen] = useState<Set<string>>(new Set())
  if (list.isPending) return <Loading label={t('common.loading')} />
  if (list.error) return <ErrorNotice error={list.error} />
  const backups = list.data.backups
  const remove = async () => {
    if (!window.confirm(t('privacy.backups.confirm'))) return
    const r = await del.mutateAsync({ names: [...chosen] }).catch(() => null)
    if (r) setChosen(new Set())
  }
  return (
    <div className="form" data-testid="privacy-backups">
      {backups.length === 0 ? (
        <p className="muted">{t('privacy.backups.none')}</p>
      ) : (
        <ul className="backup-list">
          {backups.map((b) => (
            <li key={b.name}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={chosen.has(b.name)}
                  onChange={(e) => {
                    const next = new Set(chosen)
                    if (e.target.checked) next.add(b.name)
                    else next.delete(b.name)
                    setChosen(next)
                  }}
                />
                <span>{t('privacy.backups.row', { name: b.name, size: t('privacy.backups.megabytes', { value: fmt.number(b.bytes / 1e6, 1) }), date: fmt.dateTime(b.modifiedAt, timezone) })}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {del.error && <ErrorNotice error={del.error} />}
      {del.data && <Notice tone="success">{t.plural('privacy.backups.deleted', del.data.deleted)}</Notice>}
      {backups.length > 0 && (
        <div className="form-actions">
          <Button variant="danger" disabled={chosen.size === 0 || del.isPending} onClick={() => void remove()}>
            {t('privacy.backups.delete')}
          </Button>
        </div>
      )}
    </div>
  )
}

const KNOWN_ACTIONS = new Set(['erase', 'retention.apply', 'retention.rule', 'backups.delete', 'access', 'rectify', 'kiosk.erased'])

function AuditLog({ timezone }: { timezone: string }) {
  const { t, fmt } = useI18n()
  const api = useApi()
  const first = useApiQuery('privacy.audit', { limit: 50 })
  const [older, setOlder] = useState<AuditEntry[]>([])
  const [nextBefore, setNextBefore] = useState<number | null | undefined>(undefined)
  const [exportError, setExportError] = useState<unknown>(null)
  if (first.isPending) return <Loading label={t('common.loading')} />
  if (first.error) return <ErrorNotice error={first.error} />
  const items = [...first.data.items, ...older]
  const cursor = nextBefore === undefined ? first.data.nextBefore : nextBefore
  const more = async () => {
    if (cursor === null) return
    const r = await api.call('privacy.audit', { limit: 50, before: cursor })
    setOlder([...older, ...r.items])
    setNextBefore(r.nextBefore)
  }
  const exportCsv = async () => {
    setExportError(null)
    try {
      const r = await api.call('privacy.exportAudit', {})
      saveBlob(new Blob([r.csv], { type: 'text/csv;charset=utf-8' }), r.fileName)
    } catch (e) {
      setExportError(e)
    }
  }
  const actionText = (a: string) => (KNOWN_ACTIONS.has(a) ? t(`privacy.audit.action.${a}` as MessageKey) : a)
  const detailText = (d: AuditEntry['detail']) =>
    Object.entries(d)
      .map(([k, v]) => `${k}: ${typeof v === 'number' ? fmt.integer(v) : String(v)}`)
      .join(', ')
  return (
    <div className="form" data-testid="privacy-audit">
      {items.length === 0 ? (
        <p className="muted">{t('privacy.audit.empty')}</p>
      ) : (
        <div className="audit-scroll">
          <table className="audit-table">
            <thead>
              <tr>
                <th scope="col">{t('privacy.audit.when')}</th>
                <th scope="col">{t('privacy.audit.who')}</th>
                <th scope="col">{t('privacy.audit.what')}</th>
                <th scope="col">{t('privacy.audit.why')}</th>
                <th scope="col">{t('privacy.audit.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td>{fmt.dateTime(e.at, timezone)}</td>
                  <td>{e.actor ?? t('privacy.audit.nobody')}</td>
                  <td>{actionText(e.action)}</td>
                  <td>{e.reason ?? ''}</td>
                  <td className="muted">{detailText(e.detail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {exportError !== null && <ErrorNotice error={exportError} onDismiss={() => setExportError(null)} />}
      <div className="form-actions">
        {cursor !== null && items.length > 0 && <Button onClick={() => void more()}>{t('privacy.audit.more')}</Button>}
        <Button disabled={items.length === 0} onClick={() => void exportCsv()}>
          {t('privacy.audit.export')}
        </Button>
      </div>
    </div>
  )
}

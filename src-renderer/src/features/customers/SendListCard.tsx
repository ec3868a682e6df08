import { useState } from 'react'
import { surveyChannels, type SurveyChannel } from '../../../../src-shared/api/customerContacts'
import type { FileRef } from '../../../../src-shared/api/files'
import { sendListDateOrders, type SendListDateOrder, type SendListResult } from '../../../../src-shared/api/sendLists'
import type { MessageKey } from '../../../../src-shared/i18n/en'
import { useApi, useApiMutation, useTransport } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { DateField } from '../../components/DateField'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Notice } from '../../components/Notice'
import { pickInBrowser } from '../import/pickFile'

type Over = { channel?: SurveyChannel; date?: string; dateOrder?: SendListDateOrder }

/**
 * "Who we surveyed": a send list exported from the user's e-mail, Zalo or LINE tool, read into the
 * contact log (once per customer, day and channel). Choose the file, see what it would record, import
 * it, and undo the import whole.
 */
export function SendListCard({ today }: { today: string }) {
  const { t, fmt } = useI18n()
  const api = useApi()
  const transport = useTransport()
  const importList = useApiMutation('customers.sendListImport')
  const undo = useApiMutation('customers.sendListUndo')
  const [file, setFile] = useState<FileRef | null>(null)
  const [channel, setChannel] = useState<SurveyChannel>('email')
  const [date, setDate] = useState('')
  const [dateOrder, setDateOrder] = useState<SendListDateOrder>('dmy')
  const [preview, setPreview] = useState<SendListResult | null>(null)
  const [done, setDone] = useState<SendListResult | null>(null)
  const [undone, setUndone] = useState<number | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const request = (f: FileRef, over: Over = {}) => {
    const d = over.date ?? date
    return { fileId: f.id, channel: over.channel ?? channel, dateOrder: over.dateOrder ?? dateOrder, ...(d ? { date: d } : {}) }
  }
  const check = async (f: FileRef, over: Over = {}) => {
    setBusy(true)
    setError(null)
    try {
      setPreview(await api.call('customers.sendListPreview', request(f, over)))
    } catch (e) {
      setPreview(null)
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  const choose = async () => {
    // The last import's notice (and its undo) stays while another file is checked.
    setError(null)
    try {
      let ref: FileRef | null
      if (transport.upload) {
        const picked = await pickInBrowser('.csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        if (!picked) return
        setBusy(true)
        ref = await transport.upload(picked)
      } else {
        ref = await api.call('files.pick', { purpose: 'import' })
      }
      if (!ref) return
      setFile(ref)
      await check(ref)
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  const run = async () => {
    if (!file) return
    const r = await importList.mutateAsync(request(file)).catch(() => null)
    if (r) {
      setUndone(null)
      setDone(r)
      setPreview(null)
      setFile(null)
    }
  }
  const change = (over: Over) => {
    if (over.channel) setChannel(over.channel)
    if (over.date !== undefined) setDate(over.date)
    if (over.dateOrder) setDateOrder(over.dateOrder)
    if (file) void check(file, over)
  }

  return (
    <Card title={t('contacts.sendList.title')}>
      <div className="form send-list-card" data-testid="send-list-card">
        <p className="muted small">{t('contacts.sendList.explain')}</p>
        <label className="field field-inline">
          <span>{t('contacts.sendList.channel')}</span>
          <select value={channel} onChange={(e) => change({ channel: e.target.value as SurveyChannel })} name="sendListChannel">
            {surveyChannels.map((c) => (
              <option key={c} value={c}>
                {t(`contacts.channel.${c}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-inline">
          <span>{t('contacts.sendList.date')}</span>
          <DateField aria-label={t('contacts.sendList.date')} value={date} max={today} onChange={(v) => change({ date: v })} />
        </label>
        <label className="field field-inline">
          <span>{t('contacts.sendList.dateOrder')}</span>
          <select value={dateOrder} onChange={(e) => change({ dateOrder: e.target.value as SendListDateOrder })} name="sendListDateOrder">
            {sendListDateOrders.map((o) => (
              <option key={o} value={o}>
                {t(`contacts.sendList.order.${o}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <div className="form-actions">
          <Button onClick={() => void choose()} disabled={busy} data-testid="send-list-choose">
            {t('contacts.sendList.choose')}
          </Button>
        </div>
        {error !== null && <ErrorNotice error={error} />}
        {preview && file && (
          <div data-testid="send-list-preview" data-recorded={preview.recorded} data-already={preview.already} data-rejected={preview.rejected} aria-live="polite">
            <p>
              <strong>{file.name}</strong>: {t.plural('contacts.sendList.rows', preview.rowsRead, { matched: fmt.integer(preview.matched) })}
            </p>
            <ul className="send-list-counts">
              <li>{t.plural('contacts.sendList.new', preview.recorded)}</li>
              <li>{t.plural('contacts.sendList.already', preview.already)}</li>
              <li>{t.plural('contacts.sendList.rejected', preview.rejected)}</li>
            </ul>
            {preview.errors.length > 0 && (
              <ul className="send-list-errors small" data-testid="send-list-errors">
                {preview.errors.slice(0, 10).map((e) => (
                  <li key={e.row}>{t('contacts.sendList.errorRow', { row: e.row, reason: t(`contacts.sendList.error.${e.code}` as MessageKey, { value: e.value ?? '' }) })}</li>
                ))}
                {preview.errors.length > 10 && <li>{t.plural('contacts.sendList.moreErrors', preview.rejected - 10)}</li>}
              </ul>
            )}
            <div className="form-actions">
              <Button variant="primary" onClick={() => void run()} disabled={preview.recorded === 0 || importList.isPending} data-testid="send-list-import">
                {t.plural('contacts.sendList.import', preview.recorded)}
              </Button>
              <Button
                onClick={() => {
                  setPreview(null)
                  setFile(null)
                }}
              >{t('contacts.sendList.cancel')}</Button>
            </div>
          </div>
        )}
        {importList.error && <ErrorNotice error={importList.error} />}
        {done && undone === null && (
          <Notice tone="success" onDismiss={() => setDone(null)} dismissLabel={t('customers.close')}>
            <span data-testid="send-list-done">{done.importId === null ? t('contacts.sendList.nothingNew') : t.plural('contacts.sendList.done', done.recorded, { file: done.fileName })}</span>{' '}
            {done.importId !== null && (
              <Button
                data-testid="send-list-undo"
                disabled={undo.isPending}
                onClick={() =>
                  void undo
                    .mutateAsync({ importId: done.importId! })
                    .then((r) => setUndone(r.removed))
                    .catch(() => undefined)
                }
              >
                {t('contacts.sendList.undo')}
              </Button>
            )}
          </Notice>
        )}
        {undone !== null && (
          <Notice tone="info" onDismiss={() => setUndone(null)} dismissLabel={t('customers.close')}>
            <span data-testid="send-list-undone">{t.plural('contacts.sendList.undone', undone)}</span>
          </Notice>
        )}
        {undo.error && <ErrorNotice error={undo.error} />}
      </div>
    </Card>
  )
}

import { useState, type FormEvent } from 'react'
import type { ErasureMode, ErasureResult, ErasureSubject } from '../../../../src-shared/api/privacy'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Loading } from '../../components/Loading'
import { Modal } from '../../components/Modal'
import { Notice } from '../../components/Notice'

/**
 * Erasing one person: what will go (counted by the main process), the choice to delete or anonymise
 * their responses, a reason for the audit log, and a confirmation by typing their name. Then the
 * result, with the migration backups that may still hold them. There is no undo: the typed name is
 * the guard.
 */
export function EraseDialog({ subject, name, open, onClose, onErased }: { subject: ErasureSubject; name: string; open: boolean; onClose(): void; onErased?(r: ErasureResult): void }) {
  const { t } = useI18n()
  return (
    <Modal title={t('privacy.erase.title', { name })} open={open} onClose={onClose}>
      <EraseForm subject={subject} name={name} onClose={onClose} onErased={onErased} />
    </Modal>
  )
}

function EraseForm({ subject, name, onClose, onErased }: { subject: ErasureSubject; name: string; onClose(): void; onErased?(r: ErasureResult): void }) {
  const { t } = useI18n()
  const preview = useApiQuery('privacy.previewErasure', { subject }, { gcTime: 0 })
  const erase = useApiMutation('privacy.erase')
  const [mode, setMode] = useState<ErasureMode>('anonymise')
  const [reason, setReason] = useState('')
  const [typed, setTyped] = useState('')
  const [result, setResult] = useState<ErasureResult | null>(null)
  const confirmed = typed.trim().toLocaleLowerCase() === name.trim().toLocaleLowerCase()

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!confirmed || erase.isPending) return
    const r = await erase.mutateAsync({ subject, mode, reason: reason.trim() || undefined }).catch(() => null)
    if (r) {
      setResult(r)
      onErased?.(r)
    }
  }

  if (result) return <ErasureSummary result={result} onClose={onClose} />
  if (preview.isPending) return <Loading label={t('privacy.erase.loading')} />
  if (preview.error) return <ErrorNotice error={preview.error} />
  const p = preview.data
  if (p.foundBy === 'none')
    return (
      <div className="form">
        <Notice>{t('privacy.erase.nothing')}</Notice>
        <div className="form-actions">
          <Button onClick={onClose}>{t('privacy.erase.close')}</Button>
        </div>
      </div>
    )
  return (
    <form className="form erase-form" onSubmit={(e) => void submit(e)} data-testid="erase-form">
      <p data-testid="erase-what">
        {t('privacy.erase.what', {
          customers: t.plural('privacy.erase.customers', p.customers.length),
          responses: t.plural('privacy.erase.responses', p.responses),
          comments: t.plural('privacy.erase.comments', p.comments),
          notes: t.plural('privacy.erase.notes', p.notes),
          contacts: t.plural('privacy.erase.contacts', p.contacts),
        })}
      </p>
      <fieldset className="field erase-mode">
        <legend>{t('privacy.erase.mode')}</legend>
        {(['anonymise', 'delete'] as const).map((m) => (
          <label key={m} className="radio">
            <input type="radio" name="erase-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
            <span>{t(m === 'anonymise' ? 'privacy.erase.anonymise' : 'privacy.erase.delete')}</span>
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>{t('privacy.erase.reason')}</span>
        <textarea rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <Notice>{t('privacy.erase.permanent')}</Notice>
      <label className="field">
        <span>{t('privacy.erase.confirm', { name })}</span>
        <input type="text" autoFocus autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} data-testid="erase-confirm" />
      </label>
      {erase.error && <ErrorNotice error={erase.error} />}
      {erase.isPending && <Loading label={t('privacy.erase.working')} />}
      <div className="form-actions">
        <Button onClick={onClose}>{t('privacy.erase.cancel')}</Button>
        <Button variant="danger" type="submit" disabled={!confirmed || erase.isPending}>
          {t('privacy.erase.submit')}
        </Button>
      </div>
    </form>
  )
}

function ErasureSummary({ result, onClose }: { result: ErasureResult; onClose(): void }) {
  const { t } = useI18n()
  return (
    <div className="form" data-testid="erase-result">
      <Notice tone="success">
        {t('privacy.erase.done', {
          customers: t.plural('privacy.erase.customers', result.customers),
          responses: t.plural('privacy.erase.responses', result.responses),
          mode: t(result.mode === 'delete' ? 'privacy.erase.doneDeleted' : 'privacy.erase.doneAnonymised'),
        })}
      </Notice>
      {!result.checkpointed && <Notice>{t('privacy.erase.walBusy')}</Notice>}
      {result.backups.length > 0 && <Notice>{t.plural('privacy.erase.backups', result.backups.length)}</Notice>}
      <div className="form-actions">
        <Button variant="primary" autoFocus onClick={onClose}>
          {t('privacy.erase.close')}
        </Button>
      </div>
    </div>
  )
}

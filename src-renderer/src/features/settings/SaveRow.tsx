import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Notice } from '../../components/Notice'

/** A settings form's end: what went wrong, that it was saved, and the Save button (busy while the summaries are recomputed). */
export function SaveRow({ error, onDismiss, saved, changed, pending }: { error: unknown; onDismiss: () => void; saved: boolean; changed: boolean; pending: boolean }) {
  const { t } = useI18n()
  return (
    <>
      {error ? <ErrorNotice error={error} onDismiss={onDismiss} /> : null}
      {saved && !changed && <Notice tone="success">{t('settings.saved')}</Notice>}
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={!changed || pending}>
          {pending ? t('settings.saving') : t('settings.save')}
        </Button>
      </div>
    </>
  )
}

import { useI18n } from '../../../i18n/I18nProvider'
import { describeError } from '../../../i18n/errorMessage'
import { Button } from '../../../components/Button'
import type { EditorSnapshot } from './editorStore'

/** Says whether every edit is in the workspace file, and what to do when one could not be stored. */
export function SaveStatusBadge({ snapshot, onRetry, onReload }: { snapshot: EditorSnapshot; onRetry: () => void; onReload: () => void }) {
  const { t } = useI18n()
  const s = snapshot.status
  if (s.state === 'rejected')
    return (
      <span className="jm-save jm-save-error" role="alert">
        {t('journey.save.rejected', { reason: describeError(t, s.error).title })} <Button onClick={onReload}>{t('journey.reload')}</Button>
      </span>
    )
  if (s.state === 'retrying')
    return (
      <span className="jm-save jm-save-error" role="alert">
        {t('journey.save.retrying')} <Button onClick={onRetry}>{t('common.retry')}</Button>
      </span>
    )
  return (
    <span className="jm-save muted" role="status" data-testid="save-status" data-state={snapshot.unsaved > 0 ? 'saving' : 'saved'}>
      {snapshot.unsaved > 0 ? t('journey.save.saving') : t('journey.save.saved')}
    </span>
  )
}

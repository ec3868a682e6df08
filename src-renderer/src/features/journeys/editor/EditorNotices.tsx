import { Button } from '../../../components/Button'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { Notice } from '../../../components/Notice'
import { useI18n } from '../../../i18n/I18nProvider'

interface Props {
  scoresError: unknown
  exportError: unknown
  onDismissExportError: () => void
  commandError: string | null
  onDismissCommandError: () => void
  stale: boolean
  onReload: () => void
}

/** What went wrong above the map: scores that could not be read, a failed export, a refused edit, a map changed elsewhere. */
export function EditorNotices({ scoresError, exportError, onDismissExportError, commandError, onDismissCommandError, stale, onReload }: Props) {
  const { t } = useI18n()
  return (
    <>
      {scoresError != null && <ErrorNotice error={scoresError} />}
      {exportError != null && <ErrorNotice error={exportError} onDismiss={onDismissExportError} />}
      {commandError && (
        <Notice tone="error" onDismiss={onDismissCommandError} dismissLabel={t('common.dismiss')}>
          {t('journey.commandFailed', { message: commandError })}
        </Notice>
      )}
      {stale && (
        <Notice tone="info">
          {t('journey.stale')} <Button onClick={onReload}>{t('journey.reload')}</Button>
        </Notice>
      )}
    </>
  )
}

import { useI18n } from '../i18n/I18nProvider'
import { describeError } from '../i18n/errorMessage'
import { Notice } from './Notice'

export function ErrorNotice({ error, onDismiss }: { error: unknown; onDismiss?: () => void }) {
  const { t } = useI18n()
  const { title, detail } = describeError(t, error)
  return (
    <Notice tone="error" onDismiss={onDismiss} dismissLabel={t('common.dismiss')}>
      <strong>{title}</strong>
      {detail && <div className="notice-detail">{t('error.details', { message: detail })}</div>}
    </Notice>
  )
}

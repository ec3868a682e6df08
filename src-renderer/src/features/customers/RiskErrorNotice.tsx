import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Notice } from '../../components/Notice'

/** Whether a request failed because the risk pass it waited for was cancelled (customers.cancelRisk). */
export const riskCancelled = (error: unknown) => (error as { code?: string } | null)?.code === 'CANCELLED'

/**
 * The error of a request that needs the risk pass. A cancelled pass is no error to report: on the
 * Customers page its own notice (RiskProgress, localised, with Start again) says so, and nothing is
 * added beside it (ErrorNotice would add the main process's English detail). Elsewhere
 * (`onRestart`), the same localised words and Start again.
 */
export function RiskErrorNotice({ error, onRestart }: { error: unknown; onRestart?: () => void }) {
  const { t } = useI18n()
  if (!riskCancelled(error)) return <ErrorNotice error={error} />
  if (!onRestart) return null
  return (
    <Notice tone="info">
      <span>{t('customers.risk.cancelled')}</span>{' '}
      <Button onClick={onRestart}>{t('customers.risk.restart')}</Button>
    </Notice>
  )
}

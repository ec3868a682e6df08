import { useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type { RiskProgress as Progress } from '../../../../src-shared/api/customers'
import { useApi, useApiQuery, useAppEvent } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { Notice } from '../../components/Notice'

/**
 * The risk pass on a large workspace (every response read, the model fitted, in a worker thread):
 * a progress bar with Cancel while it runs; after a cancel, a notice with Start again.
 */
export function RiskProgress() {
  const { t, fmt } = useI18n()
  const api = useApi()
  const queryClient = useQueryClient()
  const status = useApiQuery('customers.riskStatus', {})
  const [last, setLast] = useState<Progress | null>(null)
  useAppEvent('customers.risk', setLast)
  const state = last?.state ?? (status.data?.running ? 'running' : null)
  const share = last?.share ?? status.data?.share ?? 0
  if (state === 'running')
    return (
      <div className="risk-progress" role="status" data-testid="risk-progress">
        <span>{t('customers.risk.running', { share: fmt.percent(share) })}</span>
        <progress max={1} value={share} aria-label={t('customers.risk.label')} />
        <Button onClick={() => void api.call('customers.cancelRisk', {})} data-testid="risk-cancel">
          {t('customers.risk.cancel')}
        </Button>
      </div>
    )
  // Not dismissable: the views that wait for the pass show nothing of their own while it is stopped
  // (RiskErrorNotice), so this notice is what says why, until Start again.
  if (state === 'cancelled')
    return (
      <Notice tone="info">
        <span data-testid="risk-cancelled">{t('customers.risk.cancelled')}</span>{' '}
        <Button
          onClick={() => {
            setLast(null)
            void queryClient.invalidateQueries()
          }}
          data-testid="risk-restart"
        >
          {t('customers.risk.restart')}
        </Button>
      </Notice>
    )
  return null
}

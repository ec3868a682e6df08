import type { MessageKey } from '../../../../src-shared/i18n/en'
import { useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Card } from '../../components/Card'
import { Loading } from '../../components/Loading'
import { RiskErrorNotice } from './RiskErrorNotice'

/** On the Scores page: do detractors leave more? Churn within 90 days by the band of the last score before, with margins of error. */
export function ChurnByBandCard() {
  const { t, fmt } = useI18n()
  const q = useApiQuery('customers.churnByBand', {})
  return (
    <Card title={t('customers.churnByBand.title')} className="churn-by-band">
      {q.isPending ? (
        <Loading label={t('common.loading')} />
      ) : q.error ? (
        <RiskErrorNotice error={q.error} onRestart={() => void q.refetch()} />
      ) : q.data.rows.every((r) => r.n === 0) ? (
        <p className="muted">{t('customers.churnByBand.noData')}</p>
      ) : (
        <>
          <p className="muted small">{t('customers.churnByBand.explain', { date: fmt.day(q.data.cutoff) })}</p>
          <table className="drivers" data-testid="churn-by-band">
            <thead>
              <tr>
                <th scope="col">{t('customers.churnByBand.band')}</th>
                <th scope="col">{t('customers.churnByBand.n')}</th>
                <th scope="col">{t('customers.churnByBand.churned')}</th>
                <th scope="col">{t('customers.churnByBand.rate')}</th>
              </tr>
            </thead>
            <tbody>
              {q.data.rows.map((r) => (
                <tr key={r.band}>
                  <th scope="row">{t(`customers.band.${r.band}` as MessageKey)}</th>
                  <td>{fmt.integer(r.n)}</td>
                  <td>{fmt.integer(r.churned)}</td>
                  <td>
                    {r.rate === null ? '—' : fmt.percentValue(r.rate)}{' '}
                    <span className="muted">{r.moe95 !== null ? t('customers.churnByBand.moe', { moe: fmt.percentValue(r.moe95) }) : r.n > 0 ? t('customers.churnByBand.small') : ''}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Card>
  )
}

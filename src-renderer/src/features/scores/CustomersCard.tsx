import type { FeedbackFilter } from '../../../../src-shared/api/filters'
import type { PeriodUnit } from '../../../../src-shared/domain/periods'
import { MIN_RELIABLE_N } from '../../../../src-shared/domain/scores'
import { useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Card } from '../../components/Card'
import { Loading } from '../../components/Loading'
import { ErrorNotice } from '../../components/ErrorNotice'
import { palette } from './chartSetup'
import { SimpleLineChart } from './SimpleLineChart'
import { useScoreFormat } from './useScoreFormat'

/** Churn and (standard) retention per period, from the customers' lifecycle dates. */
export function CustomersCard({ by, filter }: { by: PeriodUnit; filter: FeedbackFilter }) {
  const { t, fmt } = useI18n()
  const f = useScoreFormat()
  const life = useApiQuery('metrics.lifecycle', { by, filter })
  const rows = life.data?.rows ?? []
  const title = t('customers.title')
  const chartTitle = t('customers.chartTitle')
  const pct = (v: number | null) => (v === null ? t('common.notAvailable') : fmt.percentValue(v))
  return (
    <Card title={title}>
      {life.isPending && <Loading label={t('common.loading')} />}
      {life.error && <ErrorNotice error={life.error} />}
      {life.data && rows.length === 0 && <p className="empty">{t('customers.empty')}</p>}
      {life.data && rows.length > 0 && (
        <SimpleLineChart
          title={chartTitle}
          labels={rows.map((r) => f.period(r.period ? (r.periodStart ?? '') : '', by))}
          // Standard retention is 100 − churn, so one line says both without squashing churn against a 0–100% axis.
          lines={[{ label: t('metricName.churn'), values: rows.map((r) => r.churnRate), color: palette.poor }]}
          format={(v) => fmt.percentValue(v)}
          yMin={0}
          note={
            <>
              {t('customers.note', { min: MIN_RELIABLE_N })} {t('customers.retentionIsRest')}
              {life.data.withoutDates > 0 && ` ${t('customers.withoutDates', { n: fmt.integer(life.data.withoutDates) })}`}
              {life.data.ignoredFilters.length > 0 && ` ${t('customers.ignored', { list: life.data.ignoredFilters.join(', ') })}`}
            </>
          }
          table={
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('chart.period')}</th>
                  <th scope="col">{t('customers.atStart')}</th>
                  <th scope="col">{t('customers.lost')}</th>
                  <th scope="col">{t('customers.gained')}</th>
                  <th scope="col">{t('customers.atEnd')}</th>
                  <th scope="col">{t('metricName.churn')}</th>
                  <th scope="col">{t('metricName.retention')}</th>
                  <th scope="col">{t('customers.endOverStart')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.period} className={r.lowSample ? 'muted' : undefined}>
                    <th scope="row">{f.period(r.periodStart ?? '', by)}</th>
                    <td>{fmt.integer(r.atStart)}</td>
                    <td>{fmt.integer(r.lost)}</td>
                    <td>{fmt.integer(r.gained)}</td>
                    <td>{fmt.integer(r.atEnd)}</td>
                    <td>{pct(r.churnRate)}</td>
                    <td>{pct(r.retentionRate)}</td>
                    <td>{pct(r.endOverStart)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      )}
    </Card>
  )
}

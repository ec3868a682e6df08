import type { FeedbackFilter } from '../../../../src-shared/api/filters'
import type { PeriodUnit } from '../../../../src-shared/domain/periods'
import { useApiQuery } from '../../api/hooks'
import { hrefFor } from '../../app/router'
import { useI18n } from '../../i18n/I18nProvider'
import { Card } from '../../components/Card'
import { Loading } from '../../components/Loading'
import { ErrorNotice } from '../../components/ErrorNotice'
import { palette } from './chartSetup'
import { SimpleLineChart } from './SimpleLineChart'
import { useScoreFormat } from './useScoreFormat'

/** Responses ÷ surveys sent per period, where the number sent has been entered. */
export function ResponseRateCard({ by, filter }: { by: PeriodUnit; filter: FeedbackFilter }) {
  const { t, fmt } = useI18n()
  const f = useScoreFormat()
  const rate = useApiQuery('metrics.responseRate', { by, filter })
  const rows = rate.data?.rows ?? []
  const title = t('rate.title')
  return (
    <Card title={title}>
      {rate.isPending && <Loading label={t('common.loading')} />}
      {rate.error && <ErrorNotice error={rate.error} />}
      {rate.data && rows.length === 0 && (
        <p className="empty">
          {t('rate.empty')} <a href={hrefFor('score-settings')}>{t('rate.enterSends')}</a>
        </p>
      )}
      {rate.data && rows.length > 0 && (
        <SimpleLineChart
          title={title}
          labels={rows.map((r) => f.period(r.periodStart ?? '', by))}
          lines={[{ label: t('metricName.responseRate'), values: rows.map((r) => r.rate), color: palette.line }]}
          format={(v) => fmt.percentValue(v)}
          yMin={0}
          note={
            <>
              {t('rate.note')}
              {rows.some((r) => r.straddling) && ` ${t('rate.straddling')}`}
              {rate.data.ignoredFilters.length > 0 && ` ${t('customers.ignored', { list: rate.data.ignoredFilters.join(', ') })}`}
            </>
          }
          table={
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('chart.period')}</th>
                  <th scope="col">{t('rate.sent')}</th>
                  <th scope="col">{t('rate.responses')}</th>
                  <th scope="col">{t('metricName.responseRate')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.period}>
                    <th scope="row">{f.period(r.periodStart ?? '', by)}</th>
                    <td>{fmt.integer(r.sent)}</td>
                    <td>{fmt.integer(r.responses)}</td>
                    <td>{r.rate === null ? t('common.notAvailable') : fmt.percentValue(r.rate)}</td>
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

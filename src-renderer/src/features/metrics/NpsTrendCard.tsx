import { useApiQuery } from '../../api/hooks'
import { hrefFor } from '../../platform/router'
import { useI18n } from '../../i18n/I18nProvider'
import { Card } from '../../components/Card'
import { Loading } from '../../components/Loading'
import { ErrorNotice } from '../../components/ErrorNotice'
import { TrendChart } from './TrendChart'
import './chartSetup'

const ALL_TIME = {}

/** The Overview's monthly NPS over all the workspace's data, with a way into the full Scores page. */
export function NpsTrendCard() {
  const { t, fmt } = useI18n()
  const filter = ALL_TIME
  const series = useApiQuery('metrics.series', { metric: 'nps', by: 'month', filter })
  const overall = series.data?.overall
  return (
    <Card
      title={t('nps.title')}
      actions={
        overall && overall.value !== null ? (
          <span className="headline" data-testid="nps-overall">
            {t('nps.overall', { value: fmt.signed(overall.value, 1), moe: fmt.number(overall.moe95 ?? 0, 1), n: fmt.integer(overall.n) })}
          </span>
        ) : null
      }
      footer={<a href={hrefFor('scores')}>{t('overview.openScores')}</a>}
    >
      {series.isPending && <Loading label={t('common.loading')} />}
      {series.error && <ErrorNotice error={series.error} />}
      {series.data &&
        (series.data.rows.length ? <TrendChart series={series.data} filter={filter} by="month" title={t('scores.trendTitle', { metric: t('metricName.nps') })} testId="trend-nps" /> : <p className="empty">{t('nps.empty')}</p>)}
    </Card>
  )
}

import { useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Card } from '../../components/Card'
import { Loading } from '../../components/Loading'
import { ErrorNotice } from '../../components/ErrorNotice'
import { NpsTrendChart, NpsTrendTable } from './NpsTrendChart'

export function NpsTrendCard() {
  const { t, fmt } = useI18n()
  const series = useApiQuery('metrics.series', { metric: 'nps', by: 'month' })
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
      footer={<span className="muted">{t('nps.definition')}</span>}
    >
      {series.isPending && <Loading label={t('common.loading')} />}
      {series.error && <ErrorNotice error={series.error} />}
      {series.data &&
        (series.data.rows.length ? (
          <>
            <NpsTrendChart series={series.data} />
            <NpsTrendTable series={series.data} />
          </>
        ) : (
          <p className="empty">{t('nps.empty')}</p>
        ))}
    </Card>
  )
}

import type { PageProps } from '../../platform/pageProps'
import { navigate } from '../../platform/router'
import { useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Loading } from '../../components/Loading'
import { ErrorNotice } from '../../components/ErrorNotice'
import { defaultPeriod } from '../../../../src-shared/domain/defaultView'
import { periodEnd } from '../../../../src-shared/domain/periods'
import { NpsTrendCard } from './NpsTrendCard'
import { TilesRow } from './TilesRow'
import { scoresSearchParams } from './scoresParams'

/**
 * The landing page: the scores of the last complete month that has data (this month only when all
 * the data is in it, then "so far") and the NPS trend (import and inbox have their own pages).
 */
export function OverviewPage(_props: PageProps) {
  const { t } = useI18n()
  const dataSpan = useApiQuery('metrics.dataSpan', {})
  if (dataSpan.isPending) return <Loading label={t('common.loading')} />
  if (dataSpan.error) return <ErrorNotice error={dataSpan.error} />
  const { span, today } = dataSpan.data
  const month = defaultPeriod('month', today, span)
  return (
    <div className="overview">
      <TilesRow
        by="month"
        compare="previous"
        filter={{ to: periodEnd(month.key, 'month') }}
        compact
        span={span}
        onShowData={(range) => navigate('scores', scoresSearchParams({ by: 'month', compare: 'previous', filter: range }))}
      />
      <NpsTrendCard />
    </div>
  )
}

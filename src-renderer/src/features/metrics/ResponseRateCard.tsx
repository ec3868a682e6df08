import type { FeedbackFilter } from '../../../../src-shared/api/filters'
import type { PeriodUnit } from '../../../../src-shared/domain/periods'
import { useApiQuery } from '../../api/hooks'
import { hrefFor } from '../../platform/router'
import { useI18n } from '../../i18n/I18nProvider'
import { Card } from '../../components/Card'
import { palette } from './chartSetup'
import { SimpleLineChart } from './SimpleLineChart'
import { PeriodTable } from './PeriodTable'
import { QueryStates } from './QueryStates'
import { useScoreFormat } from './useScoreFormat'

/** Responses ÷ surveys sent per period, where the number sent has been entered. */
export function ResponseRateCard({ by, filter }: { by: PeriodUnit; filter: FeedbackFilter }) {
  const { t, fmt } = useI18n()
  const f = useScoreFormat()
  const rate = useApiQuery('metrics.responseRate', { by, filter })
  return (
    <Card title={t('rate.title')}>
      <QueryStates
        query={rate}
        isEmpty={(d) => d.rows.length === 0}
        empty={
          <>
            {t('rate.empty')} <a href={hrefFor('score-settings')}>{t('rate.enterSends')}</a>
          </>
        }
      >
        {({ rows, ignoredFilters }) => (
          <SimpleLineChart
            filter={filter}
            title={t('rate.title')}
            labels={rows.map((r) => f.period(r.periodStart ?? '', by))}
            lines={[{ label: t('metricName.responseRate'), values: rows.map((r) => r.rate), color: palette.line }]}
            format={(v) => fmt.percentValue(v)}
            yMin={0}
            note={
              <>
                {t('rate.note')}
                {rows.some((r) => r.straddling) && ` ${t('rate.straddling')}`}
                {ignoredFilters.length > 0 && ` ${t('customers.ignored', { list: ignoredFilters.join(', ') })}`}
              </>
            }
            table={
              <PeriodTable
                rows={rows}
                by={by}
                columns={[
                  { header: t('rate.sent'), cell: (r) => fmt.integer(r.sent) },
                  { header: t('rate.responses'), cell: (r) => fmt.integer(r.responses) },
                  { header: t('metricName.responseRate'), cell: (r) => (r.rate === null ? t('common.notAvailable') : fmt.percentValue(r.rate)) },
                ]}
              />
            }
          />
        )}
      </QueryStates>
    </Card>
  )
}

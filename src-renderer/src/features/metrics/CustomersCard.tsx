import type { FeedbackFilter } from '../../../../src-shared/api/filters'
import type { PeriodUnit } from '../../../../src-shared/domain/periods'
import { MIN_RELIABLE_N } from '../../../../src-shared/domain/scores'
import { useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Card } from '../../components/Card'
import { palette } from './chartSetup'
import { SimpleLineChart } from './SimpleLineChart'
import { PeriodTable } from './PeriodTable'
import { QueryStates } from './QueryStates'
import { useScoreFormat } from './useScoreFormat'

/** Churn and (standard) retention per period, on the cohort at each period's start, from the customers' lifecycle dates. */
export function CustomersCard({ by, filter }: { by: PeriodUnit; filter: FeedbackFilter }) {
  const { t, fmt } = useI18n()
  const f = useScoreFormat()
  const life = useApiQuery('metrics.lifecycle', { by, filter })
  const pct = (v: number | null) => (v === null ? t('common.notAvailable') : fmt.percentValue(v))
  return (
    <Card title={t('customers.title')}>
      <QueryStates query={life} isEmpty={(d) => d.rows.length === 0} empty={t('customers.empty')}>
        {({ rows, withoutDates, ignoredFilters }) => (
          <SimpleLineChart
            filter={filter}
            title={t('customers.chartTitle')}
            labels={rows.map((r) => f.period(r.periodStart ?? '', by))}
            // Standard retention is 100 − churn, so one line says both without squashing churn against a 0–100% axis.
            lines={[{ label: t('metricName.churn'), values: rows.map((r) => r.churnRate), color: palette.poor }]}
            format={(v) => fmt.percentValue(v)}
            yMin={0}
            note={
              <>
                {t('customers.note', { min: MIN_RELIABLE_N })} {t('customers.retentionIsRest')}
                {withoutDates > 0 && ` ${t.plural('customers.withoutDates', withoutDates)}`}
                {ignoredFilters.length > 0 && ` ${t('customers.ignored', { list: ignoredFilters.join(', ') })}`}
              </>
            }
            table={
              <PeriodTable
                rows={rows}
                by={by}
                columns={[
                  { header: t('customers.atStart'), cell: (r) => fmt.integer(r.atStart) },
                  { header: t('customers.lost'), cell: (r) => fmt.integer(r.lost) },
                  { header: t('customers.retained'), cell: (r) => fmt.integer(r.retained) },
                  { header: t('customers.gained'), cell: (r) => fmt.integer(r.gained) },
                  { header: t('customers.lostNew'), cell: (r) => fmt.integer(r.lostNew) },
                  { header: t('customers.atEnd'), cell: (r) => fmt.integer(r.atEnd) },
                  { header: t('metricName.churn'), cell: (r) => pct(r.churnRate) },
                  { header: t('metricName.retention'), cell: (r) => pct(r.retentionRate) },
                  { header: t('chart.moe'), cell: (r) => (r.moe95 === null ? t('common.notAvailable') : fmt.number(r.moe95, 1)) },
                  { header: t('customers.endOverStart'), cell: (r) => pct(r.endOverStart) },
                ]}
              />
            }
          />
        )}
      </QueryStates>
    </Card>
  )
}

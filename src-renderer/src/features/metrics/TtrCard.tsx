import { useCallback, useMemo } from 'react'
import type { FeedbackFilter } from '../../../../src-shared/api/filters'
import type { TtrRow } from '../../../../src-shared/api/metrics'
import type { PeriodUnit } from '../../../../src-shared/domain/periods'
import { MIN_RELIABLE_N } from '../../../../src-shared/domain/scores'
import { useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Card } from '../../components/Card'
import { periodFilter } from './inboxLink'
import { palette } from './chartSetup'
import { SimpleLineChart } from './SimpleLineChart'
import { PeriodTable } from './PeriodTable'
import { QueryStates } from './QueryStates'
import { useScoreFormat } from './useScoreFormat'
import { TtrOwners } from './TtrOwners'
import { useHoursInterval } from './useHoursInterval'

/** Time to resolution per period of arrival: median and 90th percentile with their 95% intervals, with what is still open, and by owner. */
export function TtrCard({ by, filter }: { by: PeriodUnit; filter: FeedbackFilter }) {
  const { t, fmt } = useI18n()
  const f = useScoreFormat()
  const interval = useHoursInterval()
  const ttr = useApiQuery('metrics.ttr', { by, filter })
  const rows = useMemo(() => ttr.data?.rows ?? [], [ttr.data])
  // A point opens the follow-ups resolved in that period: the items its median is taken over.
  const linkOf = useCallback((i: number) => ({ ...periodFilter(filter, rows[i].period ?? '', by), status: ['resolved' as const] }), [filter, rows, by])
  const pointLabel = useCallback((i: number) => t('ttr.pointLabel', { period: f.period(rows[i].periodStart ?? '', by), median: f.value('ttr', rows[i].medianHours), n: fmt.integer(rows[i].resolved) }), [rows, t, f, by, fmt])
  const hours = (v: number | null) => f.value('ttr', v)
  return (
    <Card title={t('ttr.title')}>
      <QueryStates query={ttr} isEmpty={(d) => d.rows.length === 0} empty={t('ttr.empty')}>
        {(data) => (
          <>
            <SimpleLineChart
              filter={filter}
              title={t('ttr.chartTitle')}
              testId="ttr-chart"
              labels={rows.map((r) => f.period(r.periodStart ?? '', by))}
              lines={[
                { label: t('ttr.median'), values: rows.map((r) => r.medianHours), color: palette.line },
                { label: t('ttr.p90'), values: rows.map((r) => r.p90Hours), color: palette.poor, dashed: true },
              ]}
              format={(v) => hours(v)}
              yMin={0}
              linkOf={linkOf}
              pointLabel={pointLabel}
              note={
                <>
                  {t(data.businessHours ? 'ttr.noteBusiness' : 'ttr.note', { min: MIN_RELIABLE_N, open: fmt.integer(data.overall.stillOpen), n: fmt.integer(data.overall.resolved) })}{' '}
                  {t('ttr.overallIntervals', { median: hours(data.overall.medianHours), medianCi: interval(data.overall.medianLow, data.overall.medianHigh), p90: hours(data.overall.p90Hours), p90Ci: interval(data.overall.p90Low, data.overall.p90High) })}
                </>
              }
              table={
                <PeriodTable
                  rows={rows}
                  by={by}
                  columns={[
                    { header: t('ttr.median'), cell: (r: TtrRow) => hours(r.medianHours) },
                    { header: t('ttr.medianCi'), cell: (r: TtrRow) => <span className="interval">{interval(r.medianLow, r.medianHigh)}</span> },
                    { header: t('ttr.p90'), cell: (r: TtrRow) => hours(r.p90Hours) },
                    { header: t('ttr.p90Ci'), cell: (r: TtrRow) => <span className="interval">{interval(r.p90Low, r.p90High)}</span> },
                    { header: t('ttr.resolved'), cell: (r: TtrRow) => fmt.integer(r.resolved) },
                    { header: t('ttr.open'), cell: (r: TtrRow) => fmt.integer(r.stillOpen) },
                    { header: t('ttr.needed'), cell: (r: TtrRow) => fmt.integer(r.needed) },
                  ]}
                />
              }
            />
            <TtrOwners filter={filter} />
          </>
        )}
      </QueryStates>
    </Card>
  )
}


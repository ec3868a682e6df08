import { useCallback, useMemo } from 'react'
import type { FeedbackFilter } from '../../../../src-shared/api/filters'
import type { PeriodUnit } from '../../../../src-shared/domain/periods'
import { MIN_RELIABLE_N } from '../../../../src-shared/domain/scores'
import { useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Card } from '../../components/Card'
import { Loading } from '../../components/Loading'
import { ErrorNotice } from '../../components/ErrorNotice'
import { periodFilter } from './inboxLink'
import { palette } from './chartSetup'
import { SimpleLineChart } from './SimpleLineChart'
import { useScoreFormat } from './useScoreFormat'

/** Time to resolution per period of arrival: median and 90th percentile, with what is still open. */
export function TtrCard({ by, filter }: { by: PeriodUnit; filter: FeedbackFilter }) {
  const { t, fmt } = useI18n()
  const f = useScoreFormat()
  const ttr = useApiQuery('metrics.ttr', { by, filter })
  const rows = useMemo(() => ttr.data?.rows ?? [], [ttr.data])
  // A point opens the follow-ups resolved in that period: the items its median is taken over.
  const linkOf = useCallback((i: number) => ({ ...periodFilter(filter, rows[i].period ?? '', by), status: ['resolved' as const] }), [filter, rows, by])
  const pointLabel = useCallback((i: number) => t('ttr.pointLabel', { period: f.period(rows[i].periodStart ?? '', by), median: f.value('ttr', rows[i].medianHours), n: fmt.integer(rows[i].resolved) }), [rows, t, f, by, fmt])
  const title = t('ttr.title')
  return (
    <Card title={title}>
      {ttr.isPending && <Loading label={t('common.loading')} />}
      {ttr.error && <ErrorNotice error={ttr.error} />}
      {ttr.data && rows.length === 0 && <p className="empty">{t('ttr.empty')}</p>}
      {ttr.data && rows.length > 0 && (
        <SimpleLineChart
          title={t('ttr.chartTitle')}
          testId="ttr-chart"
          labels={rows.map((r) => f.period(r.periodStart ?? '', by))}
          lines={[
            { label: t('ttr.median'), values: rows.map((r) => r.medianHours), color: palette.line },
            { label: t('ttr.p90'), values: rows.map((r) => r.p90Hours), color: palette.poor, dashed: true },
          ]}
          format={(v) => f.value('ttr', v)}
          yMin={0}
          linkOf={linkOf}
          pointLabel={pointLabel}
          note={t(ttr.data.businessHours ? 'ttr.noteBusiness' : 'ttr.note', { min: MIN_RELIABLE_N, open: fmt.integer(ttr.data.overall.stillOpen), n: fmt.integer(ttr.data.overall.resolved) })}
          table={
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('chart.period')}</th>
                  <th scope="col">{t('ttr.median')}</th>
                  <th scope="col">{t('ttr.p90')}</th>
                  <th scope="col">{t('ttr.resolved')}</th>
                  <th scope="col">{t('ttr.open')}</th>
                  <th scope="col">{t('ttr.needed')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.period} className={r.lowSample ? 'muted' : undefined}>
                    <th scope="row">{f.period(r.periodStart ?? '', by)}</th>
                    <td>{f.value('ttr', r.medianHours)}</td>
                    <td>{f.value('ttr', r.p90Hours)}</td>
                    <td>{fmt.integer(r.resolved)}</td>
                    <td>{fmt.integer(r.stillOpen)}</td>
                    <td>{fmt.integer(r.needed)}</td>
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

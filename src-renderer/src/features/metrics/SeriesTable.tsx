import type { MetricsSeries } from '../../../../src-shared/api/metrics'
import type { Dimension, FeedbackFilter } from '../../../../src-shared/api/filters'
import type { PeriodUnit } from '../../../../src-shared/domain/periods'
import { useI18n } from '../../i18n/I18nProvider'
import { useDimValueLabel } from '../../i18n/channelLabels'
import { inboxHref, metricFilter, periodFilter } from './inboxLink'
import { useScoreFormat } from './useScoreFormat'

/** A series' numbers as a table: for screen readers, for copying, and for checking a figure exactly; each row opens its responses. */
export function SeriesTable({ series, by, filter, dim }: { series: MetricsSeries; by?: PeriodUnit | null; filter: FeedbackFilter; dim?: string }) {
  const { t, fmt } = useI18n()
  const f = useScoreFormat()
  const valueLabel = useDimValueLabel()
  const na = t('common.notAvailable')
  return (
    <table data-testid={`${series.metric}-table`}>
      <thead>
        <tr>
          <th scope="col">{dim ? t(`dim.${dim as Dimension}`) : t('chart.period')}</th>
          <th scope="col">{f.name(series.metric)}</th>
          <th scope="col">{t('chart.moe')}</th>
          <th scope="col">{t('chart.nHeader')}</th>
          {series.metric === 'nps' && <th scope="col">{t('nps.mixHeader')}</th>}
          {series.metric !== 'nps' && <th scope="col">{t('chart.mean')}</th>}
          <th scope="col">
            <span className="sr-only">{t('chart.open')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {series.rows.map((r) => {
          const rowFilter = metricFilter(dim ? { ...filter, [dim]: r.group === null ? [] : [r.group] } : periodFilter(filter, r.period ?? '', by ?? 'month'), series.metric)
          const label = dim ? (r.group === null ? t('chart.none') : valueLabel(dim, r.group)) : f.period(r.periodStart ?? '', by ?? null)
          return (
            <tr key={`${r.period}-${r.group}`} data-period={r.period ?? ''} data-group={r.group ?? ''} className={r.lowSample ? 'muted' : undefined}>
              <th scope="row">{label}</th>
              <td data-value={r.value ?? ''}>{f.value(series.metric, r.value)}</td>
              <td>{r.moe95 === null ? na : fmt.number(r.moe95, series.metric === 'ces' ? 2 : 1)}</td>
              <td data-n={r.n}>{fmt.integer(r.n)}</td>
              {series.metric === 'nps' && <td>{`${fmt.integer(r.good)} / ${fmt.integer(r.neutral)} / ${fmt.integer(r.poor)}`}</td>}
              {series.metric !== 'nps' && <td>{r.mean === null ? na : fmt.number(r.mean, 2)}</td>}
              <td>{r.group !== null || !dim ? <a href={inboxHref(rowFilter)}>{t('chart.open')}</a> : null}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

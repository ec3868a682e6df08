import type { MetricKind } from '../../../../../src-shared/domain/scores'
import type { Figure } from '../../../../../src-shared/api/metrics'
import { useI18n } from '../../../i18n/I18nProvider'
import { useDimValueLabel } from '../../../i18n/channelLabels'
import { useReportFormat } from './useReportFormat'

/** A score per group, best first: the numbers behind a breakdown chart, selectable in the PDF. Small samples are pale. */
export function FigureTable({ metric, dim, head, rows }: { metric: MetricKind; dim: string; head: string; rows: Array<Figure & { group: string | null }> }) {
  const { t, fmt } = useI18n()
  const valueLabel = useDimValueLabel()
  const f = useReportFormat()
  return (
    <table className="report-table">
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col">{f.name(metric)}</th>
          <th scope="col">{t('chart.moe')}</th>
          <th scope="col">{t('chart.nHeader')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.group ?? ''} className={r.lowSample ? 'muted' : undefined}>
            <th scope="row">{r.group === null ? t('chart.none') : valueLabel(dim, r.group)}</th>
            <td>{f.value(metric, r.value)}</td>
            <td>{f.moe(metric, r.moe95)}</td>
            <td>{fmt.integer(r.n)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

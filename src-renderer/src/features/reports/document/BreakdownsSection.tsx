import type { ReportData } from '../../../../../src-shared/api/reports'
import { MIN_RELIABLE_N } from '../../../../../src-shared/domain/scores'
import { useI18n } from '../../../i18n/I18nProvider'
import { BreakdownChart } from '../../metrics/BreakdownChart'
import { FigureTable } from './FigureTable'
import { Nothing } from './Section'
import { QuestionsNote } from './QuestionsNote'
import { useReportFormat } from './useReportFormat'

/**
 * The score by channel, touchpoint, stage and location: a chart with margins of error and its table.
 * When every group is too small to read (a month of a small business), the chart would be all pale
 * bars: the table alone says it, with a sentence why, and takes half the width.
 */
export function BreakdownsSection({ data }: { data: ReportData }) {
  const { t } = useI18n()
  const f = useReportFormat()
  const b = data.breakdowns
  if (!b || !b.items.length) return <Nothing />
  const filter = { ...data.options.filter, ...data.period }
  return (
    <>
      <QuestionsNote data={data} metric={b.metric} />
      <div className="report-breakdowns">
        {b.items.map(({ dim, series }) => {
          const rows = series.rows.filter((r) => r.group !== null).sort((x, y) => (y.value ?? -Infinity) - (x.value ?? -Infinity))
          const title = t('report.breakdown.title', { metric: f.name(b.metric), dim: t(`dim.${dim}`) })
          if (rows.length && rows.every((r) => r.lowSample))
            return (
              <div key={dim} className="report-breakdown table-only" data-breakdown={dim}>
                <h3>{title}</h3>
                <p className="muted">{t('report.breakdown.allSmall', { min: MIN_RELIABLE_N })}</p>
                <FigureTable metric={b.metric} dim={dim} head={t(`dim.${dim}`)} rows={rows} />
              </div>
            )
          return (
            <div key={dim} className="report-breakdown" data-breakdown={dim}>
              <BreakdownChart series={series} dim={dim} filter={filter} title={title} />
              <FigureTable metric={b.metric} dim={dim} head={t(`dim.${dim}`)} rows={rows} />
            </div>
          )
        })}
      </div>
    </>
  )
}

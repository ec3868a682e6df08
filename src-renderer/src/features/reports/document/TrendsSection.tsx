import type { ReportData } from '../../../../../src-shared/api/reports'
import { TrendChart } from '../../metrics/TrendChart'
import { Nothing } from './Section'
import { QuestionsNotes } from './QuestionsNote'
import { useReportFormat } from './useReportFormat'

/** Each score per period with its margin-of-error band, over the report's period (widened to a year for short periods). */
export function TrendsSection({ data }: { data: ReportData }) {
  const f = useReportFormat()
  const trends = data.trends
  if (!trends || !trends.series.length) return <Nothing />
  return (
    <>
      <p className="muted">{f.range(trends.window)}</p>
      <div className="report-charts">
        {trends.series.map((s) => (
          <TrendChart key={s.metric} series={s} by={trends.by} filter={{ ...data.options.filter, ...trends.window }} title={f.name(s.metric)} />
        ))}
      </div>
      <QuestionsNotes data={data} metrics={trends.series.map((s) => s.metric)} />
    </>
  )
}

import type { ReportData } from '../../../../../src-shared/api/reports'
import { TileCard } from '../../metrics/TilesRow'
import { useReportFormat } from './useReportFormat'
import { Nothing } from './Section'
import { QuestionsNotes } from './QuestionsNote'

/** NPS, CSAT, CES, TTR, churn and retention in the period, each against the period before with its significance verdict. */
export function HeadlineSection({ data }: { data: ReportData }) {
  const f = useReportFormat()
  const headline = data.headline
  if (!headline) return <Nothing />
  // The response rate only when surveys sent were entered; the other six always, "not available" included.
  const tiles = headline.tiles.filter((t) => t.metric !== 'responseRate' || t.value !== null)
  return (
    <div className="tiles report-tiles">
      <div className="tiles-grid">
        {tiles.map((tile) => (
          <TileCard key={tile.metric} tile={tile} cesLowerBetter={headline.cesLowerBetter} comparedWith={data.comparison ? f.range(data.comparison) : ''} link={null} />
        ))}
      </div>
      <QuestionsNotes data={data} metrics={['nps', 'csat', 'ces']} />
    </div>
  )
}

import { useMemo } from 'react'
import type { ReportData } from '../../../../../src-shared/api/reports'
import { useI18n } from '../../../i18n/I18nProvider'
import { JourneyMapView } from '../../journeys/map/JourneyMapView'
import { MapPersona } from '../../journeys/map/PersonaSummary'
import type { MapDisplay } from '../../journeys/map/mapContext'
import { reportLiveScores } from './mapScores'
import { useFitZoom } from './useFitZoom'
import { Nothing } from './Section'
import { useReportFormat } from './useReportFormat'

type ReportMap = NonNullable<ReportData['journeys']>['maps'][number]

/** The printable height of a page (paper − 32 mm of margins), less room for the map's heading, in CSS pixels. */
const PAGE_HEIGHT_MM = { a4: { portrait: 265, landscape: 178 }, letter: { portrait: 247.4, landscape: 183.9 } } as const
const HEADING_MM = 42
const PX_PER_MM = 96 / 25.4
/** The persona's strip above a map (journey.css caps it at this height). */
const PERSONA_STRIP_PX = 96
const mapHeightPx = (o: ReportData['options']) => (PAGE_HEIGHT_MM[o.paper][o.orientation] - HEADING_MM) * PX_PER_MM

/** The map, scaled down to fit one page (text stays text: CSS zoom, not a picture). */
function FittedMap({ map, journeys, maxHeightPx }: { map: ReportMap; journeys: NonNullable<ReportData['journeys']>; maxHeightPx: number }) {
  const { outer, inner, zoom } = useFitZoom(map.doc, maxHeightPx)
  const display = useMemo<MapDisplay>(
    () => ({ scores: reportLiveScores(map.figures, journeys), heat: true, actualCurve: true, compare: null, otherEmotions: null, onOpenScore: null }),
    [map.figures, journeys],
  )
  return (
    <div ref={outer} className="report-map">
      <div ref={inner} className="report-map-inner" style={{ zoom }}>
        <JourneyMapView doc={map.doc} display={display} label={map.doc.map.name} />
      </div>
    </div>
  )
}

/** Every chosen journey map, as-is before its to-be versions, with the live scores of the report's period as a heat map. */
export function JourneysSection({ data }: { data: ReportData }) {
  const { t, fmt } = useI18n()
  const f = useReportFormat()
  const journeys = data.journeys
  if (!journeys || !journeys.maps.length) return <Nothing text={t('report.journeys.none')} />
  return (
    <>
      {journeys.maps.map((m) => (
        <div key={m.doc.map.id} className="report-journey new-page">
          <h3>
            {m.doc.map.name} <span className="report-badge">{t(`journey.kind.${m.doc.map.kind}`)}</span>
          </h3>
          {m.doc.map.scenario && <p>{m.doc.map.scenario}</p>}
          <MapPersona persona={m.doc.persona} />
          <p className="muted">{t('report.journeys.scores', { metric: f.name(m.doc.map.scoreMetric), from: fmt.day(journeys.range.from), to: fmt.day(journeys.range.to) })}</p>
          <FittedMap map={m} journeys={journeys} maxHeightPx={mapHeightPx(data.options) - (m.doc.persona ? PERSONA_STRIP_PX : 0)} />
        </div>
      ))}
    </>
  )
}

import { useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { ReportData } from '../../../../../src-shared/api/reports'
import type { JourneyDoc } from '../../../../../src-shared/domain/journeys/model'
import { useI18n } from '../../../i18n/I18nProvider'
import { COLUMN_WIDTH, JourneyMapView, LANE_HEADER_WIDTH } from '../../journeys/map/JourneyMapView'
import { MapPersona } from '../../journeys/map/PersonaSummary'
import type { MapDisplay } from '../../journeys/map/mapContext'
import { reportLiveScores } from './mapScores'
import { docOfSteps, MAP_COLUMN_PX, MAP_LANE_HEADER_PX, mapPageBox, mapWidthPx, MAX_MAP_ZOOM, MIN_MAP_ZOOM, splitByStages } from './mapPages'
import { Nothing } from './Section'
import { useReportFormat } from './useReportFormat'

if (COLUMN_WIDTH !== MAP_COLUMN_PX || LANE_HEADER_WIDTH !== MAP_LANE_HEADER_PX) throw new Error('mapPages.ts: the map view’s column widths changed')

type ReportMap = NonNullable<ReportData['journeys']>['maps'][number]
type Box = { width: number; height: number }

/** The persona strip's margin below it, in CSS pixels (journey.css). */
const PERSONA_STRIP_MARGIN_PX = 8

/**
 * One page's part of a map: as large as the landscape page allows, up to MAX_MAP_ZOOM, nor
 * below the smallest zoom that keeps card text at 8 pt (a part taller than the page at that zoom
 * continues on the next page, between rows of cards). Text stays text: CSS zoom, not a picture.
 */
function MapPart({ part, display, label, box }: { part: JourneyDoc; display: MapDisplay; label: string; box: Box }) {
  const inner = useRef<HTMLDivElement>(null)
  const byWidth = Math.min(MAX_MAP_ZOOM, box.width / mapWidthPx(part.steps.length))
  const [zoom, setZoom] = useState(byWidth)
  useLayoutEffect(() => {
    const el = inner.current
    if (!el) return
    // The natural height, measured unzoomed (a zoomed element reports zoomed sizes).
    const current = el.style.zoom
    el.style.zoom = '1'
    const tall = el.scrollHeight
    el.style.zoom = current
    setZoom(Math.max(MIN_MAP_ZOOM, Math.min(byWidth, tall > 0 ? box.height / tall : 1)))
  }, [part, byWidth, box.height])
  return (
    <div className="report-map">
      <div ref={inner} className="report-map-inner" style={{ zoom }} data-zoom={zoom.toFixed(3)}>
        <JourneyMapView doc={part} display={display} label={label} />
      </div>
    </div>
  )
}

/** A map on landscape pages of its own, split by stages when it is wider than a page. */
function MapPages({ map, journeys, data }: { map: ReportMap; journeys: NonNullable<ReportData['journeys']>; data: ReportData }) {
  const { t, fmt } = useI18n()
  const f = useReportFormat()
  const paper = data.options.mapPaper ?? 'a4'
  const box = mapPageBox(paper)
  const display = useMemo<MapDisplay>(
    () => ({ scores: reportLiveScores(map.figures, journeys), heat: true, actualCurve: true, compare: null, otherEmotions: null, onOpenScore: null }),
    [map.figures, journeys],
  )
  const parts = useMemo(() => splitByStages(map.doc, box.width).map((ids) => docOfSteps(map.doc, ids)), [map.doc, box.width])
  // The persona's strip takes the height its wrapped text needs; the map's first page gets the rest.
  const strip = useRef<HTMLDivElement>(null)
  const [stripHeight, setStripHeight] = useState(0)
  useLayoutEffect(() => {
    const el = strip.current
    setStripHeight(el ? Math.ceil(el.getBoundingClientRect().height) + PERSONA_STRIP_MARGIN_PX : 0)
  }, [map.doc.persona])
  const name = map.doc.map.name
  return (
    <>
      {parts.map((part, i) => {
        const stages = part.stages.map((s) => s.name).join(' · ')
        return (
          <div key={i} className={`report-journey report-map-page map-${paper}`} data-map-part={i + 1}>
            <h3>
              {name} <span className="report-badge">{t(`journey.kind.${map.doc.map.kind}`)}</span>
              {parts.length > 1 && <span className="report-map-part">{t('report.journeys.part', { part: i + 1, parts: parts.length, stages })}</span>}
            </h3>
            {i === 0 && map.doc.map.scenario && <p>{map.doc.map.scenario}</p>}
            {i === 0 && map.doc.persona && (
              <div ref={strip}>
                <MapPersona persona={map.doc.persona} />
              </div>
            )}
            {i === 0 && <p className="muted">{t('report.journeys.scores', { metric: f.name(map.doc.map.scoreMetric), from: fmt.day(journeys.range.from), to: fmt.day(journeys.range.to) })}</p>}
            <MapPart
              part={part}
              display={display}
              label={parts.length > 1 ? `${name} (${stages})` : name}
              box={i === 0 && map.doc.persona ? { width: box.width, height: box.height - stripHeight } : box}
            />
          </div>
        )
      })}
    </>
  )
}

/** Every chosen journey map, as-is before its to-be versions, with the live scores of the report's period as a heat map. */
export function JourneysSection({ data }: { data: ReportData }) {
  const { t } = useI18n()
  const journeys = data.journeys
  if (!journeys || !journeys.maps.length) return <Nothing text={t('report.journeys.none')} />
  return (
    <>
      {journeys.maps.map((m) => (
        <MapPages key={m.doc.map.id} map={m} journeys={journeys} data={data} />
      ))}
    </>
  )
}

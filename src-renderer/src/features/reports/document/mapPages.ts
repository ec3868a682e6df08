import type { JourneyDoc } from '../../../../../src-shared/domain/journeys/model'
import { orderedSteps } from '../../../../../src-shared/domain/journeys/grid'
import type { MapPaperSize } from '../../../../../src-shared/api/reports'

/**
 * The map view's column widths in CSS pixels (JourneyMapView's COLUMN_WIDTH and LANE_HEADER_WIDTH;
 * restated so that this module stays free of React for its tests; JourneysSection checks they agree).
 */
export const MAP_COLUMN_PX = 208
export const MAP_LANE_HEADER_PX = 190

const PX_PER_MM = 96 / 25.4
/** Landscape pages' content box (paper − 14 mm left and right, 16 mm top and bottom), in mm. */
const LANDSCAPE_MM: Record<MapPaperSize, { width: number; height: number }> = { a4: { width: 269, height: 178 }, a3: { width: 392, height: 265 } }
/** Room on a map's page for its heading, scenario and the line saying what the scores are. */
const HEADING_MM = 30

export function mapPageBox(paper: MapPaperSize): { width: number; height: number } {
  const mm = LANDSCAPE_MM[paper]
  return { width: mm.width * PX_PER_MM, height: (mm.height - HEADING_MM) * PX_PER_MM }
}

/**
 * The smallest zoom a printed map may have: the smallest text on a card is 12 px in print (the
 * report's stylesheet raises the score and comment counts to it), and 12 px × 0.9 = 8.1 pt. Card
 * text (13 px) is then 8.8 pt. A map wider than its page at this zoom is split by stages.
 */
export const MIN_MAP_ZOOM = 0.9

/**
 * The largest: a part of few steps is drawn larger to use the page's width (its cards' text at up to
 * 13 px × 1.3 = 12.7 pt), rather than in a corner of the page at its natural size.
 */
export const MAX_MAP_ZOOM = 1.3

/** A map's natural width for `steps` columns, in CSS pixels. */
export const mapWidthPx = (steps: number) => MAP_LANE_HEADER_PX + steps * MAP_COLUMN_PX

/**
 * The map's steps in pages: as many whole stages as fit the page's width at the smallest zoom; a
 * stage too wide for a page alone is cut between its steps. Each page is a list of step ids, in order.
 */
export function splitByStages(doc: JourneyDoc, pageWidthPx: number, minZoom = MIN_MAP_ZOOM): string[][] {
  const perPage = Math.max(1, Math.floor((pageWidthPx / minZoom - MAP_LANE_HEADER_PX) / MAP_COLUMN_PX))
  const steps = orderedSteps(doc)
  const stages = doc.stages.map((st) => steps.filter((s) => s.stageId === st.id).map((s) => s.id)).filter((ids) => ids.length)
  const pages: string[][] = []
  let current: string[] = []
  for (const stage of stages) {
    if (current.length + stage.length <= perPage) {
      current.push(...stage)
      continue
    }
    if (current.length) pages.push(current)
    current = []
    // A stage wider than a page: its steps in page-wide pieces, the last piece left open for the next stage.
    for (let i = 0; i < stage.length; i += perPage) {
      const piece = stage.slice(i, i + perPage)
      if (piece.length === perPage) pages.push(piece)
      else current = piece
    }
  }
  if (current.length) pages.push(current)
  return pages
}

/** The part of a map that shows these steps: their stages, steps, cards, emotions and comments; every lane. */
export function docOfSteps(doc: JourneyDoc, stepIds: readonly string[]): JourneyDoc {
  const keep = new Set(stepIds)
  const steps = doc.steps.filter((s) => keep.has(s.id))
  const stageIds = new Set(steps.map((s) => s.stageId))
  const cards = doc.cards.filter((c) => keep.has(c.stepId))
  const cardIds = new Set(cards.map((c) => c.id))
  return {
    ...doc,
    stages: doc.stages.filter((s) => stageIds.has(s.id)),
    steps,
    cards,
    emotions: doc.emotions.filter((e) => keep.has(e.stepId)),
    comments: doc.comments.filter((c) => cardIds.has(c.cardId)),
  }
}

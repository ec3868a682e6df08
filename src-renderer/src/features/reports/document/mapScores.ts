import type { Figure } from '../../../../../src-shared/api/metrics'
import type { MapFigure, ReportData } from '../../../../../src-shared/api/reports'
import { linkKey } from '../../journeys/scores/liveScores'
import type { LiveScores } from '../../journeys/scores/useLiveScores'

/** A map's live scores as the report computed them (its period and the one before), in the shape the journey map draws. */
export function reportLiveScores(figures: MapFigure[], journeys: NonNullable<ReportData['journeys']>): LiveScores {
  const current = new Map<string, Figure>()
  const previous = new Map<string, Figure>()
  for (const f of figures) {
    const key = linkKey({ touchpoint: f.touchpoint, channel: f.channel })
    if (f.current) current.set(key, f.current)
    if (f.previous) previous.set(key, f.previous)
  }
  return { current, previous, range: { current: journeys.range, previous: journeys.previous }, loading: false, error: null }
}

import { useCallback, useMemo, useState } from 'react'
import { filterToSearchParams } from '../../../../../src-shared/api/filters'
import type { Card, JourneyDoc } from '../../../../../src-shared/domain/journeys/model'
import { navigate } from '../../../platform/router'
import { compareDocs } from '../compare/compareDocs'
import type { MapDisplay } from '../map/mapContext'
import { filterForLink, type ScorePeriod } from '../scores/liveScores'
import { useLiveScores } from '../scores/useLiveScores'

/**
 * What the map shows besides the document: the live scores over the chosen period, the heat map
 * and the curve from the scores (both toggled in the toolbar), and the other version when comparing.
 */
export function useMapDisplay(doc: JourneyDoc, timezone: string, otherDoc: JourneyDoc | null) {
  const [period, setPeriod] = useState<ScorePeriod>('12m')
  const [heat, setHeat] = useState(true)
  const [actualCurve, setActualCurve] = useState(true)
  const scores = useLiveScores(doc, period, timezone)
  // A score opens the inbox on exactly the responses behind it.
  const openScore = useCallback(
    (card: Card) => {
      if (!card.link) return
      navigate('inbox', filterToSearchParams(filterForLink(card.link, doc.map.scoreMetric, scores.range.current)))
    },
    [doc.map.scoreMetric, scores.range],
  )
  const display: MapDisplay = useMemo(
    () => ({
      scores,
      heat,
      actualCurve,
      compare: otherDoc ? compareDocs(doc, otherDoc) : null,
      otherEmotions: otherDoc ? otherDoc.emotions : null,
      onOpenScore: openScore,
    }),
    [scores, heat, actualCurve, otherDoc, doc, openScore],
  )
  return { display, scores, period, setPeriod, heat, setHeat, actualCurve, setActualCurve }
}

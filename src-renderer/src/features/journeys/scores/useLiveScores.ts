import { useMemo } from 'react'
import { useQueries } from '@tanstack/react-query'
import type { Figure } from '../../../../../src-shared/api/metrics'
import type { JourneyDoc } from '../../../../../src-shared/domain/journeys/model'
import { localDateConverter } from '../../../../../src-shared/domain/timezone'
import { useApi } from '../../../api/hooks'
import { figuresByLink, periodRange, scoreRequests, type ScorePeriod } from './liveScores'

export interface LiveScores {
  current: Map<string, Figure>
  previous: Map<string, Figure>
  range: ReturnType<typeof periodRange>
  loading: boolean
  error: unknown
}

/** The current and previous-period figures of every linked touchpoint on the map, from metrics.series. */
export function useLiveScores(doc: JourneyDoc, period: ScorePeriod, timezone: string): LiveScores {
  const api = useApi()
  const metric = doc.map.scoreMetric
  const today = useMemo(() => localDateConverter(timezone)(Date.now()), [timezone])
  const range = useMemo(() => periodRange(period, today), [period, today])
  const linked = useMemo(() => doc.cards.filter((c) => c.link), [doc.cards])
  const current = useMemo(() => scoreRequests(linked, metric, range.current, 'now'), [linked, metric, range])
  const previous = useMemo(() => (range.previous ? scoreRequests(linked, metric, range.previous, 'before') : []), [linked, metric, range])
  const all = [...current, ...previous]
  // combine's result is structurally shared, so `data` keeps its identity until a figure changes.
  const combined = useQueries({
    queries: all.map((r) => ({ queryKey: ['metrics.series', r.req], queryFn: () => api.call('metrics.series', r.req), staleTime: 60_000 })),
    combine: (results) => ({ data: results.map((r) => r.data), loading: results.some((r) => r.isPending), error: results.find((r) => r.error)?.error ?? null }),
  })
  const currentFigures = useMemo(() => figuresByLink(current, combined.data.slice(0, current.length)), [current, combined.data])
  const previousFigures = useMemo(() => figuresByLink(previous, combined.data.slice(current.length)), [current.length, previous, combined.data])
  // The same object until something in it changes: the map redraws every cell when it changes.
  return useMemo(
    () => ({ current: currentFigures, previous: previousFigures, range, loading: combined.loading, error: combined.error }),
    [currentFigures, previousFigures, range, combined.loading, combined.error],
  )
}

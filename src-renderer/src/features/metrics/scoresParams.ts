import { comparisons, type Comparison } from '../../../../src-shared/api/metrics'
import { filterFromSearchParams, filterToSearchParams, type FeedbackFilter } from '../../../../src-shared/api/filters'
import { periodEnd, periodKey, periodStart, periodUnits, type PeriodUnit } from '../../../../src-shared/domain/periods'
import { defaultRange, type DataSpan } from '../../../../src-shared/domain/defaultView'

/** The Scores page's state, all of it in the URL (#/scores?by=month&compare=previous&channel=app…), so views can be shared and reloaded. */
export interface ScoresParams {
  by: PeriodUnit
  compare: Comparison
  /** The filter shared with the inbox, with from/to always set (a default range when the URL has none). */
  filter: FeedbackFilter & { from: string; to: string }
}

/** Whole periods from the first holding data to the last: the one-click answer to an empty view. */
export function spanRange(span: DataSpan, by: PeriodUnit): { from: string; to: string } {
  return { from: periodStart(periodKey(span.first, by), by), to: periodEnd(periodKey(span.last, by), by) }
}

/** The page's state from its URL; without dates, the default view: the trend up to the last complete period that has data. */
export function readScoresParams(params: URLSearchParams, today: string, span: DataSpan | null): ScoresParams {
  const byParam = params.get('by')
  const by = (periodUnits as readonly string[]).includes(byParam ?? '') ? (byParam as PeriodUnit) : 'month'
  const compareParam = params.get('compare')
  const compare = (comparisons as readonly string[]).includes(compareParam ?? '') ? (compareParam as Comparison) : 'previous'
  const filter = filterFromSearchParams(params)
  const range = defaultRange(by, today, span)
  const from = filter.from ?? range.from
  const to = filter.to ?? range.to
  return { by, compare, filter: { ...filter, from: from <= to ? from : to, to } }
}

export function scoresSearchParams(p: { by: PeriodUnit; compare: Comparison; filter: FeedbackFilter }): URLSearchParams {
  const out = filterToSearchParams(p.filter)
  out.set('by', p.by)
  out.set('compare', p.compare)
  return out
}

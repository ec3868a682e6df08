import { comparisons, type Comparison } from '../../../../src-shared/api/metrics'
import { filterFromSearchParams, filterToSearchParams, type FeedbackFilter } from '../../../../src-shared/api/filters'
import { defaultTrendLength, periodEnd, periodKey, periodStart, periodUnits, shiftPeriod, type PeriodUnit } from '../../../../src-shared/domain/periods'

/** The Scores page's state, all of it in the URL (#/scores?by=month&compare=previous&channel=app…), so views can be shared and reloaded. */
export interface ScoresParams {
  by: PeriodUnit
  compare: Comparison
  /** The filter shared with the inbox, with from/to always set (a default range when the URL has none). */
  filter: FeedbackFilter & { from: string; to: string }
}

/** The last `defaultTrendLength` whole periods, ending with the one holding today. */
export function defaultRange(by: PeriodUnit, today: string): { from: string; to: string } {
  const current = periodKey(today, by)
  return { from: periodStart(shiftPeriod(current, by, -(defaultTrendLength[by] - 1)), by), to: periodEnd(current, by) }
}

export function readScoresParams(params: URLSearchParams, today: string): ScoresParams {
  const byParam = params.get('by')
  const by = (periodUnits as readonly string[]).includes(byParam ?? '') ? (byParam as PeriodUnit) : 'month'
  const compareParam = params.get('compare')
  const compare = (comparisons as readonly string[]).includes(compareParam ?? '') ? (compareParam as Comparison) : 'previous'
  const filter = filterFromSearchParams(params)
  const range = defaultRange(by, today)
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

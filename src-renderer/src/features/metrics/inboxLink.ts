import { filterToSearchParams, type FeedbackFilter } from '../../../../src-shared/api/filters'
import { periodEnd, periodStart, type PeriodUnit } from '../../../../src-shared/domain/periods'
import type { MetricKind } from '../../../../src-shared/domain/scores'
import { hrefFor, navigate } from '../../platform/router'

/** The inbox page (built by the inbox feature) reads the same filter from its URL. */
export const INBOX_PAGE = 'inbox'

export const inboxHref = (filter: FeedbackFilter) => hrefFor(INBOX_PAGE, filterToSearchParams(filter))
export const openInbox = (filter: FeedbackFilter) => navigate(INBOX_PAGE, filterToSearchParams(filter))

/** The filter of one period of a chart: the page's filter narrowed to the period (and never beyond the page's range). */
export function periodFilter(filter: FeedbackFilter, period: string, by: PeriodUnit): FeedbackFilter {
  const from = periodStart(period, by)
  const to = periodEnd(period, by)
  return { ...filter, from: filter.from && filter.from > from ? filter.from : from, to: filter.to && filter.to < to ? filter.to : to }
}

/** Exactly the responses behind a figure of a metric: its filter with the metric added. */
export const metricFilter = (filter: FeedbackFilter, metric: MetricKind): FeedbackFilter => ({ ...filter, metric: [metric] })

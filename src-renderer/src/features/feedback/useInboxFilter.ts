import { useMemo } from 'react'
import { filterFromSearchParams, filterToSearchParams, type FeedbackFilter } from '../../../../src-shared/api/filters'
import { navigate } from '../../platform/router'

/** Views that are not saved by the user but always there. */
export const followUpFilter: FeedbackFilter = { band: ['poor'], status: ['new', 'in_progress'] }

/** The inbox's filter lives in the URL (#/inbox?channel=app&band=poor), so views can be shared, saved and linked to. */
export function useInboxFilter(params: URLSearchParams) {
  const query = params.toString()
  const filter = useMemo(() => filterFromSearchParams(new URLSearchParams(query)), [query])
  const setFilter = (f: FeedbackFilter) => navigate('inbox', filterToSearchParams(f))
  return { filter, setFilter, query: filterToSearchParams(filter).toString() }
}

export const isEmptyFilter = (f: FeedbackFilter) => filterToSearchParams(f).toString() === ''
export const sameFilter = (a: FeedbackFilter, b: FeedbackFilter) => filterToSearchParams(a).toString() === filterToSearchParams(b).toString()

import { useMemo } from 'react'
import { filterFromSearchParams, filterToSearchParams, type FeedbackFilter } from '../../../../src-shared/api/filters'
import { followUpViews, type FollowUpView } from '../../../../src-shared/api/followUps'
import { navigate } from '../../platform/router'

/** Views that are not saved by the user but always there. */
export const followUpFilter: FeedbackFilter = { band: ['poor'], status: ['new', 'in_progress'] }

/** The inbox's filter lives in the URL (#/inbox?channel=app&band=poor), so views can be shared, saved and linked to. */
export function useInboxFilter(params: URLSearchParams) {
  const query = params.toString()
  const filter = useMemo(() => filterFromSearchParams(new URLSearchParams(query)), [query])
  // A follow-up view (#/inbox?due=overdue) narrows the filter further; a changed filter keeps it
  // unless the caller says otherwise (null: leave the view).
  const due = params.get('due')
  const followUp = (followUpViews as readonly string[]).includes(due ?? '') ? (due as FollowUpView) : undefined
  const setFilter = (f: FeedbackFilter, view: FollowUpView | null | undefined = followUp) => {
    const p = filterToSearchParams(f)
    if (view) p.set('due', view)
    navigate('inbox', p)
  }
  return { filter, followUp, setFilter, query: filterToSearchParams(filter).toString() }
}

export const isEmptyFilter = (f: FeedbackFilter) => filterToSearchParams(f).toString() === ''
export const sameFilter = (a: FeedbackFilter, b: FeedbackFilter) => filterToSearchParams(a).toString() === filterToSearchParams(b).toString()

import { useInfiniteQuery } from '@tanstack/react-query'
import type { FeedbackCursor } from '../../../../src-shared/api/feedback'
import type { FeedbackFilter } from '../../../../src-shared/api/filters'
import type { FollowUpView } from '../../../../src-shared/api/followUps'
import { useApi, useApiQuery } from '../../api/hooks'

const PAGE = 100

/**
 * The filter's items, newest first, a keyset page at a time. The exact total is asked for on its
 * own, so the rows show at once even when counting a million takes longer than reading a page.
 */
export function useInboxPages(filter: FeedbackFilter, followUp?: FollowUpView) {
  const api = useApi()
  const query = useInfiniteQuery({
    queryKey: ['feedback.list', filter, followUp],
    queryFn: ({ pageParam }) => api.call('feedback.list', { filter, limit: PAGE, cursor: pageParam, withTotal: false, followUp }),
    initialPageParam: undefined as FeedbackCursor | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })
  const count = useApiQuery('feedback.list', { filter, limit: 1, withTotal: true, followUp })
  const items = query.data?.pages.flatMap((p) => p.items) ?? []
  return { query, items, total: count.data?.total ?? null }
}

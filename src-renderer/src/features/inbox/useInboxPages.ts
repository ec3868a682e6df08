import { useInfiniteQuery } from '@tanstack/react-query'
import type { FeedbackCursor } from '../../../../src-shared/api/feedback'
import type { FeedbackFilter } from '../../../../src-shared/api/filters'
import { useApi } from '../../api/hooks'

const PAGE = 100

/** The filter's items, newest first, a keyset page at a time; the exact total comes with the first page. */
export function useInboxPages(filter: FeedbackFilter) {
  const api = useApi()
  const query = useInfiniteQuery({
    queryKey: ['feedback.list', filter],
    queryFn: ({ pageParam }) => api.call('feedback.list', { filter, limit: PAGE, cursor: pageParam, withTotal: pageParam === undefined }),
    initialPageParam: undefined as FeedbackCursor | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })
  const items = query.data?.pages.flatMap((p) => p.items) ?? []
  const total = query.data?.pages[0]?.total ?? null
  return { query, items, total }
}

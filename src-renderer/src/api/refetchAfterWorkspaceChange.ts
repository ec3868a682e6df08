import type { QueryClient } from '@tanstack/react-query'

/**
 * What the query cache does when the main process says the workspace changed (opened, closed,
 * replaced): every fetch that started before it is void, so those are cancelled first, then
 * everything on screen is fetched again. Invalidation alone is not enough, because TanStack Query
 * cancels an in-flight fetch on refetch only when the query already has data; a page's first fetch,
 * sent while no workspace was open, would otherwise be reused and its "No workspace is open" answer
 * shown under the newly opened workspace's name.
 *
 * Writes (workspace.written) do not come here: they refetch through the provider's throttle, without
 * cancelling, so that a stream of kiosk answers cannot starve a slow query.
 */
export async function refetchAfterWorkspaceChange(queryClient: QueryClient): Promise<void> {
  await queryClient.cancelQueries()
  await queryClient.invalidateQueries()
}

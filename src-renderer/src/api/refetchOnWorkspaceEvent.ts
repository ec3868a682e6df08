import type { QueryClient } from '@tanstack/react-query'
import type { AppEvent } from '../../../src-shared/api/events'

/**
 * What the query cache does when the main process says the workspace changed or was written.
 *
 * A change of workspace (opened, closed, replaced) voids every fetch that started before it:
 * those are cancelled first, then everything on screen is fetched again. Invalidation alone is not
 * enough, because TanStack Query cancels an in-flight fetch on refetch only when the query already
 * has data; a page's first fetch, sent while no workspace was open, would otherwise be reused and
 * its "No workspace is open" answer shown under the newly opened workspace's name.
 *
 * A write (by this or another process) only invalidates: cancelling in-flight fetches on every
 * write would starve a slow query while writes keep coming (a kiosk, an import in another process);
 * a first fetch in flight during a write may show the rows of just before it until the next event.
 */
export function refetchOnWorkspaceEvent(queryClient: QueryClient, event: AppEvent): Promise<void> | undefined {
  if (event.name === 'workspace.changed') return queryClient.cancelQueries().then(() => queryClient.invalidateQueries())
  if (event.name === 'workspace.written') return queryClient.invalidateQueries()
  return undefined
}

import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { refetchAfterWorkspaceChange } from './refetchAfterWorkspaceChange'
import { clientFromInvoke } from '../../../src-shared/api/client'
import type { ApiClient } from '../../../src-shared/api/contract'
import type { AppEvent } from '../../../src-shared/api/events'
import type { Transport } from './transportTypes'
import { REFRESH_MIN_INTERVAL_MS, throttle } from './refreshThrottle'

interface ApiContextValue {
  api: ApiClient
  transport: Transport
  onEvent(listener: (event: AppEvent) => void): () => void
  /** Refetches what is on screen, at most once per REFRESH_MIN_INTERVAL_MS (answers arriving by the dozen). */
  refreshSoon(): void
}

const ApiContext = createContext<ApiContextValue | null>(null)

export function ApiProvider({ transport, children }: { transport: Transport; children: ReactNode }) {
  const queryClient = useMemo(
    () => new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 } } }),
    [],
  )
  const listeners = useRef(new Set<(event: AppEvent) => void>())
  const refresh = useMemo(() => throttle(() => void queryClient.invalidateQueries(), REFRESH_MIN_INTERVAL_MS), [queryClient])
  useEffect(() => () => refresh.cancel(), [refresh])
  useEffect(
    () =>
      transport.subscribe((event) => {
        // Another workspace: cancel what is in flight and refetch everything now. Another process's
        // writes (answers from `cxdesk collect`, every 400 ms while they come): refetch, throttled.
        if (event.name === 'workspace.changed') void refetchAfterWorkspaceChange(queryClient)
        else if (event.name === 'workspace.written') refresh.request()
        for (const l of listeners.current) l(event)
      }),
    [transport, queryClient, refresh],
  )
  const value = useMemo<ApiContextValue>(
    () => ({
      api: clientFromInvoke(transport.invoke),
      transport,
      onEvent(listener) {
        listeners.current.add(listener)
        return () => listeners.current.delete(listener)
      },
      refreshSoon: () => refresh.request(),
    }),
    [transport, refresh],
  )
  return (
    <ApiContext.Provider value={value}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ApiContext.Provider>
  )
}

export function useApiContext(): ApiContextValue {
  const ctx = useContext(ApiContext)
  if (!ctx) throw new Error('useApiContext outside ApiProvider')
  return ctx
}

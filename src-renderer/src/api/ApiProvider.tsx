import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { refetchOnWorkspaceEvent } from './refetchOnWorkspaceEvent'
import { clientFromInvoke } from '../../../src-shared/api/client'
import type { ApiClient } from '../../../src-shared/api/contract'
import type { AppEvent } from '../../../src-shared/api/events'
import type { Transport } from './transportTypes'

interface ApiContextValue {
  api: ApiClient
  transport: Transport
  onEvent(listener: (event: AppEvent) => void): () => void
}

const ApiContext = createContext<ApiContextValue | null>(null)

export function ApiProvider({ transport, children }: { transport: Transport; children: ReactNode }) {
  const queryClient = useMemo(
    () => new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 } } }),
    [],
  )
  const listeners = useRef(new Set<(event: AppEvent) => void>())
  useEffect(
    () =>
      transport.subscribe((event) => {
        void refetchOnWorkspaceEvent(queryClient, event)
        for (const l of listeners.current) l(event)
      }),
    [transport, queryClient],
  )
  const value = useMemo<ApiContextValue>(
    () => ({
      api: clientFromInvoke(transport.invoke),
      transport,
      onEvent(listener) {
        listeners.current.add(listener)
        return () => listeners.current.delete(listener)
      },
    }),
    [transport],
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

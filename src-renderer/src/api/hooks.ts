import { useEffect } from 'react'
import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query'
import type { Channel, Req, Res } from '../../../src-shared/api/contract'
import type { EventName, EventPayload } from '../../../src-shared/api/events'
import { useApiContext } from './ApiProvider'

export const useApi = () => useApiContext().api
export const useTransport = () => useApiContext().transport
/** Refetches what is on screen, throttled (at most once per 500 ms: refreshThrottle.ts). */
export const useRefreshSoon = () => useApiContext().refreshSoon

/** A read over the contract, cached by channel and request. */
export function useApiQuery<C extends Channel>(channel: C, req: Req<C>, options?: Omit<UseQueryOptions<Res<C>>, 'queryKey' | 'queryFn'>) {
  const api = useApi()
  return useQuery<Res<C>>({ queryKey: [channel, req], queryFn: () => api.call(channel, req), ...options })
}

/** A write over the contract; everything cached is refetched afterwards, since writes change what reads return. */
export function useApiMutation<C extends Channel>(channel: C) {
  const api = useApi()
  const queryClient = useQueryClient()
  return useMutation<Res<C>, Error, Req<C>>({
    mutationFn: (req) => api.call(channel, req),
    onSuccess: () => queryClient.invalidateQueries(),
  })
}

export function useAppEvent<E extends EventName>(name: E, handler: (payload: EventPayload<E>) => void): void {
  const { onEvent } = useApiContext()
  useEffect(
    () =>
      onEvent((event) => {
        if (event.name === name) handler(event.payload as EventPayload<E>)
      }),
    [onEvent, name, handler],
  )
}

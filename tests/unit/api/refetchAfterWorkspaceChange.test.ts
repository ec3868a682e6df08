import { describe, expect, it } from 'vitest'
import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { refetchAfterWorkspaceChange } from '../../../src-renderer/src/api/refetchAfterWorkspaceChange'

/** A promise the test settles by hand, standing for a request still on its way. */
function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: Error) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('refetchAfterWorkspaceChange', () => {
  it('a first fetch sent before a workspace opened does not leave its "no workspace" answer on screen', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 30_000 } } })
    const first = deferred<string>()
    const answers = [() => first.promise, async () => 'rows of the opened workspace']
    let calls = 0
    const observer = new QueryObserver(client, { queryKey: ['page'], queryFn: () => answers[calls++]() })
    const results: Array<{ status: string; data?: string; error?: string }> = []
    const unsubscribe = observer.subscribe((r) => results.push({ status: r.status, data: r.data, error: r.error?.message }))

    // The page's first request is in flight when the workspace opens…
    const done = refetchAfterWorkspaceChange(client)
    // …and its answer, made while no workspace was open, arrives afterwards.
    first.reject(new Error('No workspace is open.'))
    await done
    await expect.poll(() => observer.getCurrentResult().status).toBe('success')
    expect(observer.getCurrentResult().data).toBe('rows of the opened workspace')
    expect(results.some((r) => r.status === 'error')).toBe(false)
    expect(calls).toBe(2)
    unsubscribe()
  })
})

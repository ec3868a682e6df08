import { describe, expect, it, vi } from 'vitest'
import { createDispatcher } from '../../../src-main/app/dispatch'
import { handlers } from '../../../src-main/handlers/index'
import type { AppContext } from '../../../src-main/app/context'

/** No handler may run for these, so no context is needed: one that throws if touched proves it. */
const untouchable = new Proxy({} as AppContext, {
  get() {
    throw new Error('a handler ran')
  },
})

describe('the dispatcher turns every outcome into a value, even when reading the request throws', () => {
  const invoke = createDispatcher(handlers, untouchable)

  it('answers VALIDATION for a payload whose reading throws (a getter, a proxy), instead of rejecting', async () => {
    const getter = {
      get limit(): number {
        throw new Error('boom')
      },
    }
    const proxy = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('boom')
        },
        get: () => {
          throw new Error('boom')
        },
      },
    )
    for (const payload of [getter, proxy]) await expect(invoke('feedback.list', payload)).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('answers UNKNOWN_CHANNEL for a channel that is not a string, whatever it is', async () => {
    const hostile = {
      toString() {
        throw new Error('boom')
      },
    }
    for (const channel of [hostile, Symbol('x'), 42, null])
      await expect(invoke(channel as unknown as string, {})).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
  })

  it('reports an internal error of a handler as INTERNAL, with the channel, and logs it', async () => {
    const log = vi.fn()
    const failing = createDispatcher({ ...handlers, 'app.info': () => Promise.reject(null) }, untouchable, { onInternalError: log })
    await expect(failing('app.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(log).toHaveBeenCalledWith('app.info', null)
  })
})

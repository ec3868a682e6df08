import { z } from 'zod'
import { contract, isChannel, type Channel, type Handlers, type RawInvoke } from '../../src-shared/api/contract'
import { isAppError, type ApiError, type Result } from '../../src-shared/api/result'

export interface DispatchOptions {
  /** Check every response against the contract too (on in tests, so a handler drifting from the schema fails loudly). */
  validateResponses?: boolean
  onInternalError?: (channel: string, error: unknown) => void
}

const fail = (code: ApiError['code'], message: string, details?: Record<string, unknown>): Result<never> => ({
  ok: false,
  error: { code, message, ...(details ? { details } : {}) },
})

/**
 * The one entry point of every transport. Validates the request against the contract before any
 * handler runs, and turns every outcome into a value: nothing thrown crosses a boundary.
 */
export function createDispatcher<Ctx>(handlers: Handlers<Ctx>, ctx: Ctx, opts: DispatchOptions = {}): RawInvoke {
  return async (channel, payload) => {
    if (typeof channel !== 'string') return fail('UNKNOWN_CHANNEL', `An API channel is named by a string, not by a ${typeof channel}.`)
    if (!isChannel(channel)) return fail('UNKNOWN_CHANNEL', `There is no API channel named "${channel.slice(0, 100)}".`)
    const def = contract[channel]
    let parsed: ReturnType<typeof def.request.safeParse>
    try {
      parsed = def.request.safeParse(payload === undefined ? {} : payload)
    } catch (e) {
      // Reading the request itself failed (a getter or proxy that throws, from a direct caller).
      return fail('VALIDATION', `Invalid request for ${channel}: it could not be read (${(e as Error)?.message ?? String(e)}).`)
    }
    if (!parsed.success)
      return fail('VALIDATION', `Invalid request for ${channel}: ${z.prettifyError(parsed.error)}`, {
        issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
      })
    try {
      const handler = handlers[channel] as (req: unknown, ctx: Ctx) => unknown
      const data = await handler(parsed.data, ctx)
      if (opts.validateResponses) {
        const checked = def.response.safeParse(data)
        if (!checked.success) throw new Error(`Response of ${channel} breaks the contract: ${z.prettifyError(checked.error)}`)
      }
      return { ok: true, data }
    } catch (e) {
      if (isAppError(e)) return { ok: false, error: e.toJSON() }
      opts.onInternalError?.(channel, e)
      return fail('INTERNAL', `Something went wrong in ${channel}: ${(e as Error)?.message ?? String(e)}`)
    }
  }
}

export type { Channel }

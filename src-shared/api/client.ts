import type { ApiClient, Channel, RawInvoke, Req, Res } from './contract'
import type { ApiError, ErrorCode } from './result'

/** What a failed call throws on the calling side: the code drives the translated message. */
export class ApiCallError extends Error {
  readonly code: ErrorCode
  readonly details?: Record<string, unknown>
  constructor(error: ApiError) {
    super(error.message)
    this.name = 'ApiCallError'
    this.code = error.code
    this.details = error.details
  }
}

/** Turns any transport's raw invoke (IPC, HTTP, direct) into the typed client both the renderer and tests use. */
export function clientFromInvoke(invoke: RawInvoke): ApiClient {
  return {
    async call<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>> {
      const result = await invoke(channel, req)
      if (!result.ok) throw new ApiCallError(result.error)
      return result.data as Res<C>
    },
  }
}

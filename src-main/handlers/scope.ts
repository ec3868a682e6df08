import type { AppContext } from '../app/context'
import { metricsService } from '../metrics/metricsService'

/** Who did it: the "your name" preference (there are no user accounts); the CLI has none. */
export const actorOf = (ctx: AppContext) => ctx.prefs?.get().userName ?? null

/** The metrics engine over the open workspace, with the process's event bus and the request's time. */
export const metricsOf = (ctx: AppContext) =>
  metricsService(ctx.session.require(), { events: ctx.events, nativeBinding: ctx.sqlite.nativeBinding, now: ctx.clock.now() })

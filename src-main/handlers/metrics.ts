import type { Handlers } from '../../src-shared/api/contract'
import type { AppContext } from '../app/context'
import { npsSeries } from '../metrics/series'

export const metricsHandlers = {
  'metrics.series': (req, ctx) => {
    const open = ctx.session.require()
    return npsSeries(open.db, open.settings.timezone, req)
  },
} satisfies Pick<Handlers<AppContext>, 'metrics.series'>

import type { Handlers } from '../../src-shared/api/contract'
import type { AppContext } from '../app/context'
import { metricSeries } from '../metrics/series'

export const metricsHandlers = {
  'metrics.series': (req, ctx) => {
    const open = ctx.session.require()
    return metricSeries(open.db, open.settings.timezone, req)
  },
} satisfies Pick<Handlers<AppContext>, 'metrics.series'>

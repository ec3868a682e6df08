import type { Handlers } from '../../src-shared/api/contract'
import type { AppContext } from '../app/context'
import { metricsOf } from './scope'

export const metricsHandlers = {
  'metrics.series': (req, ctx) => metricsOf(ctx).series(req),
  'metrics.tiles': (req, ctx) => metricsOf(ctx).tiles(req),
  'metrics.dataSpan': (_req, ctx) => metricsOf(ctx).dataSpan(),
  'metrics.ttr': (req, ctx) => metricsOf(ctx).ttr(req),
  'metrics.lifecycle': (req, ctx) => metricsOf(ctx).lifecycle(req),
  'metrics.responseRate': (req, ctx) => metricsOf(ctx).responseRate(req),
  'metrics.compare': (req, ctx) => metricsOf(ctx).compare(req),
  'metrics.drivers': (req, ctx) => metricsOf(ctx).drivers(req),
  'metrics.facets': (_req, ctx) => metricsOf(ctx).facets(),
  'metrics.definitions': (_req, ctx) => metricsOf(ctx).definitions(),
  'metrics.setDefinitions': (req, ctx) => metricsOf(ctx).setDefinitions(req),
  'metrics.sends': (_req, ctx) => metricsOf(ctx).sends(),
  'metrics.saveSend': (req, ctx) => metricsOf(ctx).saveSend(req),
  'metrics.deleteSend': ({ id }, ctx) => metricsOf(ctx).deleteSend(id),
  'metrics.rollupStatus': (_req, ctx) => metricsOf(ctx).rollupStatus(),
  'metrics.cancelRollups': (_req, ctx) => metricsOf(ctx).cancelRollups(),
} satisfies Pick<
  Handlers<AppContext>,
  | 'metrics.series'
  | 'metrics.tiles'
  | 'metrics.dataSpan'
  | 'metrics.ttr'
  | 'metrics.lifecycle'
  | 'metrics.responseRate'
  | 'metrics.compare'
  | 'metrics.drivers'
  | 'metrics.facets'
  | 'metrics.definitions'
  | 'metrics.setDefinitions'
  | 'metrics.sends'
  | 'metrics.saveSend'
  | 'metrics.deleteSend'
  | 'metrics.rollupStatus'
  | 'metrics.cancelRollups'
>

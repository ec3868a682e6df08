import type { Handlers } from '../../src-shared/api/contract'
import { AppError } from '../../src-shared/api/result'
import type { AppContext } from '../app/context'
import { listQuestions } from '../db/repositories/questions'
import { answeredRange } from '../db/repositories/definitions'
import { responseDateSpan } from '../db/repositories/dataSpan'
import { deleteSend, getSend, saveSend } from '../db/repositories/surveySends'
import { metricSeries } from '../metrics/series'
import { rollupKeeper } from '../metrics/rollups/keeper'
import { tiles } from '../metrics/tiles'
import { ttrSeries } from '../metrics/ttr'
import { lifecycleSeries } from '../metrics/lifecycle'
import { responseRateSeries, responsesForSend, sendsWithResponses } from '../metrics/responseRate'
import { changeBetween } from '../metrics/compare'
import { drivers } from '../metrics/drivers'
import { facets } from '../metrics/facets'
import { checkedBusinessHours, checkedDefinitionChanges, readDefinitions } from '../metrics/definitions'
import { factDerivations } from '../metrics/rollups/derivations'

const keeperOf = (ctx: AppContext) => rollupKeeper(ctx.session.require().ws, { events: ctx.events, nativeBinding: ctx.sqlite.nativeBinding })

/** The open workspace as the metrics engine reads it, with its summaries folded first if the journal has grown. */
export function metricsSource(ctx: AppContext) {
  const open = ctx.session.require()
  keeperOf(ctx).beforeRead()
  return { db: open.db, sqlite: open.ws.sqlite, timezone: open.settings.timezone, localDateOf: open.localDateOf, today: open.localDateOf(ctx.clock.now()) }
}

export const metricsHandlers = {
  'metrics.series': (req, ctx) => metricSeries(metricsSource(ctx), req),
  'metrics.tiles': (req, ctx) => tiles(metricsSource(ctx), req),
  'metrics.dataSpan': (_req, ctx) => {
    const src = metricsSource(ctx)
    return { span: responseDateSpan(src.sqlite), today: src.today }
  },
  'metrics.ttr': (req, ctx) => ttrSeries(metricsSource(ctx), req),
  'metrics.lifecycle': (req, ctx) => lifecycleSeries(metricsSource(ctx), req),
  'metrics.responseRate': (req, ctx) => responseRateSeries(metricsSource(ctx), req),
  'metrics.compare': async ({ metric, a, b }, ctx) => {
    const src = metricsSource(ctx)
    const [fa, fb] = await Promise.all([metricSeries(src, { metric, filter: a }), metricSeries(src, { metric, filter: b })])
    return { metric, a: fa.overall, b: fb.overall, change: changeBetween(fa.overall, fb.overall) }
  },
  'metrics.drivers': (req, ctx) => drivers(metricsSource(ctx), req),
  'metrics.facets': (_req, ctx) => ({ values: facets(metricsSource(ctx).sqlite) }),
  'metrics.definitions': (_req, ctx) => {
    const open = ctx.session.require()
    return readDefinitions(open.db, open.ws.sqlite, open.settings.timezone)
  },
  'metrics.setDefinitions': async (req, ctx) => {
    const open = ctx.session.require()
    // Both are checked before either is applied; each change rebuilds the summaries it affects.
    const questions = req.questions?.length ? checkedDefinitionChanges(await listQuestions(open.db), req.questions, answeredRange(open.ws.sqlite)) : []
    const businessHours = req.businessHours ? checkedBusinessHours(factDerivations(open.ws.sqlite).businessHours, req.businessHours) : null
    if (questions.length) await keeperOf(ctx).run({ kind: 'rebuild', change: { type: 'definitions', questions } })
    if (businessHours) await keeperOf(ctx).run({ kind: 'rebuild', change: { type: 'businessHours', businessHours } })
    return readDefinitions(open.db, open.ws.sqlite, open.settings.timezone)
  },
  'metrics.sends': async (_req, ctx) => ({ sends: await sendsWithResponses(metricsSource(ctx)) }),
  'metrics.saveSend': async (req, ctx) => {
    const src = metricsSource(ctx)
    if (req.to < req.from) throw new AppError('VALIDATION', 'The last day must not be before the first.')
    if (req.id !== undefined && !getSend(src.sqlite, req.id)) throw new AppError('NOT_FOUND', 'That entry of surveys sent no longer exists.')
    if (req.questionId !== null && !(await listQuestions(src.db)).some((q) => q.id === req.questionId)) throw new AppError('NOT_FOUND', 'That survey question no longer exists.')
    const id = saveSend(src.sqlite, req, ctx.clock.now())
    const send = getSend(src.sqlite, id)!
    const responses = await responsesForSend(src, send)
    return { ...send, responses, rate: (100 * responses) / send.sent }
  },
  'metrics.deleteSend': ({ id }, ctx) => {
    if (!deleteSend(ctx.session.require().ws.sqlite, id)) throw new AppError('NOT_FOUND', 'That entry of surveys sent no longer exists.')
    return null
  },
  'metrics.rollupStatus': (_req, ctx) => keeperOf(ctx).status,
  'metrics.cancelRollups': (_req, ctx) => {
    keeperOf(ctx).cancel()
    return null
  },
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

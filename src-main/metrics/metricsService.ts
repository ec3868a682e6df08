import { AppError } from '../../src-shared/api/result'
import type { OpenWorkspace } from '../db/openWorkspace'
import { listQuestions } from '../db/questions'
import { answeredRange } from './definitionsRepository'
import { responseDateSpan } from './dataSpanRepository'
import { deleteSend, getSend, saveSend } from './surveySendsRepository'
import { metricSeries, type MetricsSource, type SeriesQuery } from './series'
import { rollupKeeper, type KeeperDeps } from './rollups/keeper'
import { tiles } from './tiles'
import { ttrSeries } from './ttr'
import { lifecycleSeries } from './lifecycle'
import { responseRateSeries, responsesForSend, sendsWithResponses } from './responseRate'
import { changeBetween } from './compare'
import { drivers } from './drivers'
import { facets } from './facets'
import { checkedBusinessHours, checkedDefinitionChanges, readDefinitions } from './definitions'
import { factDerivations } from './rollups/derivations'

type Arg<F extends (...args: never[]) => unknown, I extends number> = Parameters<F>[I]

/**
 * The metrics engine over one open workspace: every read first folds what the rollup journal holds,
 * so answers come from summaries that are up to date.
 */
export function metricsService(open: OpenWorkspace, deps: KeeperDeps & { now: number }) {
  const keeper = () => rollupKeeper(open.ws, { events: deps.events, nativeBinding: deps.nativeBinding })
  const source = () => {
    keeper().beforeRead()
    return { db: open.db, sqlite: open.ws.sqlite, timezone: open.settings.timezone, localDateOf: open.localDateOf, today: open.localDateOf(deps.now) }
  }
  return {
    /** The open workspace as the metrics engine reads it (also what a report reads). */
    source,
    series: (q: SeriesQuery) => metricSeries(source(), q),
    tiles: (q: Arg<typeof tiles, 1>) => tiles(source(), q),
    dataSpan: () => {
      const src = source()
      return { span: responseDateSpan(src.sqlite), today: src.today }
    },
    ttr: (q: Arg<typeof ttrSeries, 1>) => ttrSeries(source(), q),
    lifecycle: (q: Arg<typeof lifecycleSeries, 1>) => lifecycleSeries(source(), q),
    responseRate: (q: Arg<typeof responseRateSeries, 1>) => responseRateSeries(source(), q),
    compare: async ({ metric, a, b }: { metric: SeriesQuery['metric']; a: SeriesQuery['filter']; b: SeriesQuery['filter'] }) => {
      const src: MetricsSource = source()
      const [fa, fb] = await Promise.all([metricSeries(src, { metric, filter: a }), metricSeries(src, { metric, filter: b })])
      return { metric, a: fa.overall, b: fb.overall, change: changeBetween(fa.overall, fb.overall) }
    },
    drivers: (q: Arg<typeof drivers, 1>) => drivers(source(), q),
    facets: () => ({ values: facets(source().sqlite) }),
    definitions: () => readDefinitions(open.db, open.ws.sqlite, open.settings.timezone),
    setDefinitions: async (req: { questions?: Arg<typeof checkedDefinitionChanges, 1>; businessHours?: Arg<typeof checkedBusinessHours, 1> }) => {
      // Both are checked before either is applied; each change rebuilds the summaries it affects.
      const questions = req.questions?.length ? checkedDefinitionChanges(await listQuestions(open.db), req.questions, answeredRange(open.ws.sqlite)) : []
      const businessHours = req.businessHours ? checkedBusinessHours(factDerivations(open.ws.sqlite).businessHours, req.businessHours) : null
      if (questions.length) await keeper().run({ kind: 'rebuild', change: { type: 'definitions', questions } })
      if (businessHours) await keeper().run({ kind: 'rebuild', change: { type: 'businessHours', businessHours } })
      return readDefinitions(open.db, open.ws.sqlite, open.settings.timezone)
    },
    sends: async () => ({ sends: await sendsWithResponses(source()) }),
    saveSend: async (req: Arg<typeof saveSend, 1>) => {
      const src = source()
      if (req.to < req.from) throw new AppError('VALIDATION', 'The last day must not be before the first.')
      if (req.id !== undefined && !getSend(src.sqlite, req.id)) throw new AppError('NOT_FOUND', 'That entry of surveys sent no longer exists.')
      if (req.questionId !== null && !(await listQuestions(src.db)).some((q) => q.id === req.questionId)) throw new AppError('NOT_FOUND', 'That survey question no longer exists.')
      const id = saveSend(src.sqlite, req, deps.now)
      const send = getSend(src.sqlite, id)!
      const responses = await responsesForSend(src, send)
      return { ...send, responses, rate: (100 * responses) / send.sent }
    },
    deleteSend: (id: number) => {
      if (!deleteSend(open.ws.sqlite, id)) throw new AppError('NOT_FOUND', 'That entry of surveys sent no longer exists.')
      return null
    },
    rollupStatus: () => keeper().status,
    cancelRollups: () => {
      keeper().cancel()
      return null
    },
  }
}

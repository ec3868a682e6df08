import type { Handlers } from '../../src-shared/api/contract'
import type { AppContext } from '../app/context'
import {
  applyJourneyCommands,
  createJourney,
  deleteJourney,
  deletePersona,
  duplicateJourney,
  findEvidence,
  getJourney,
  linkableValues,
  listJourneys,
  listPersonas,
  restorePersona,
  savePersona,
} from '../journeys/journeysService'

export const journeysHandlers = {
  'journeys.list': async (_req, ctx) => ({ maps: await listJourneys(ctx.session.require()) }),
  'journeys.get': ({ id }, ctx) => getJourney(ctx.session.require(), id),
  'journeys.create': (req, ctx) => createJourney(ctx.session.require(), ctx.clock, req),
  'journeys.duplicate': (req, ctx) => duplicateJourney(ctx.session.require(), ctx.clock, req),
  'journeys.delete': ({ id }, ctx) => {
    deleteJourney(ctx.session.require(), id)
    return null
  },
  'journeys.apply': (req, ctx) => applyJourneyCommands(ctx.session.require(), ctx.clock, req),
  'journeys.linkableValues': (_req, ctx) => linkableValues(ctx.session.require()),
  'journeys.evidence': (req, ctx) => findEvidence(ctx.session.require(), req),
  'journeys.personas': async (_req, ctx) => ({ personas: await listPersonas(ctx.session.require()) }),
  'journeys.savePersona': ({ persona }, ctx) => savePersona(ctx.session.require(), ctx.clock, persona),
  'journeys.deletePersona': ({ id }, ctx) => deletePersona(ctx.session.require(), ctx.clock, id),
  'journeys.restorePersona': async ({ id }, ctx) => {
    await restorePersona(ctx.session.require(), ctx.clock, id)
    return null
  },
} satisfies Pick<
  Handlers<AppContext>,
    | 'journeys.list'
  | 'journeys.get'
  | 'journeys.create'
  | 'journeys.duplicate'
  | 'journeys.delete'
  | 'journeys.apply'
  | 'journeys.linkableValues'
  | 'journeys.evidence'
  | 'journeys.personas'
  | 'journeys.savePersona'
  | 'journeys.deletePersona'
  | 'journeys.restorePersona'
>

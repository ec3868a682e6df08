import type { Handlers } from '../../src-shared/api/contract'
import type { AppContext } from '../app/context'
import { actorOf } from './scope'
import { addNote, facets, getFeedback, listFeedback, restoreFeedback, updateFeedback } from '../feedback/feedbackService'
import { createFeedback } from '../feedback/manualEntry'


const changed = async (ctx: AppContext) => ctx.events.emit('workspace.changed', await ctx.session.info())

export const feedbackHandlers = {
  'feedback.list': (req, ctx) => listFeedback(ctx.session.require(), req, ctx.clock.now()),
  'feedback.get': ({ id }, ctx) => getFeedback(ctx.session.require(), id),
  'feedback.facets': (_req, ctx) => facets(ctx.session.require()),
  'feedback.update': (req, ctx) => updateFeedback(ctx.session.require(), req, actorOf(ctx), ctx.clock.now()),
  'feedback.restore': ({ items }, ctx) => restoreFeedback(ctx.session.require(), items, actorOf(ctx), ctx.clock.now()),
  'feedback.addNote': ({ id, body }, ctx) => addNote(ctx.session.require(), id, body, actorOf(ctx), ctx.clock.now()),
  'feedback.create': async (req, ctx) => {
    const created = createFeedback(ctx.session.require(), req, ctx.clock.now())
    await changed(ctx)
    return created
  },
} satisfies Pick<
  Handlers<AppContext>,
  'feedback.list' | 'feedback.get' | 'feedback.facets' | 'feedback.update' | 'feedback.restore' | 'feedback.addNote' | 'feedback.create'
>

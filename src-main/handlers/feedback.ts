import type { Handlers } from '../../src-shared/api/contract'
import type { AppContext } from '../app/context'
import { listFeedback } from '../services/feedbackService'

export const feedbackHandlers = {
  'feedback.list': ({ limit, cursor }, ctx) => listFeedback(ctx.session.require(), limit, cursor),
} satisfies Pick<Handlers<AppContext>, 'feedback.list'>

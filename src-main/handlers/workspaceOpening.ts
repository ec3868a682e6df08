import type { Handlers } from '../../src-shared/api/contract'
import type { AppContext } from '../app/context'

export const workspaceOpeningHandlers = {
  'workspace.opening': (_req, ctx) => ctx.session.opening,
  'workspace.cancelOpening': (_req, ctx) => ({ cancelled: ctx.session.cancelOpening() }),
} satisfies Pick<Handlers<AppContext>, 'workspace.opening' | 'workspace.cancelOpening'>

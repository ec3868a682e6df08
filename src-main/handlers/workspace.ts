import type { Handlers } from '../../src-shared/api/contract'
import type { AppContext } from '../app/context'
import { createWorkspace, listWorkspaces, openDemo, openWorkspace, saveCopy } from '../app/workspaceActions'

export const workspaceHandlers = {
  'workspace.current': (_req, ctx) => ctx.session.info(),
  'workspace.list': (_req, ctx) => listWorkspaces(ctx),
  'workspace.create': (req, ctx) => createWorkspace(ctx, req),
  'workspace.open': (req, ctx) => openWorkspace(ctx, req),
  'workspace.openDemo': (_req, ctx) => openDemo(ctx),
  'workspace.saveCopy': (req, ctx) => saveCopy(ctx, req),
  'workspace.close': async (_req, ctx) => {
    await ctx.session.close()
    return null
  },
  'workspace.setTimezone': ({ timezone }, ctx) => ctx.session.setTimezone(timezone),
} satisfies Pick<
  Handlers<AppContext>,
  | 'workspace.current'
  | 'workspace.list'
  | 'workspace.create'
  | 'workspace.open'
  | 'workspace.openDemo'
  | 'workspace.saveCopy'
  | 'workspace.close'
  | 'workspace.setTimezone'
>

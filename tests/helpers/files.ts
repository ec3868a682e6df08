import type { Req, Res, ApiClient } from '../../src-shared/api/contract'
import type { AppContext } from '../../src-main/app/context'
import type { WriteTarget } from '../../src-main/common/fileRegistry'

/*
 * Tests name files the way the command line does: the path is registered with the app's own file
 * registry (production code) and requests carry the id it returns, never the path.
 */

interface Registers {
  ctx: Pick<AppContext, 'files'>
}
interface Calls extends Registers {
  api: ApiClient
}

/** An id for writing `path` as `target` (a new workspace, a copy, a PDF); good for one use. */
export const destination = (app: Registers, path: string, target: WriteTarget): string => app.ctx.files.registerDestination(path, target)

/** An id that workspace.open takes for the file at `path`. */
export const workspaceFile = (app: Registers, path: string): string => app.ctx.files.registerWorkspace(path)

/** workspace.create at `path`, as `cxdesk init` does it. */
export function createWorkspaceAt(app: Calls, path: string, req: Omit<Req<'workspace.create'>, 'fileId'> = {}): Promise<Res<'workspace.create'>> {
  return app.api.call('workspace.create', { ...req, fileId: destination(app, path, 'newWorkspace') })
}

/** workspace.open of the file at `path`, as the CLI's commands do it. */
export function openWorkspaceAt(app: Calls, path: string): Promise<Res<'workspace.open'>> {
  return app.api.call('workspace.open', { fileId: workspaceFile(app, path) })
}

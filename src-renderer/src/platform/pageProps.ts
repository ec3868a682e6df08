import type { WorkspaceInfo } from '../../../src-shared/api/workspace'

/** What the shell hands every page: the open workspace and the query of the page's address. */
export interface PageProps {
  workspace: WorkspaceInfo
  params: URLSearchParams
}

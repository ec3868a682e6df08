import type { WorkspaceInfo } from '../../../../src-shared/api/workspace'
import { ImportPanel } from '../import/ImportPanel'
import { ResponsesList } from '../inbox/ResponsesList'
import { NpsTrendCard } from './NpsTrendCard'

export function OverviewPage({ workspace }: { workspace: WorkspaceInfo }) {
  return (
    <div className="overview">
      <ImportPanel />
      <NpsTrendCard />
      <ResponsesList timezone={workspace.timezone} />
    </div>
  )
}

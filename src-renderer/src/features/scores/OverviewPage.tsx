import type { PageProps } from '../../app/pages'
import { ImportPanel } from '../import/ImportPanel'
import { ResponsesList } from '../inbox/ResponsesList'
import { NpsTrendCard } from './NpsTrendCard'

export function OverviewPage({ workspace }: PageProps) {
  return (
    <div className="overview">
      <ImportPanel />
      <NpsTrendCard />
      <ResponsesList timezone={workspace.timezone} />
    </div>
  )
}

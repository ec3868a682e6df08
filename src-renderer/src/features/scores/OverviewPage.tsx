import { NpsTrendCard } from './NpsTrendCard'

export function OverviewPage() {
  return (
    <div className="overview">
      <NpsTrendCard />
    </div>
  )
}

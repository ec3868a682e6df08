import type { PageProps } from '../../app/pages'
import { useI18n } from '../../i18n/I18nProvider'
import { NpsTrendCard } from './NpsTrendCard'
import { TilesRow } from './TilesRow'

/** The landing page: this month's scores at a glance and the NPS trend (import and inbox have their own pages). */
export function OverviewPage({ workspace }: PageProps) {
  const { fmt } = useI18n()
  const today = fmt.today(workspace.timezone)
  return (
    <div className="overview">
      <TilesRow by="month" compare="previous" filter={{ to: today }} compact />
      <NpsTrendCard />
    </div>
  )
}

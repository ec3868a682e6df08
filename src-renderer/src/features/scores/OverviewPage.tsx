import type { PageProps } from '../../app/pages'
import { useI18n } from '../../i18n/I18nProvider'
import { ImportPanel } from '../import/ImportPanel'
import { ResponsesList } from '../inbox/ResponsesList'
import { NpsTrendCard } from './NpsTrendCard'
import { TilesRow } from './TilesRow'

/**
 * The landing page: this month's scores at a glance, the NPS trend, the way in for new data, and
 * the latest responses (until the inbox page takes those over).
 */
export function OverviewPage({ workspace }: PageProps) {
  const { fmt } = useI18n()
  const today = fmt.today(workspace.timezone)
  return (
    <div className="overview">
      <ImportPanel />
      <TilesRow by="month" compare="previous" filter={{ to: today }} compact />
      <NpsTrendCard />
      <ResponsesList timezone={workspace.timezone} />
    </div>
  )
}

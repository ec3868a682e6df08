import { ApiProvider } from '../api/ApiProvider'
import { useApiQuery } from '../api/hooks'
import type { Transport } from '../api/transportTypes'
import { I18nProvider, useI18n } from '../i18n/I18nProvider'
import { Loading } from '../components/Loading'
import { ErrorNotice } from '../components/ErrorNotice'
import { StartScreen } from '../features/workspace/StartScreen'
import { OpeningProgress } from '../features/workspace/OpeningProgress'
import { Shell } from './Shell'
import { parseHash } from '../platform/router'
import { ReportPrintPage } from '../features/reports/print/ReportPrintPage'
import { SubjectPrintPage } from '../features/customers/print/SubjectDocument'

export function App({ transport }: { transport: Transport }) {
  return (
    <ApiProvider transport={transport}>
      <I18nProvider>
        <Root />
      </I18nProvider>
    </ApiProvider>
  )
}

function Root() {
  // The print route renders the bare report, without the shell, whatever else is open.
  const route = parseHash(window.location.hash)
  if (route.page === 'report-print') return <ReportPrintPage jobId={route.params.get('job') ?? ''} />
  if (route.page === 'subject-print') return <SubjectPrintPage jobId={route.params.get('job') ?? ''} />
  return <AppRoot />
}

function AppRoot() {
  const { t } = useI18n()
  const current = useApiQuery('workspace.current', {})
  if (current.isPending) return <Loading label={t('common.loading')} />
  if (current.error)
    return (
      <main className="page-center">
        <ErrorNotice error={current.error} />
      </main>
    )
  return (
    <>
      {current.data ? <Shell workspace={current.data} /> : <StartScreen />}
      <OpeningProgress />
    </>
  )
}

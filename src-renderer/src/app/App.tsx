import { ApiProvider } from '../api/ApiProvider'
import { useApiQuery } from '../api/hooks'
import type { Transport } from '../api/transport'
import { I18nProvider, useI18n } from '../i18n/I18nProvider'
import { Loading } from '../components/Loading'
import { ErrorNotice } from '../components/ErrorNotice'
import { StartScreen } from '../features/workspace/StartScreen'
import { Shell } from './Shell'

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
  const { t } = useI18n()
  const current = useApiQuery('workspace.current', {})
  if (current.isPending) return <Loading label={t('common.loading')} />
  if (current.error)
    return (
      <main className="page-center">
        <ErrorNotice error={current.error} />
      </main>
    )
  return current.data ? <Shell workspace={current.data} /> : <StartScreen />
}

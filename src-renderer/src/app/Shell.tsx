import type { WorkspaceInfo } from '../../../src-shared/api/workspace'
import { useI18n } from '../i18n/I18nProvider'
import { LanguageSwitcher } from '../features/settings/LanguageSwitcher'
import { WorkspaceMenu } from '../features/workspace/WorkspaceMenu'
import { OverviewPage } from '../features/scores/OverviewPage'

export function Shell({ workspace }: { workspace: WorkspaceInfo }) {
  const { t } = useI18n()
  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand" aria-label={t('app.name')}>
          <span className="brand-mark" aria-hidden="true">
            CX
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <div className="workspace-title">
          <h1>{workspace.name}</h1>
          {workspace.isDemo && <span className="badge">{t('workspace.demoBadge')}</span>}
          <span className="muted">{t.plural('workspace.responses', workspace.responseCount)}</span>
        </div>
        <nav className="topnav" aria-label={t('nav.overview')}>
          <a className="active" href="#overview" aria-current="page">
            {t('nav.overview')}
          </a>
        </nav>
        <div className="topbar-end">
          <WorkspaceMenu workspace={workspace} />
          <LanguageSwitcher />
        </div>
      </header>
      <main className="content" id="overview">
        <OverviewPage workspace={workspace} />
      </main>
    </div>
  )
}

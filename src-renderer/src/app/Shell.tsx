import type { WorkspaceInfo } from '../../../src-shared/api/workspace'
import { useI18n } from '../i18n/I18nProvider'
import { LanguageSwitcher } from '../features/settings/LanguageSwitcher'
import { WorkspaceMenu } from '../features/workspace/WorkspaceMenu'
import { CollectionAlerts } from '../features/collection/CollectionAlerts'
import { FollowUpBadge } from '../features/feedback/followUps/FollowUpBadge'
import { pages } from './pages'
import { hrefFor, navigate, useRoute } from '../platform/router'
import { useAppEvent } from '../api/hooks'

export function Shell({ workspace }: { workspace: WorkspaceInfo }) {
  const { t } = useI18n()
  const route = useRoute()
  // The desktop's File ▸ Import Responses… opens the import page, wherever the user is.
  useAppEvent('app.command', (c) => {
    if (c.command === 'import' && route.page !== 'import') navigate('import')
  })
  const page = pages.find((p) => p.id === route.page) ?? pages[0]
  const Page = page.component
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
        <div className="topbar-end">
          <WorkspaceMenu workspace={workspace} />
          <LanguageSwitcher />
        </div>
      </header>
      <CollectionAlerts />
      <div className="shell-body">
        {/* A side column: labels in Vietnamese and Thai are long, and the list grows with the app. */}
        <nav className="sidenav" aria-label={t('nav.main')}>
          {(['work', 'data'] as const).map((group) => (
            <ul key={group} className="sidenav-group">
              {pages
                .filter((p) => p.group === group)
                .map((p) => (
                  <li key={p.id}>
                    <a className={p === page ? 'active' : undefined} href={hrefFor(p.id)} aria-current={p === page ? 'page' : undefined}>
                      {t(p.label)}
                      {p.id === 'inbox' && <FollowUpBadge timezone={workspace.timezone} />}
                    </a>
                  </li>
                ))}
            </ul>
          ))}
        </nav>
        <main className="content" id={page.id}>
          <Page workspace={workspace} params={route.params} />
        </main>
      </div>
    </div>
  )
}

import type { RecentWorkspace } from '../../../../src-shared/api/workspace'
import { useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'

/** Recent workspaces and the ones in the workspaces folder, each a button that opens it by the id the main process gave it. */
export function WorkspaceList({ onOpen }: { onOpen: (fileId: string) => void }) {
  const { t, fmt } = useI18n()
  const list = useApiQuery('workspace.list', {})
  if (!list.data) return null
  const { recent, inFolder } = list.data
  if (!recent.length && !inFolder.length) return <p className="muted">{t('start.noRecent')}</p>
  const item = (w: RecentWorkspace) => (
    <li key={w.id}>
      <button type="button" className="ws-item" disabled={!w.exists} onClick={() => onOpen(w.id)} title={w.path}>
        <span className="ws-name">{w.name}</span>
        <span className="ws-path muted">{w.exists ? w.path : t('start.missing')}</span>
        {w.lastOpenedAt > 0 && <span className="ws-when muted">{fmt.dateTime(w.lastOpenedAt, Intl.DateTimeFormat().resolvedOptions().timeZone)}</span>}
      </button>
    </li>
  )
  return (
    <div className="ws-lists">
      {recent.length > 0 && (
        <section>
          <h3>{t('start.recent')}</h3>
          <ul className="ws-list">{recent.map(item)}</ul>
        </section>
      )}
      {inFolder.length > 0 && (
        <section>
          <h3>{t('start.inFolder')}</h3>
          <ul className="ws-list">{inFolder.map(item)}</ul>
        </section>
      )}
    </div>
  )
}

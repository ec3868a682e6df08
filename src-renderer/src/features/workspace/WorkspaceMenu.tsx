import { useEffect, useRef, useState } from 'react'
import type { WorkspaceInfo } from '../../../../src-shared/api/workspace'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Notice } from '../../components/Notice'
import { Modal } from '../../components/Modal'
import { NewWorkspaceForm } from './NewWorkspaceForm'
import { WorkspaceList } from './WorkspaceList'
import { useWorkspaceActions } from './useWorkspaceActions'

type Panel = 'new' | 'open' | null

/** The in-app workspace menu (the desktop also has the same commands in its File menu). */
export function WorkspaceMenu({ workspace }: { workspace: WorkspaceInfo }) {
  const { t } = useI18n()
  const actions = useWorkspaceActions()
  const [menuOpen, setMenuOpen] = useState(false)
  const [panel, setPanel] = useState<Panel>(null)
  const ref = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!menuOpen) return
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !ref.current?.contains(e.target as Node)) setMenuOpen(false)
    }
    document.addEventListener('mousedown', close)
    document.addEventListener('keydown', close)
    return () => {
      document.removeEventListener('mousedown', close)
      document.removeEventListener('keydown', close)
    }
  }, [menuOpen])

  const choose = (action: () => void) => () => {
    setMenuOpen(false)
    action()
  }

  return (
    <div className="menu" ref={ref}>
      <Button aria-haspopup="menu" aria-expanded={menuOpen} onClick={() => setMenuOpen((o) => !o)}>
        {t('workspace.menu')} ▾
      </Button>
      {menuOpen && (
        <ul className="menu-list" role="menu">
          <li role="none">
            <button role="menuitem" type="button" onClick={choose(() => setPanel('new'))}>
              {t('workspace.new')}
            </button>
          </li>
          <li role="none">
            <button role="menuitem" type="button" onClick={choose(() => (actions.nativeDialogs ? void actions.open() : setPanel('open')))}>
              {t('workspace.open')}
            </button>
          </li>
          <li role="none">
            <button role="menuitem" type="button" onClick={choose(() => void actions.saveCopy((path) => t('workspace.saveCopyDone', { path })))}>
              {t('workspace.saveCopy')}
            </button>
          </li>
          <li role="none">
            <button role="menuitem" type="button" onClick={choose(() => void actions.close())}>
              {t('workspace.close')}
            </button>
          </li>
          <li role="none" className="menu-meta muted">
            {t('workspace.timezone', { tz: workspace.timezone })}
          </li>
        </ul>
      )}
      <div className="menu-notices">
        {actions.error != null && <ErrorNotice error={actions.error} onDismiss={actions.clearError} />}
        {actions.notice && (
          <Notice tone="success" onDismiss={actions.clearNotice} dismissLabel={t('common.dismiss')}>
            {actions.notice}
          </Notice>
        )}
      </div>
      <Modal title={t('workspace.new')} open={panel === 'new'} onClose={() => setPanel(null)}>
        <NewWorkspaceForm
          folder={actions.workspacesDir}
          askName={!actions.nativeDialogs}
          onCancel={() => setPanel(null)}
          onCreate={async (req) => {
            if (await actions.create(req)) setPanel(null)
          }}
        />
      </Modal>
      <Modal title={t('workspace.open')} open={panel === 'open'} onClose={() => setPanel(null)}>
        <WorkspaceList
          onOpen={async (fileId) => {
            if (await actions.open(fileId)) setPanel(null)
          }}
        />
        <div className="form-actions">
          <Button onClick={() => setPanel(null)}>{t('common.close')}</Button>
        </div>
      </Modal>
    </div>
  )
}

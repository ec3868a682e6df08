import { useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { ErrorNotice } from '../../components/ErrorNotice'
import { LanguageSwitcher } from '../settings/LanguageSwitcher'
import { NewWorkspaceForm } from './NewWorkspaceForm'
import { WorkspaceList } from './WorkspaceList'
import { useWorkspaceActions } from './useWorkspaceActions'

export function StartScreen() {
  const { t } = useI18n()
  const actions = useWorkspaceActions()
  const [naming, setNaming] = useState(false)
  return (
    <main className="start">
      <div className="start-lang">
        <LanguageSwitcher />
      </div>
      <div className="start-panel">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">
            CX
          </span>
          <h1>{t('start.title')}</h1>
        </div>
        <p className="lead">{t('start.subtitle')}</p>
        {actions.error != null && <ErrorNotice error={actions.error} onDismiss={actions.clearError} />}
        <div className="start-actions">
          <Button variant="primary" onClick={() => setNaming(true)}>
            {t('start.new')}
          </Button>
          {actions.nativeDialogs && <Button onClick={() => void actions.open()}>{t('start.open')}</Button>}
          <Button onClick={() => void actions.openDemo()}>{t('start.demo')}</Button>
        </div>
        {naming && <NewWorkspaceForm folder={actions.workspacesDir} askName={!actions.nativeDialogs} onCreate={actions.create} onCancel={() => setNaming(false)} />}
        <WorkspaceList onOpen={(fileId) => void actions.open(fileId)} />
      </div>
    </main>
  )
}

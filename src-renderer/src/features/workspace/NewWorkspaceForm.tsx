import { useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'

/** Browser variant of "New workspace": a name, saved into the workspaces folder. */
export function NewWorkspaceForm({ folder, onCreate, onCancel }: { folder: string; onCreate: (name: string) => Promise<unknown>; onCancel?: () => void }) {
  const { t } = useI18n()
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  return (
    <form
      className="form"
      onSubmit={async (e) => {
        e.preventDefault()
        if (!name.trim()) return
        setBusy(true)
        await onCreate(name.trim())
        setBusy(false)
      }}
    >
      <label className="field">
        <span>{t('start.newName')}</span>
        <input autoFocus required maxLength={100} value={name} placeholder={t('start.newNamePlaceholder')} onChange={(e) => setName(e.target.value)} />
        <small className="muted">{t('start.newNameHint', { folder })}</small>
      </label>
      <div className="form-actions">
        {onCancel && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
        <Button type="submit" variant="primary" disabled={busy || !name.trim()}>
          {t('common.create')}
        </Button>
      </div>
    </form>
  )
}

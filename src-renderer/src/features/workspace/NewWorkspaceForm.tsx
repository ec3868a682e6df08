import { useRef, useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { Loading } from '../../components/Loading'

/**
 * Browser variant of "New workspace": a name, saved into the workspaces folder. Creating takes a
 * moment (a new file, its schema, the score summaries): the form says it is working and takes no
 * second submit meanwhile (a ref, since a double click lands before the disabled button renders).
 */
export function NewWorkspaceForm({ folder, onCreate, onCancel }: { folder: string; onCreate: (name: string) => Promise<unknown>; onCancel?: () => void }) {
  const { t } = useI18n()
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const inFlight = useRef(false)
  return (
    <form
      className="form"
      aria-busy={busy}
      onSubmit={async (e) => {
        e.preventDefault()
        if (!name.trim() || inFlight.current) return
        inFlight.current = true
        setBusy(true)
        try {
          await onCreate(name.trim())
        } finally {
          inFlight.current = false
          setBusy(false)
        }
      }}
    >
      <label className="field">
        <span>{t('start.newName')}</span>
        <input autoFocus required maxLength={100} value={name} readOnly={busy} placeholder={t('start.newNamePlaceholder')} onChange={(e) => setName(e.target.value)} />
        <small className="muted">{t('start.newNameHint', { folder })}</small>
      </label>
      {busy && <Loading label={t('start.creating', { name: name.trim() })} />}
      <div className="form-actions">
        {onCancel && (
          <Button onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </Button>
        )}
        <Button type="submit" variant="primary" disabled={busy || !name.trim()}>
          {t('common.create')}
        </Button>
      </div>
    </form>
  )
}

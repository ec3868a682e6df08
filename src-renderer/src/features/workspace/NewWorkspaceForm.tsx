import { useRef, useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { Loading } from '../../components/Loading'
import { ZoneSelect, computerZone } from '../../components/ZoneSelect'

/**
 * "New workspace": its time zone (this computer's unless changed) and, in the browser, a name saved
 * into the workspaces folder; the desktop asks where to save with its own dialog after this form.
 * Creating takes a moment (a new file, its schema, the score summaries): the form says it is working
 * and takes no second submit meanwhile (a ref, since a double click lands before the disabled button renders).
 */
export function NewWorkspaceForm({
  folder,
  askName,
  onCreate,
  onCancel,
}: {
  folder: string
  askName: boolean
  onCreate: (req: { name?: string; timezone: string }) => Promise<unknown>
  onCancel?: () => void
}) {
  const { t } = useI18n()
  const [name, setName] = useState('')
  const [zone, setZone] = useState(computerZone)
  const [busy, setBusy] = useState(false)
  const inFlight = useRef(false)
  return (
    <form
      className="form"
      data-testid="new-workspace"
      aria-busy={busy}
      onSubmit={async (e) => {
        e.preventDefault()
        if ((askName && !name.trim()) || inFlight.current) return
        inFlight.current = true
        setBusy(true)
        try {
          await onCreate({ ...(askName ? { name: name.trim() } : {}), timezone: zone })
        } finally {
          inFlight.current = false
          setBusy(false)
        }
      }}
    >
      {askName && (
        <label className="field">
          <span>{t('start.newName')}</span>
          <input autoFocus required maxLength={100} value={name} readOnly={busy} placeholder={t('start.newNamePlaceholder')} onChange={(e) => setName(e.target.value)} />
          <small className="muted">{t('start.newNameHint', { folder })}</small>
        </label>
      )}
      <div className="field">
        <span>{t('zone.label')}</span>
        <ZoneSelect value={zone} onChange={setZone} label={t('zone.label')} testId="new-workspace-zone" />
        <small className="muted">{t('start.zoneHint')}</small>
      </div>
      {busy && <Loading label={askName ? t('start.creating', { name: name.trim() }) : t('start.creatingFile')} />}
      <div className="form-actions">
        {onCancel && (
          <Button onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </Button>
        )}
        <Button type="submit" variant="primary" disabled={busy || (askName && !name.trim())}>
          {t('common.create')}
        </Button>
      </div>
    </form>
  )
}

import { useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { ZoneSelect, computerZone } from '../../components/ZoneSelect'

/**
 * "New workspace": its time zone (this computer's unless changed) and, in the browser, a name saved
 * into the workspaces folder; the desktop asks where to save with its own dialog after this form.
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
  return (
    <form
      className="form"
      data-testid="new-workspace"
      onSubmit={async (e) => {
        e.preventDefault()
        if (askName && !name.trim()) return
        setBusy(true)
        await onCreate({ ...(askName ? { name: name.trim() } : {}), timezone: zone })
        setBusy(false)
      }}
    >
      {askName && (
        <label className="field">
          <span>{t('start.newName')}</span>
          <input autoFocus required maxLength={100} value={name} placeholder={t('start.newNamePlaceholder')} onChange={(e) => setName(e.target.value)} />
          <small className="muted">{t('start.newNameHint', { folder })}</small>
        </label>
      )}
      <div className="field">
        <span>{t('zone.label')}</span>
        <ZoneSelect value={zone} onChange={setZone} label={t('zone.label')} testId="new-workspace-zone" />
        <small className="muted">{t('start.zoneHint')}</small>
      </div>
      <div className="form-actions">
        {onCancel && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
        <Button type="submit" variant="primary" disabled={busy || (askName && !name.trim())}>
          {t('common.create')}
        </Button>
      </div>
    </form>
  )
}

import { useState } from 'react'
import { useApiMutation } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { ErrorNotice } from '../../components/ErrorNotice'

const zones = (): string[] => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [])

/** The zone days, weeks and months are cut in; changing it recomputes every local date and summary (with progress). */
export function TimezoneForm({ current }: { current: string }) {
  const { t } = useI18n()
  const set = useApiMutation('workspace.setTimezone')
  const [zone, setZone] = useState(current)
  const all = zones()
  const options = all.includes(current) ? all : [current, ...all]
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault()
        set.mutate({ timezone: zone })
      }}
    >
      <label className="field">
        <span>{t('settings.timezone')}</span>
        <select value={zone} onChange={(e) => setZone(e.target.value)}>
          {options.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
        <small className="muted">{t('settings.timezoneHint')}</small>
      </label>
      {set.error && <ErrorNotice error={set.error} onDismiss={() => set.reset()} />}
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={zone === current || set.isPending}>
          {set.isPending ? t('settings.saving') : t('settings.save')}
        </Button>
      </div>
    </form>
  )
}

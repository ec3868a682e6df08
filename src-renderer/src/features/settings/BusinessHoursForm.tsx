import { useState } from 'react'
import type { BusinessHours } from '../../../../src-shared/api/metrics'
import { useApiMutation } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { SaveRow } from './SaveRow'
import { TimeField } from '../../components/TimeField'

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const

/** Whether TTR counts working hours only, and which. */
export function BusinessHoursForm({ current }: { current: BusinessHours }) {
  const { t } = useI18n()
  const save = useApiMutation('metrics.setDefinitions')
  const [draft, setDraft] = useState(current)
  const [saved, setSaved] = useState(false)
  const changed = JSON.stringify(draft) !== JSON.stringify(current)
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault()
        setSaved(false)
        save.mutate({ businessHours: draft }, { onSuccess: () => setSaved(true) })
      }}
    >
      <label className="check">
        <input type="checkbox" checked={draft.enabled} onChange={(e) => setDraft({ ...draft, enabled: e.target.checked })} />
        <span>{t('settings.businessHoursOn')}</span>
      </label>
      <fieldset className="weekdays" disabled={!draft.enabled}>
        <legend>{t('settings.workingDays')}</legend>
        {WEEKDAYS.map((d) => (
          <label key={d} className="check">
            <input
              type="checkbox"
              checked={draft.days.includes(d)}
              onChange={(e) => setDraft({ ...draft, days: e.target.checked ? [...draft.days, d].sort() : draft.days.filter((x) => x !== d) })}
            />
            <span>{t(`weekday.${d}`)}</span>
          </label>
        ))}
      </fieldset>
      {/* Times typed and shown in the app's language (a native time input follows the browser's locale: AM/PM in a Thai window). */}
      <fieldset className="controls-row bare-fieldset" disabled={!draft.enabled}>
        <label className="control">
          <span>{t('settings.opens')}</span>
          <TimeField required value={draft.start} onChange={(start) => setDraft({ ...draft, start })} />
        </label>
        <label className="control">
          <span>{t('settings.closes')}</span>
          <TimeField required value={draft.end} onChange={(end) => setDraft({ ...draft, end })} />
        </label>
      </fieldset>
      <SaveRow error={save.error} onDismiss={() => save.reset()} saved={saved} changed={changed} pending={save.isPending} />
    </form>
  )
}

import { useState } from 'react'
import { useApiMutation } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { ErrorNotice } from '../../components/ErrorNotice'
import { ZoneSelect } from '../../components/ZoneSelect'

/**
 * The zone days, weeks and months are cut in. Before it changes, the form says what that changes
 * (every response's day, week and month; every summary) and what it does not (no response moves in
 * time: that is what re-reading an import in another zone is for), and asks to confirm.
 */
export function TimezoneForm({ current }: { current: string }) {
  const { t } = useI18n()
  const set = useApiMutation('workspace.setTimezone')
  const [zone, setZone] = useState(current)
  const [confirming, setConfirming] = useState(false)
  return (
    <form
      className="form"
      data-testid="timezone-form"
      onSubmit={(e) => {
        e.preventDefault()
        if (!confirming) return setConfirming(true)
        set.mutate({ timezone: zone }, { onSuccess: () => setConfirming(false) })
      }}
    >
      <div className="field">
        <span>{t('settings.timezone')}</span>
        <ZoneSelect
          value={zone}
          onChange={(z) => {
            setZone(z)
            setConfirming(false)
          }}
          label={t('settings.timezone')}
          testId="settings-zone"
        />
        <small className="muted">{t('settings.timezoneHint')}</small>
      </div>
      {confirming && (
        <div className="notice notice-info" role="status" data-testid="timezone-confirm">
          <p>{t('settings.timezoneChanges')}</p>
          <p>{t('settings.timezoneKeeps')}</p>
        </div>
      )}
      {set.error && <ErrorNotice error={set.error} onDismiss={() => set.reset()} />}
      <div className="form-actions">
        {confirming && <Button onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>}
        <Button type="submit" variant="primary" disabled={zone === current || set.isPending}>
          {set.isPending ? t('settings.saving') : confirming ? t('settings.timezoneConfirm', { zone }) : t('settings.save')}
        </Button>
      </div>
    </form>
  )
}

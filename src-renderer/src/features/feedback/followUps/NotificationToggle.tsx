import { useState } from 'react'
import { useApiQuery } from '../../../api/hooks'
import { useI18n } from '../../../i18n/I18nProvider'
import { Button } from '../../../components/Button'
import { browserPermission, setNotificationChoice, useNotificationChoice } from './notificationSetting'

/**
 * Turns desktop notifications on or off on this computer. In a browser, asking is the user's own
 * click (the permission prompt never opens on load); a refusal is said, with where to change it.
 */
export function NotificationToggle() {
  const { t } = useI18n()
  const info = useApiQuery('app.info', {})
  const desktop = info.data?.platform === 'desktop'
  const { enabled } = useNotificationChoice(desktop)
  const [, rerender] = useState(0)
  const permission = browserPermission()
  if (!info.data) return null
  if (!desktop && permission === 'unsupported') return <span className="muted small">{t('followUps.notifyUnsupported')}</span>
  if (enabled)
    return (
      <span className="notify-toggle">
        <span className="muted small" data-testid="notify-state">
          {t('followUps.notifyActive')}
        </span>
        <Button variant="ghost" onClick={() => setNotificationChoice('off')}>
          {t('followUps.notifyOff')}
        </Button>
      </span>
    )
  if (!desktop && permission === 'denied') return <span className="muted small">{t('followUps.notifyBlocked')}</span>
  return (
    <Button
      variant="ghost"
      data-testid="notify-on"
      onClick={() => {
        if (desktop) return setNotificationChoice('on')
        void Notification.requestPermission().then((p) => {
          if (p === 'granted') setNotificationChoice('on')
          rerender((n) => n + 1)
        })
      }}
    >
      {t('followUps.notifyOn')}
    </Button>
  )
}

import { useCallback, useState } from 'react'
import type { CollectionAnswerEvent } from '../../../../src-shared/api/collection'
import { useAppEvent, useRefreshSoon } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { hrefFor } from '../../platform/router'

/**
 * Answers collected in the shop, live: they refresh what is on screen (inbox, scores) — at most once
 * per 500 ms when many arrive (refreshThrottle.ts) — and a poor score shows a banner so a manager
 * can talk to the customer before they leave.
 */
export function CollectionAlerts() {
  const { t, fmt } = useI18n()
  const refreshSoon = useRefreshSoon()
  const [alerts, setAlerts] = useState<CollectionAnswerEvent[]>([])
  const onAnswer = useCallback(
    (e: CollectionAnswerEvent) => {
      refreshSoon()
      if (e.alert) setAlerts((a) => [e, ...a].slice(0, 3))
    },
    [refreshSoon],
  )
  useAppEvent('collection.answer', onAnswer)
  if (!alerts.length) return null
  return (
    <div className="collection-alerts" role="alert" data-testid="collection-alert">
      {alerts.map((a) => (
        <div key={a.responseId} className="collection-alert">
          <strong>{t('collection.alert.title')}</strong>
          <span>
            {a.location
              ? t('collection.alert.body', { survey: a.surveyName, score: fmt.number(a.score), location: a.location })
              : t('collection.alert.bodyNoLocation', { survey: a.surveyName, score: fmt.number(a.score) })}
            {a.contactable && ` ${t('collection.alert.contactable')}`}
          </span>
          <a href={hrefFor('inbox')}>{t('collection.alert.open')}</a>
          <Button variant="ghost" onClick={() => setAlerts((list) => list.filter((x) => x !== a))}>
            {t('collection.alert.dismiss')}
          </Button>
        </div>
      ))}
    </div>
  )
}

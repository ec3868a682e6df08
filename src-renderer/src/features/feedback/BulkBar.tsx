import { useState } from 'react'
import { followUpStatuses, type FollowUpStatus } from '../../../../src-shared/domain/scores'
import { useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { Suggestions } from '../../components/Suggestions'
import type { DetailActions } from './DetailPane'
import { SnoozeControl } from './followUps/SnoozeControl'

/**
 * Bulk actions on the checked items: status, owner, tag, snooze and end snooze (open follow-ups only;
 * undo in the change notice). `snoozedUntil`: the latest snooze among them still running (null: none
 * is snoozed, and End snooze is not offered).
 */
export function BulkBar({ ids, actions, timezone, snoozedUntil, onClear, onSelectAll }: { ids: number[]; actions: DetailActions; timezone: string; snoozedUntil: number | null; onClear(): void; onSelectAll(): void }) {
  const { t } = useI18n()
  const facets = useApiQuery('feedback.facets', {}, { staleTime: 60_000 })
  const [owner, setOwner] = useState('')
  const [tag, setTag] = useState('')
  return (
    <div className="bulk-bar" role="toolbar" aria-label={t.plural('inbox.selected', ids.length)}>
      <strong>{t.plural('inbox.selected', ids.length)}</strong>
      <select
        aria-label={t('inbox.setStatus')}
        value=""
        onChange={(e) => {
          if (e.target.value) void actions.update(ids, { status: e.target.value as FollowUpStatus })
        }}
      >
        <option value="">{t('inbox.setStatus')}</option>
        {followUpStatuses.map((s) => (
          <option key={s} value={s}>
            {t(`status.${s}`)}
          </option>
        ))}
      </select>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          if (owner.trim()) void actions.update(ids, { owner: owner.trim() }).then(() => setOwner(''))
        }}
      >
        <input list="bulk-owners" aria-label={t('inbox.assign')} placeholder={t('inbox.assign')} value={owner} maxLength={200} onChange={(e) => setOwner(e.target.value)} />
        <Suggestions id="bulk-owners" values={facets.data?.owner} />
      </form>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          if (tag.trim()) void actions.tag(ids, tag.trim()).then(() => setTag(''))
        }}
      >
        <input list="bulk-tags" aria-label={t('inbox.addTag')} placeholder={t('inbox.addTag')} value={tag} maxLength={60} onChange={(e) => setTag(e.target.value)} />
        <Suggestions id="bulk-tags" values={facets.data?.tag} />
      </form>
      <SnoozeControl timezone={timezone} snoozedUntil={snoozedUntil} onSnooze={(until) => void actions.snooze(ids, until)} />
      <Button variant="ghost" onClick={onSelectAll}>
        {t('inbox.selectAllShown')}
      </Button>
      <Button variant="ghost" onClick={onClear}>
        {t('inbox.clearSelection')}
      </Button>
    </div>
  )
}

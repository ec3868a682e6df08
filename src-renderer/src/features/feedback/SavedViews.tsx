import { useState } from 'react'
import { filterFromSearchParams, type FeedbackFilter } from '../../../../src-shared/api/filters'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { Modal } from '../../components/Modal'
import { followUpFilter, isEmptyFilter, sameFilter } from './useInboxFilter'
import { followUpViews, type FollowUpView } from '../../../../src-shared/api/followUps'

/**
 * Quick views (all, needs follow-up, and the follow-up views — overdue, due soon, snoozed — with
 * their counts), the workspace's saved views, and saving / sharing the current one.
 */
export function SavedViews({
  filter,
  query,
  followUp,
  onChange,
}: {
  filter: FeedbackFilter
  query: string
  followUp?: FollowUpView
  onChange(f: FeedbackFilter, view?: FollowUpView | null): void
}) {
  const { t, fmt } = useI18n()
  const views = useApiQuery('views.list', {})
  const counts = useApiQuery('feedback.followUpCounts', {})
  const save = useApiMutation('views.save')
  const remove = useApiMutation('views.delete')
  const [naming, setNaming] = useState(false)
  const [name, setName] = useState('')
  const [copied, setCopied] = useState(false)
  const current = views.data?.find((v) => v.query === query)
  return (
    <div className="views">
      <div className="segmented" role="group" aria-label={t('inbox.views')}>
        <button type="button" className={!followUp && isEmptyFilter(filter) ? 'active' : undefined} aria-pressed={!followUp && isEmptyFilter(filter)} onClick={() => onChange({}, null)}>
          {t('inbox.all')}
        </button>
        <button
          type="button"
          className={!followUp && sameFilter(filter, followUpFilter) ? 'active' : undefined}
          aria-pressed={!followUp && sameFilter(filter, followUpFilter)}
          onClick={() => onChange(followUpFilter, null)}
        >
          {t('inbox.followUp')}
        </button>
      </div>
      <div className="segmented" role="group" aria-label={t('followUps.views')}>
        {followUpViews.map((v) => {
          const n = counts.data?.[v]
          return (
            <button key={v} type="button" className={followUp === v ? `active due-${v}` : `due-${v}`} aria-pressed={followUp === v} data-testid={`view-${v}`} onClick={() => onChange({}, v)}>
              {t(`followUps.${v}`)}
              {n !== undefined && (
                <span className={`view-count${n > 0 && v === 'overdue' ? ' alert' : ''}`} data-count={n}>
                  {fmt.integer(n)}
                </span>
              )}
            </button>
          )
        })}
      </div>
      <select
        aria-label={t('inbox.views')}
        value={current ? String(current.id) : ''}
        onChange={(e) => {
          const v = views.data?.find((x) => String(x.id) === e.target.value)
          if (v) onChange(filterFromSearchParams(new URLSearchParams(v.query)))
        }}
      >
        <option value="">{views.data?.length ? `${t('inbox.views')}…` : t('inbox.viewsNone')}</option>
        {views.data?.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
          </option>
        ))}
      </select>
      {current && (
        <Button variant="ghost" onClick={() => remove.mutate({ id: current.id })}>
          {t('inbox.deleteView')}
        </Button>
      )}
      <Button variant="ghost" disabled={isEmptyFilter(filter)} onClick={() => setNaming(true)}>
        {t('inbox.saveView')}
      </Button>
      <Button
        variant="ghost"
        onClick={() => {
          void navigator.clipboard?.writeText(window.location.href.replace(/[?&]token=[^&#]*/, '')).then(() => {
            setCopied(true)
            setTimeout(() => setCopied(false), 2000)
          })
        }}
      >
        {copied ? t('inbox.linkCopied') : t('inbox.copyLink')}
      </Button>
      <Modal title={t('inbox.saveView')} open={naming} onClose={() => setNaming(false)}>
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault()
            if (!name.trim()) return
            save.mutate({ name: name.trim(), query }, { onSuccess: () => setNaming(false) })
          }}
        >
          <label className="field">
            <span>{t('inbox.viewName')}</span>
            <input autoFocus required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <div className="form-actions">
            <Button onClick={() => setNaming(false)}>{t('common.cancel')}</Button>
            <Button type="submit" variant="primary" disabled={!name.trim()}>
              {t('inbox.saveView')}
            </Button>
          </div>
        </form>
      </Modal>
    </div>
  )
}

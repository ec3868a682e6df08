import { useState } from 'react'
import { filterFromSearchParams, type FeedbackFilter } from '../../../../src-shared/api/filters'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { Modal } from '../../components/Modal'
import { followUpFilter, isEmptyFilter, sameFilter } from './useInboxFilter'

/** Quick views (all, needs follow-up), the workspace's saved views, and saving / sharing the current one. */
export function SavedViews({ filter, query, onChange }: { filter: FeedbackFilter; query: string; onChange(f: FeedbackFilter): void }) {
  const { t } = useI18n()
  const views = useApiQuery('views.list', {})
  const save = useApiMutation('views.save')
  const remove = useApiMutation('views.delete')
  const [naming, setNaming] = useState(false)
  const [name, setName] = useState('')
  const [copied, setCopied] = useState(false)
  const current = views.data?.find((v) => v.query === query)
  return (
    <div className="views">
      <div className="segmented" role="group" aria-label={t('inbox.views')}>
        <button type="button" className={isEmptyFilter(filter) ? 'active' : undefined} aria-pressed={isEmptyFilter(filter)} onClick={() => onChange({})}>
          {t('inbox.all')}
        </button>
        <button type="button" className={sameFilter(filter, followUpFilter) ? 'active' : undefined} aria-pressed={sameFilter(filter, followUpFilter)} onClick={() => onChange(followUpFilter)}>
          {t('inbox.followUp')}
        </button>
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

import { useState } from 'react'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Notice } from '../../components/Notice'
import { SaveRow } from './SaveRow'

/** The name recorded on status changes, owners and notes: asked once by the inbox, changed here at any time. */
export function YourNameForm() {
  const { t } = useI18n()
  const info = useApiQuery('app.info', {})
  const current = info.data?.userName ?? ''
  const set = useApiMutation('app.setUserName')
  const [name, setName] = useState<string | null>(null)
  const value = name ?? current
  return (
    <form
      className="form"
      data-testid="your-name"
      onSubmit={(e) => {
        e.preventDefault()
        if (value.trim()) set.mutate({ name: value.trim() }, { onSuccess: () => setName(null) })
      }}
    >
      <label className="field">
        <span>{t('name.label')}</span>
        <input value={value} maxLength={80} onChange={(e) => setName(e.target.value)} />
        <small className="muted">{t('settings.nameHint')}</small>
      </label>
      {set.isSuccess && name === null && <Notice tone="success">{t('settings.nameSaved', { name: current })}</Notice>}
      <SaveRow error={set.error} onDismiss={() => set.reset()} saved={false} changed={value.trim() !== '' && value.trim() !== current} pending={set.isPending} />
    </form>
  )
}

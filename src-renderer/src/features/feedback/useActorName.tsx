import { useRef, useState } from 'react'
import { useApi, useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Modal } from '../../components/Modal'
import { Button } from '../../components/Button'

/**
 * There are no accounts: the first time an action needs to say who did it, the user is asked for
 * their name once; it is kept in the app's preferences.
 */
export function useActorName() {
  const api = useApi()
  const info = useApiQuery('app.info', {})
  const [asking, setAsking] = useState(false)
  const pending = useRef<((ok: boolean) => void) | null>(null)
  const ensureName = (): Promise<boolean> => {
    if (info.data?.userName) return Promise.resolve(true)
    setAsking(true)
    return new Promise((resolve) => (pending.current = resolve))
  }
  const finish = (ok: boolean) => {
    setAsking(false)
    pending.current?.(ok)
    pending.current = null
  }
  const prompt = (
    <NamePrompt
      open={asking}
      onCancel={() => finish(false)}
      onSave={async (name) => {
        await api.call('app.setUserName', { name })
        await info.refetch()
        finish(true)
      }}
    />
  )
  return { ensureName, prompt, userName: info.data?.userName ?? null }
}

function NamePrompt({ open, onSave, onCancel }: { open: boolean; onSave(name: string): Promise<void>; onCancel(): void }) {
  const { t } = useI18n()
  const [name, setName] = useState('')
  return (
    <Modal title={t('name.title')} open={open} onClose={onCancel}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault()
          if (name.trim()) void onSave(name.trim())
        }}
      >
        <p className="muted">{t('name.intro')}</p>
        <label className="field">
          <span>{t('name.label')}</span>
          <input autoFocus required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <div className="form-actions">
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" disabled={!name.trim()}>
            {t('name.save')}
          </Button>
        </div>
      </form>
    </Modal>
  )
}

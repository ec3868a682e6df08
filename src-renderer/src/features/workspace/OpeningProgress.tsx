import { useCallback, useEffect, useRef, useState } from 'react'
import type { OpeningProgress as Progress } from '../../../../src-shared/api/workspaceOpening'
import { useApi, useAppEvent } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import './opening.css'

/**
 * While a workspace opens or is created, how far its open-time work is (the check of the file, the
 * backup, the updates to its format, search and sentiment), with Cancel. A modal dialog: the app
 * switches to the workspace when it is ready, or shows why not (a cancel's message says what it left).
 */
export function OpeningProgress() {
  const { t, fmt } = useI18n()
  const api = useApi()
  const [progress, setProgress] = useState<Progress | null>(null)
  const [cancelling, setCancelling] = useState(false)
  const heard = useRef(false)
  const dialog = useRef<HTMLDialogElement>(null)

  useAppEvent(
    'workspace.opening',
    useCallback((p: Progress) => {
      heard.current = true
      setProgress(p.state === 'running' ? p : null)
      if (p.state !== 'running') setCancelling(false)
    }, []),
  )
  // A window that loads while a workspace is already opening (the desktop app reopening the last one) catches up.
  useEffect(() => {
    let live = true
    api.call('workspace.opening', {}).then(
      (p) => live && !heard.current && setProgress(p),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [api])
  useEffect(() => {
    const d = dialog.current
    if (progress && d && !d.open) d.showModal()
    if (!progress && d?.open) d.close()
  }, [progress])

  const cancel = () => {
    setCancelling(true)
    api.call('workspace.cancelOpening', {}).catch(() => setCancelling(false))
  }
  if (!progress) return <dialog ref={dialog} className="modal opening" />
  const known = progress.total > 0
  const percent = known ? Math.min(100, Math.round((100 * progress.done) / progress.total)) : 0
  const stage =
    progress.stage === 'migrating'
      ? t('opening.stage.migrating', { done: fmt.integer(Math.min(progress.done + 1, progress.total)), total: fmt.integer(progress.total) })
      : t(`opening.stage.${progress.stage}`)
  return (
    <dialog
      ref={dialog}
      className="modal opening"
      aria-labelledby="opening-title"
      onCancel={(e) => {
        // Escape cancels the opening rather than hiding it.
        e.preventDefault()
        cancel()
      }}
    >
      <h2 id="opening-title">{t(progress.kind === 'open' ? 'opening.title.open' : 'opening.title.create', { name: progress.name })}</h2>
      <div
        className="progress"
        role="progressbar"
        aria-label={stage}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={known && progress.stage !== 'migrating' ? percent : undefined}
      >
        <div className={known ? 'progress-bar' : 'progress-bar progress-indeterminate'} style={known ? { width: `${percent}%` } : undefined} />
        <span className="progress-label">
          {stage}
          {known && progress.stage !== 'migrating' && ` · ${fmt.percentValue(percent, 0)}`}
        </span>
      </div>
      <p className="muted opening-note">{t('opening.note')}</p>
      <div className="form-actions">
        <Button onClick={cancel} disabled={cancelling} autoFocus>
          {cancelling ? t('opening.cancelling') : t('common.cancel')}
        </Button>
      </div>
    </dialog>
  )
}

import { useCallback } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { useAppEvent } from '../../api/hooks'
import { Button } from '../../components/Button'
import { Notice } from '../../components/Notice'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useImportFlow } from './useImportFlow'

export function ImportPanel() {
  const { t, fmt } = useI18n()
  const { state, start, reset } = useImportFlow()
  // The desktop's File ▸ Import menu item lands here.
  useAppEvent(
    'app.command',
    useCallback(
      (c) => {
        if (c.command === 'import') void start()
      },
      [start],
    ),
  )
  const running = state.phase === 'running'
  return (
    <div className="import-panel">
      <div className="import-row">
        <Button variant="primary" onClick={() => void start()} disabled={running}>
          {t('import.button')}
        </Button>
        <span className="muted">{t('import.hint')}</span>
      </div>
      {running && (
        <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={state.percent} aria-label={state.fileName}>
          <div className="progress-bar" style={{ width: `${state.percent}%` }} />
          <span className="progress-label">{t('import.reading', { file: state.fileName, percent: state.percent })}</span>
        </div>
      )}
      {state.phase === 'done' && (
        <Notice tone={state.summary.rejected ? 'info' : 'success'} onDismiss={reset} dismissLabel={t('common.dismiss')}>
          <strong>{t('import.done', { imported: fmt.integer(state.summary.imported), file: state.summary.fileName })}</strong>
          {state.summary.duplicates > 0 && <div>{t('import.duplicates', { count: fmt.integer(state.summary.duplicates) })}</div>}
          {state.summary.rejected > 0 && (
            <div>
              {t('import.rejected', { count: fmt.integer(state.summary.rejected) })}
              <ul className="row-errors">
                {state.summary.errors.map((e) => (
                  <li key={`${e.row}-${e.column}`}>{t('import.rowError', { row: e.row, column: e.column ? ` · ${e.column}` : '', reason: e.reason })}</li>
                ))}
              </ul>
            </div>
          )}
        </Notice>
      )}
      {state.phase === 'failed' && (
        <div>
          <p className="muted">{t('import.failed', { file: state.fileName })}</p>
          <ErrorNotice error={state.error} onDismiss={reset} />
        </div>
      )}
    </div>
  )
}

import { useState } from 'react'
import type { ExportFormat, ExportWhat } from '../../../../src-shared/api/exports'
import type { FeedbackFilter } from '../../../../src-shared/api/filters'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Modal } from '../../components/Modal'
import { Notice } from '../../components/Notice'
import { useDataExport } from './useDataExport'
import './export.css'

const WHATS: readonly ExportWhat[] = ['responses', 'customers', 'all']
const FORMATS: readonly ExportFormat[] = ['csv', 'xlsx']

/**
 * The inbox's Export dialog: the responses of the current view (its filter and search), every
 * customer, or the whole workspace, as CSV or XLSX; progress with a count of rows, cancel, and what
 * was written. A whole workspace as CSV is a folder of files on the desktop; a browser gets one
 * workbook instead (it cannot write a folder). Mounted for each opening, so each starts afresh; the
 * native dialog puts the focus on its first choice.
 */
export function ExportDialog({ open, onClose, filter, viewCount, timezone }: { open: boolean; onClose: () => void; filter: FeedbackFilter; viewCount: number | null; timezone: string }) {
  const { t, fmt } = useI18n()
  const job = useDataExport()
  const [what, setWhat] = useState<ExportWhat>('responses')
  const [format, setFormat] = useState<ExportFormat>('csv')
  const folderOnly = what === 'all' && format === 'csv'
  const csvUnavailable = what === 'all' && !job.desktop
  const chosenFormat: ExportFormat = csvUnavailable ? 'xlsx' : format
  const { state, running } = job

  const close = () => {
    if (running) job.cancel()
    onClose()
  }
  const p = state?.progress
  const percent = p && p.total ? Math.min(100, Math.round((p.done / p.total) * 100)) : 0

  return (
    <Modal title={t('export.title')} open={open} onClose={close}>
      <div className="export-dialog" data-testid="export-dialog">
        <fieldset disabled={running}>
          <legend>{t('export.what')}</legend>
          {WHATS.map((w) => (
            <label key={w} className="export-choice">
              <input type="radio" name="export-what" value={w} checked={what === w} onChange={() => setWhat(w)} />
              <span>
                <strong>{w === 'responses' ? t.plural('export.what.responses', viewCount ?? 0) : t(w === 'customers' ? 'export.what.customers' : 'export.what.all')}</strong>
                <span className="muted small">{t(w === 'responses' ? 'export.what.responsesHint' : w === 'customers' ? 'export.what.customersHint' : 'export.what.allHint')}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset disabled={running}>
          <legend>{t('export.format')}</legend>
          <div className="segmented" role="radiogroup" aria-label={t('export.format')}>
            {FORMATS.map((f) => (
              <label key={f} className={chosenFormat === f ? 'active' : undefined}>
                <input type="radio" name="export-format" value={f} checked={chosenFormat === f} disabled={f === 'csv' && csvUnavailable} onChange={() => setFormat(f)} />
                {t(f === 'xlsx' ? 'export.format.xlsx' : folderOnly && job.desktop ? 'export.format.csvFolder' : 'export.format.csv')}
              </label>
            ))}
          </div>
          {csvUnavailable && <p className="muted small">{t('export.format.csvFolderWeb')}</p>}
        </fieldset>
        <p className="muted small">{t('export.times', { zone: timezone })}</p>

        {state?.phase === 'running' && (
          <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={p?.stage === 'writing' ? percent : undefined} aria-label={t('export.title')}>
            <div className={p?.stage === 'writing' ? 'progress-bar' : 'progress-bar progress-indeterminate'} style={p?.stage === 'writing' ? { width: `${percent}%` } : undefined} />
            <span className="progress-label" data-testid="export-progress">
              {p?.stage === 'writing' && p.table
                ? t.plural('export.stage.writing', p.total, { table: t(`export.table.${p.table}`), done: fmt.integer(p.done) })
                : t('export.stage.counting')}
            </span>
          </div>
        )}
        {state?.phase === 'done' && state.result && (
          <Notice tone="success">
            <span data-testid="export-done" data-rows={state.result.rows}>
              {t.plural('export.done', state.result.rows, { file: state.result.path ?? state.result.fileName })}
            </span>
          </Notice>
        )}
        {state?.phase === 'cancelled' && <Notice tone="info">{t('export.cancelled')}</Notice>}
        {state?.phase === 'failed' && <ErrorNotice error={state.error} />}

        <div className="form-actions">
          {running ? (
            <Button onClick={job.cancel}>{t('export.cancel')}</Button>
          ) : (
            <>
              <Button onClick={close}>{t('export.close')}</Button>
              <Button variant="primary" onClick={() => void job.start(what, chosenFormat, what === 'responses' ? filter : {})}>
                {t('export.start')}
              </Button>
            </>
          )}
        </div>
      </div>
    </Modal>
  )
}

import type { ImportSummary, RowError } from '../../../../src-shared/api/imports'
import { useI18n } from '../../i18n/I18nProvider'

/** Rejected rows by row number, column and reason; the count covers the ones not listed. */
export function RowErrors({ summary }: { summary: ImportSummary }) {
  const { t, fmt } = useI18n()
  const reasonOf = (e: RowError) => {
    if (!e.code) return e.reason
    const params = { ...e.params }
    if (params.order === 'dmy' || params.order === 'mdy') params.order = t(`import.${params.order}`)
    return t(`rowError.${e.code}`, params)
  }
  if (!summary.rejected) return null
  return (
    <div>
      <p>{t(summary.dryRun ? 'import.willReject' : 'import.rejected', { count: fmt.integer(summary.rejected) })}</p>
      <ul className="row-errors" data-testid="row-errors">
        {summary.errors.map((e) => (
          <li key={`${e.row}-${e.column}-${e.reason}`}>{t('import.rowError', { row: e.row, column: e.column ? ` · ${e.column}` : '', reason: reasonOf(e) })}</li>
        ))}
      </ul>
      {summary.rejected > summary.errors.length && <p className="muted">{t('import.moreErrors', { count: fmt.integer(summary.rejected - summary.errors.length) })}</p>}
    </div>
  )
}

export function ImportProgress({ label, percent, rows, onCancel }: { label: string; percent: number; rows: number; onCancel(): void }) {
  const { t, fmt } = useI18n()
  return (
    <div className="import-running">
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={label}>
        <div className="progress-bar" style={{ width: `${percent}%` }} />
        <span className="progress-label">
          {label} · {t('import.rows', { rows: fmt.integer(rows) })}
        </span>
      </div>
      <button type="button" className="btn btn-secondary" onClick={onCancel}>
        {t('import.cancel')}
      </button>
    </div>
  )
}

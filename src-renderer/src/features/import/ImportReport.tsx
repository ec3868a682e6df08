import type { ImportStage, ImportSummary, RowError } from '../../../../src-shared/api/imports'
import { rowErrorText } from '../../../../src-shared/i18n/rowErrorText'
import { useI18n } from '../../i18n/I18nProvider'

/** Rejected rows by row number, column and reason; the count covers the ones not listed. */
export function RowErrors({ summary }: { summary: ImportSummary }) {
  const { t, fmt } = useI18n()
  const reasonOf = (e: RowError) => {
    if (!e.code) return e.reason
    const params = { ...e.params }
    if (params.order === 'dmy' || params.order === 'mdy') params.order = t(`import.${params.order}`)
    return rowErrorText(t, e.code, params)
  }
  if (!summary.rejected) return null
  return (
    <div>
      <p>{t.plural(summary.dryRun ? 'import.willReject' : 'import.rejected', summary.rejected)}</p>
      <ul className="row-errors" data-testid="row-errors">
        {summary.errors.map((e) => (
          <li key={`${e.row}-${e.column}-${e.reason}`}>{t('import.rowError', { row: e.row, column: e.column ? ` · ${e.column}` : '', reason: reasonOf(e) })}</li>
        ))}
      </ul>
      {summary.rejected > summary.errors.length && <p className="muted">{t('import.moreErrors', { count: fmt.integer(summary.rejected - summary.errors.length) })}</p>}
    </div>
  )
}

/** Bytes as people read them: KB below a megabyte, MB with one decimal above. */
function size(bytes: number, fmt: { number(v: number, digits?: number): string }): string {
  return bytes < 1 << 20 ? `${fmt.number(bytes / 1024, 0)} KB` : `${fmt.number(bytes / (1 << 20), 1)} MB`
}

/**
 * The import's progress from its first moment: while its threads start and look at the file the bar
 * moves on its own and says so; while rows are read, the bytes and rows read; at the end, what is
 * being brought up to date. Never a silent "0 %".
 */
export function ImportProgress(props: { label: string; stage: ImportStage; dryRun: boolean; percent: number; rows: number; bytes: { read: number; total: number }; onCancel(): void }) {
  const { label, stage, dryRun, percent, rows, bytes, onCancel } = props
  const { t, fmt } = useI18n()
  const busy = stage !== 'reading'
  const text =
    stage === 'starting'
      ? t(dryRun ? 'import.stage.startingCheck' : 'import.stage.starting')
      : stage === 'finishing'
        ? t(dryRun ? 'import.stage.finishingCheck' : 'import.stage.finishing', { rows: t.plural('import.rowCount', rows, { count: fmt.integer(rows) }) })
        : `${label} · ${t.plural('import.rowCount', rows, { count: fmt.integer(rows) })} · ${t('import.bytes', { read: size(bytes.read, fmt), total: size(bytes.total, fmt) })}`
  return (
    <div className="import-running" data-testid="import-progress" data-stage={stage}>
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={busy ? undefined : percent} aria-label={text}>
        <div className={busy ? 'progress-bar progress-indeterminate' : 'progress-bar'} style={busy ? undefined : { width: `${percent}%` }} />
        <span className="progress-label" role="status">
          {text}
        </span>
      </div>
      <button type="button" className="btn btn-secondary" onClick={onCancel}>
        {t('import.cancel')}
      </button>
    </div>
  )
}

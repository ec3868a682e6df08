import type { ReportOptions } from '../../../../../src-shared/api/reports'
import { useI18n } from '../../../i18n/I18nProvider'
import { Button } from '../../../components/Button'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { Notice } from '../../../components/Notice'
import { useReportExport } from '../../../api/useReportExport'

/** Export to PDF with its progress, a way to cancel, and where the file went. */
export function ExportBar({ options, disabled }: { options: ReportOptions; disabled: boolean }) {
  const { t, fmt } = useI18n()
  const exp = useReportExport()
  const s = exp.state
  return (
    <div className="report-export" data-testid="report-export">
      <div className="report-export-row">
        <Button variant="primary" onClick={() => void exp.start(options)} disabled={disabled || exp.running}>
          {t('report.export')}
        </Button>
        {exp.running && (
          <Button variant="secondary" onClick={exp.cancel}>
            {t('report.export.cancel')}
          </Button>
        )}
      </div>
      {s && exp.running && (
        <p role="status" className="report-export-stage" data-stage={s.stage}>
          <progress aria-label={t('report.export')} />
          {t(`report.export.stage.${s.stage}`)}
        </p>
      )}
      {s?.stage === 'done' && s.result && (
        <Notice tone="success" onDismiss={exp.dismiss} dismissLabel={t('common.close')}>
          <span data-testid="report-export-done">
            {s.result.path
              ? t.plural('report.export.saved', s.result.pages ?? Number.NaN, { file: s.result.path, pages: s.result.pages === null ? '?' : fmt.integer(s.result.pages) })
              : t.plural('report.export.downloaded', s.result.pages ?? Number.NaN, { file: s.result.fileName, pages: s.result.pages === null ? '?' : fmt.integer(s.result.pages) })}
          </span>
        </Notice>
      )}
      {s?.stage === 'cancelled' && (
        <Notice tone="info" onDismiss={exp.dismiss} dismissLabel={t('common.close')}>
          {t('report.export.stage.cancelled')}
        </Notice>
      )}
      {s?.stage === 'failed' && s.error && <ErrorNotice error={s.error} />}
    </div>
  )
}

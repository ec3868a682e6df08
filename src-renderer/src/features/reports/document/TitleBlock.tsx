import type { ReportData } from '../../../../../src-shared/api/reports'
import { useI18n } from '../../../i18n/I18nProvider'
import { useReportFormat } from './useReportFormat'

/** The report's title, period, comparison and sample: a cover page (white-label branding) or the top of the first page. */
export function TitleBlock({ data, title, cover }: { data: ReportData; title: string; cover: boolean }) {
  const { t } = useI18n()
  const f = useReportFormat()
  const { branding } = data.options
  const filterText = Object.entries(data.options.filter)
    .filter(([k, v]) => k !== 'from' && k !== 'to' && v !== undefined && (!Array.isArray(v) || v.length))
    .map(([, v]) => (Array.isArray(v) ? v.join(', ') : String(v)))
    .join(' · ')
  const facts = (
    <>
      <p className="report-period">{f.range(data.period)}</p>
      <p className="muted">
        {data.comparison ? t('report.comparedWith', { period: f.range(data.comparison) }) : t('report.noComparison')}
        {' · '}
        {t.plural('report.responses', data.responses)}
      </p>
      {filterText && <p className="muted">{t('report.filtered', { filter: filterText })}</p>}
    </>
  )
  if (!cover)
    return (
      <header className="report-title">
        <h1>{title}</h1>
        <p className="report-client">{branding.clientName || data.workspace.name}</p>
        {facts}
      </header>
    )
  return (
    <header className="report-cover">
      <div className="report-cover-logos">
        {branding.clientLogo && <img src={branding.clientLogo} alt={branding.clientName} className="report-logo" />}
      </div>
      <div className="report-cover-main">
        <h1>{title}</h1>
        <p className="report-cover-for">
          <span className="muted">{t('report.cover.preparedFor')}</span> {branding.clientName || data.workspace.name}
        </p>
        {facts}
      </div>
      {(branding.consultantName || branding.consultantLogo) && (
        <footer className="report-cover-by">
          <span className="muted">{t('report.cover.preparedBy')}</span>
          {branding.consultantLogo && <img src={branding.consultantLogo} alt="" className="report-logo small" />}
          <span>{branding.consultantName}</span>
        </footer>
      )}
    </header>
  )
}

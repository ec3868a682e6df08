import { useDeferredValue, useEffect, useMemo, useState } from 'react'
import { keepPreviousData } from '@tanstack/react-query'
import { defaultReportOptions, type ReportOptions, type ReportTemplate } from '../../../../src-shared/api/reports'
import { localDateConverter } from '../../../../src-shared/domain/timezone'
import type { PageProps } from '../../platform/pageProps'
import { useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Loading } from '../../components/Loading'
import { ReportDocument } from './document/ReportDocument'
import { useFitZoom } from './document/useFitZoom'
import { ExportBar } from './builder/ExportBar'
import { ReportBuilder } from './builder/ReportBuilder'
import { TemplatesPanel } from './builder/TemplatesPanel'
import './reports.css'

/** The report builder: settings and templates on the left, the live preview (the printed layout itself) on the right, export to PDF. */
export function ReportsPage({ workspace }: PageProps) {
  const { t, locale } = useI18n()
  const [options, setOptionsState] = useState<ReportOptions>(() => defaultReportOptions('manager', locale))
  const [template, setTemplate] = useState<ReportTemplate | null>(null)
  // Until the user changes something, the report follows the app's language (known once app.info has loaded).
  const [touched, setTouched] = useState(false)
  const setOptions = (next: ReportOptions) => {
    setTouched(true)
    setOptionsState(next)
  }
  useEffect(() => {
    if (!touched) setOptionsState((o) => (o.locale === locale ? o : { ...o, locale }))
  }, [locale, touched])
  const today = useMemo(() => localDateConverter(workspace.timezone)(Date.now()), [workspace.timezone])
  // The preview follows the settings without recomputing on every keystroke of a title.
  const deferred = useDeferredValue(options)
  const [settled, setSettled] = useState(deferred)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(deferred), 350)
    return () => clearTimeout(timer)
  }, [deferred])
  const preview = useApiQuery('reports.data', { options: settled }, { placeholderData: keepPreviousData, staleTime: 30_000 })
  const fit = useFitZoom(`${settled.paper}-${settled.orientation}-${preview.data ? 1 : 0}`)

  const openTemplate = (tpl: ReportTemplate | null) => {
    setTemplate(tpl)
    if (tpl) setOptions(tpl.options)
  }

  return (
    <div className="reports-page">
      <header className="page-head">
        <h1>{t('report.page.title')}</h1>
      </header>
      <div className="reports-layout">
        <aside className="reports-side">
          <TemplatesPanel options={options} open={template} onOpen={openTemplate} />
          <ReportBuilder options={options} today={today} onChange={setOptions} />
        </aside>
        <section className="reports-preview-column" aria-label={t('report.preview.label')}>
          <div className="reports-preview-head">
            <h2>{t('report.preview')}</h2>
            <ExportBar options={options} disabled={options.sections.length === 0} />
          </div>
          <p className="muted">{t('report.preview.note')}</p>
          {preview.error && <ErrorNotice error={preview.error} />}
          {preview.isPending && <Loading label={t('common.loading')} />}
          <div ref={fit.outer} className="report-preview" aria-busy={preview.isFetching} data-testid="report-preview">
            <div ref={fit.inner} style={{ zoom: fit.zoom }}>
              {preview.data && <ReportDocument data={preview.data} />}
            </div>
          </div>
        </section>
      </div>
    </div>
  )
}

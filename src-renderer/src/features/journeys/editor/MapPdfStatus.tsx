import { Button } from '../../../components/Button'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { Notice } from '../../../components/Notice'
import { useI18n } from '../../../i18n/I18nProvider'
import type { useMapPdf } from './useMapPdf'

/** The one-map PDF's progress (with Cancel), where the file went, or why it failed — the report export's own words. */
export function MapPdfStatus({ pdf }: { pdf: ReturnType<typeof useMapPdf> }) {
  const { t, fmt } = useI18n()
  const s = pdf.state
  if (!s) return null
  const pages = s.result?.pages ?? null
  return (
    <div className="jm-pdf-status" data-testid="map-pdf-status">
      {pdf.running && (
        <p role="status" data-stage={s.stage}>
          <progress aria-label={t('journey.export.pdf')} /> {t(`report.export.stage.${s.stage}`)}{' '}
          <Button variant="secondary" onClick={pdf.cancel}>
            {t('report.export.cancel')}
          </Button>
        </p>
      )}
      {s.stage === 'done' && s.result && (
        <Notice tone="success" onDismiss={pdf.dismiss} dismissLabel={t('common.close')}>
          <span data-testid="map-pdf-done">
            {s.result.path
              ? t.plural('report.export.saved', pages ?? Number.NaN, { file: s.result.path, pages: pages === null ? '?' : fmt.integer(pages) })
              : t.plural('report.export.downloaded', pages ?? Number.NaN, { file: s.result.fileName, pages: pages === null ? '?' : fmt.integer(pages) })}
          </span>
        </Notice>
      )}
      {s.stage === 'cancelled' && (
        <Notice tone="info" onDismiss={pdf.dismiss} dismissLabel={t('common.close')}>
          {t('report.export.stage.cancelled')}
        </Notice>
      )}
      {s.stage === 'failed' && s.error && <ErrorNotice error={s.error} onDismiss={pdf.dismiss} />}
    </div>
  )
}

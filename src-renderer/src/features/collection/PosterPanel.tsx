import { useState } from 'react'
import { posterLayouts, type PosterLayout, type Survey } from '../../../../src-shared/api/collection'
import { localeNames, locales, type Locale } from '../../../../src-shared/domain/locales'
import { useApiMutation, useApiQuery, useTransport } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { ErrorNotice } from '../../components/ErrorNotice'

/** QR posters and table cards as a PDF, for the survey's open QR links, at the running server's address. */
export function PosterPanel({ survey }: { survey: Survey }) {
  const { t, locale } = useI18n()
  const transport = useTransport()
  const status = useApiQuery('collection.status', {})
  const poster = useApiMutation('collection.poster')
  const [layout, setLayout] = useState<PosterLayout>('poster')
  const [language, setLanguage] = useState<Locale>(locale)
  const [done, setDone] = useState<string | null>(null)
  const hasQrLink = survey.links.some((l) => l.kind === 'qr' && l.revokedAt === null)
  const running = status.data?.running === true
  return (
    <section className="survey-poster" aria-labelledby="poster-title" data-testid="poster-panel">
      <h3 id="poster-title">{t('collection.poster.title')}</h3>
      <p className="muted">{t('collection.poster.hint')}</p>
      {!hasQrLink && <p>{t('collection.poster.noQrLink')}</p>}
      {hasQrLink && !running && status.data && <p>{t('collection.qr.startFirst')}</p>}
      <form
        className="link-add"
        onSubmit={(e) => {
          e.preventDefault()
          setDone(null)
          poster.mutate(
            { surveyId: survey.id, layout, language },
            {
              onSuccess: async (result) => {
                if (!result) return
                if (result.downloadId && transport.downloadReport) {
                  await transport.downloadReport(result.downloadId)
                  setDone(t('collection.poster.downloaded', { file: result.fileName }))
                } else setDone(t('collection.poster.saved', { file: result.path ?? result.fileName }))
              },
            },
          )
        }}
      >
        <label className="field">
          <span>{t('collection.poster.layout')}</span>
          <select value={layout} onChange={(e) => setLayout(e.target.value as PosterLayout)}>
            {posterLayouts.map((l) => (
              <option key={l} value={l}>
                {t(`collection.poster.layout.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('collection.poster.language')}</span>
          <select value={language} onChange={(e) => setLanguage(e.target.value as Locale)}>
            {locales.map((l) => (
              <option key={l} value={l} lang={l}>
                {localeNames[l]}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="primary" disabled={!hasQrLink || !running || poster.isPending}>
          {poster.isPending ? t('collection.poster.making') : t('collection.poster.make')}
        </Button>
      </form>
      <p role="status" className="muted" data-testid="poster-status">
        {done}
      </p>
      {poster.error && <ErrorNotice error={poster.error} onDismiss={() => poster.reset()} />}
    </section>
  )
}

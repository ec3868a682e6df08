import { useState } from 'react'
import type { PageProps } from '../../platform/pageProps'
import { useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Loading } from '../../components/Loading'
import { CollectPanel } from './CollectPanel'
import { SurveyForm } from './SurveyForm'
import { SurveyLinks } from './SurveyLinks'
import { PosterPanel } from './PosterPanel'
import './collection.css'

/** The Surveys screen: surveys designed here, their links and QR codes, and collecting on the shop's network. */
export function SurveysPage(_props: PageProps) {
  const { t } = useI18n()
  const surveys = useApiQuery('collection.surveys', {})
  const [selected, setSelected] = useState<number | 'new' | null>(null)
  const list = surveys.data?.surveys ?? []
  const current = selected === 'new' ? null : (list.find((s) => s.id === selected) ?? list[0] ?? null)
  const creating = selected === 'new'
  return (
    <div className="surveys-page">
      <header className="page-head">
        <h2>{t('collection.title')}</h2>
        <p className="muted">{t('collection.intro')}</p>
      </header>
      <CollectPanel />
      {surveys.isPending && <Loading label={t('collection.loading')} />}
      {surveys.error && <ErrorNotice error={surveys.error} />}
      {surveys.data && list.length === 0 && !creating && (
        <div className="empty-state" data-testid="surveys-empty">
          <h3>{t('collection.empty.title')}</h3>
          <p>{t('collection.empty.body')}</p>
          <Button variant="primary" onClick={() => setSelected('new')}>
            {t('collection.new')}
          </Button>
        </div>
      )}
      {surveys.data && (list.length > 0 || creating) && (
        <div className="surveys-layout">
          <nav className="surveys-list" aria-label={t('collection.list.label')}>
            <ul>
              {list.map((s) => (
                <li key={s.id}>
                  <button type="button" className={current?.id === s.id && !creating ? 'active' : undefined} aria-current={current?.id === s.id && !creating} onClick={() => setSelected(s.id)}>
                    <span className="survey-swatch" style={{ background: s.colour }} aria-hidden="true" />
                    <span className="survey-name">{s.name}</span>
                    <span className="muted">
                      {s.metric.toUpperCase()} · {t.plural('collection.answers', s.answers)}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
            <Button onClick={() => setSelected('new')}>{t('collection.new')}</Button>
          </nav>
          <div className="survey-detail">
            {creating ? (
              <SurveyForm key="new" survey={null} onSaved={(s) => setSelected(s.id)} onCancel={list.length ? () => setSelected(null) : undefined} />
            ) : (
              current && (
                <>
                  <SurveyForm key={current.id} survey={current} onSaved={() => undefined} />
                  <SurveyLinks survey={current} />
                  <PosterPanel survey={current} />
                </>
              )
            )}
          </div>
        </div>
      )}
    </div>
  )
}

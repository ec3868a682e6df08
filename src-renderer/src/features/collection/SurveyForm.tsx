import { useState } from 'react'
import type { Survey } from '../../../../src-shared/api/collection'
import { MAX_LOGO_CHARS } from '../../../../src-shared/api/collection'
import { metricKinds, type MetricKind } from '../../../../src-shared/domain/scores'
import { useApiMutation } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { FileButton } from '../../components/FileButton'
import { ErrorNotice } from '../../components/ErrorNotice'

/** The survey's question, options and look. A new survey gets its first QR link when it is created. */
export function SurveyForm({ survey, onSaved, onCancel }: { survey: Survey | null; onSaved: (s: Survey) => void; onCancel?: () => void }) {
  const { t } = useI18n()
  const save = useApiMutation('collection.saveSurvey')
  const setLogo = useApiMutation('collection.setLogo')
  const [name, setName] = useState(survey?.name ?? '')
  const [metric, setMetric] = useState<MetricKind>(survey?.metric ?? 'nps')
  const [askComment, setAskComment] = useState(survey?.askComment ?? true)
  const [askContact, setAskContact] = useState(survey?.askContact ?? true)
  const [shopName, setShopName] = useState(survey?.shopName ?? '')
  const [colour, setColour] = useState(survey?.colour ?? '#2f6f5e')
  const [location, setLocation] = useState(survey?.location ?? '')
  const [touchpoint, setTouchpoint] = useState(survey?.touchpoint ?? '')
  const [logoProblem, setLogoProblem] = useState(false)
  const [saved, setSaved] = useState(false)

  const pickLogo = (file: File | undefined) => {
    if (!file || !survey) return
    const reader = new FileReader()
    reader.onload = () => {
      const url = String(reader.result)
      const ok = /^data:image\/(png|jpeg|webp);base64,/.test(url) && url.length <= MAX_LOGO_CHARS
      setLogoProblem(!ok)
      if (ok) setLogo.mutate({ surveyId: survey.id, logo: url })
    }
    reader.readAsDataURL(file)
  }

  return (
    <form
      className="form survey-form"
      data-testid="survey-form"
      onSubmit={(e) => {
        e.preventDefault()
        setSaved(false)
        save.mutate(
          { id: survey?.id, name, metric, askComment, askContact, shopName, colour, location: location.trim() || null, touchpoint: touchpoint.trim() || null },
          {
            onSuccess: (s) => {
              setSaved(true)
              onSaved(s)
            },
          },
        )
      }}
    >
      <h3>{survey ? t('collection.form.editTitle', { name: survey.name }) : t('collection.form.newTitle')}</h3>
      <label className="field">
        <span>{t('collection.form.name')}</span>
        <input value={name} required maxLength={200} placeholder={t('collection.form.namePlaceholder')} onChange={(e) => setName(e.target.value)} autoFocus={!survey} />
      </label>
      <label className="field">
        <span>{t('collection.form.metric')}</span>
        <select value={metric} onChange={(e) => setMetric(e.target.value as MetricKind)}>
          {metricKinds.map((m) => (
            <option key={m} value={m}>
              {t(`collection.form.metric.${m}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={askComment} onChange={(e) => setAskComment(e.target.checked)} /> {t('collection.form.askComment')}
      </label>
      <label className="check">
        <input type="checkbox" checked={askContact} onChange={(e) => setAskContact(e.target.checked)} /> {t('collection.form.askContact')}
      </label>
      <div className="survey-form-row">
        <label className="field">
          <span>{t('collection.form.shopName')}</span>
          <input value={shopName} maxLength={200} onChange={(e) => setShopName(e.target.value)} />
        </label>
        <label className="field field-colour">
          <span>{t('collection.form.colour')}</span>
          <input type="color" value={colour} onChange={(e) => setColour(e.target.value)} />
        </label>
      </div>
      <div className="survey-form-row">
        <label className="field">
          <span>
            {t('collection.form.location')} <small className="muted">({t('collection.form.optional')})</small>
          </span>
          <input value={location} maxLength={200} onChange={(e) => setLocation(e.target.value)} />
        </label>
        <label className="field">
          <span>
            {t('collection.form.touchpoint')} <small className="muted">({t('collection.form.optional')})</small>
          </span>
          <input value={touchpoint} maxLength={200} onChange={(e) => setTouchpoint(e.target.value)} />
        </label>
      </div>
      {survey && (
        <div className="field survey-logo">
          <span>{t('collection.form.logo')}</span>
          {survey.logo && <img src={survey.logo} alt="" className="survey-logo-preview" />}
          <FileButton accept="image/png,image/jpeg,image/webp" label={t('collection.form.logoChoose')} onFile={pickLogo} />
          {survey.logo && (
            <Button variant="ghost" onClick={() => setLogo.mutate({ surveyId: survey.id, logo: null })}>
              {t('collection.form.logoRemove')}
            </Button>
          )}
          {logoProblem && (
            <p className="field-error" role="alert">
              {t('collection.form.logoTooBig')}
            </p>
          )}
        </div>
      )}
      {save.error && <ErrorNotice error={save.error} onDismiss={() => save.reset()} />}
      {setLogo.error && <ErrorNotice error={setLogo.error} onDismiss={() => setLogo.reset()} />}
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={!name.trim() || save.isPending}>
          {survey ? t('collection.form.save') : t('collection.form.create')}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('collection.form.cancel')}</Button>}
        {saved && !save.isPending && (
          <span role="status" className="muted">
            {t('collection.form.saved')}
          </span>
        )}
      </div>
    </form>
  )
}

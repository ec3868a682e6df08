import { useState } from 'react'
import { journeyTemplateIds, type JourneyTemplateId } from '../../../../../src-shared/api/journeys'
import type { Locale } from '../../../../../src-shared/domain/locales'
import { useI18n } from '../../../i18n/I18nProvider'
import { Button } from '../../../components/Button'
import { LocaleSelect } from '../../../components/LocaleSelect'

/** Name, template and the language the template's texts are written in (the UI language by default). */
export function NewJourneyForm({ busy, onCreate, onCancel }: { busy: boolean; onCreate: (req: { name: string; scenario: string; template: JourneyTemplateId; locale: Locale }) => Promise<void>; onCancel: () => void }) {
  const { t, locale } = useI18n()
  const [template, setTemplate] = useState<JourneyTemplateId>('five_es')
  const [name, setName] = useState('')
  const [contentLocale, setContentLocale] = useState<Locale>(locale)
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault()
        void onCreate({ name: name.trim() || t(`journey.template.${template}`), scenario: '', template, locale: contentLocale })
      }}
    >
      <fieldset className="jm-templates">
        <legend>{t('journey.template.choose')}</legend>
        {journeyTemplateIds.map((id) => (
          <label key={id} className={`jm-template${template === id ? ' selected' : ''}`}>
            <input type="radio" name="template" value={id} checked={template === id} onChange={() => setTemplate(id)} />
            <strong>{t(`journey.template.${id}`)}</strong>
            <span className="muted">{t(`journey.template.${id}.hint`)}</span>
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>{t('journey.map.name')}</span>
        <input value={name} maxLength={200} placeholder={t(`journey.template.${template}`)} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('journey.template.language')}</span>
        <LocaleSelect value={contentLocale} onChange={setContentLocale} />
      </label>
      <div className="form-actions">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary" disabled={busy}>
          {t('common.create')}
        </Button>
      </div>
    </form>
  )
}

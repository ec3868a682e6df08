import { useState } from 'react'
import type { Persona } from '../../../../../src-shared/domain/journeys/model'
import { newId } from '../../../../../src-shared/domain/journeys/ids'
import { useI18n } from '../../../i18n/I18nProvider'
import { Button } from '../../../components/Button'
import { Modal } from '../../../components/Modal'
import { ImagePicker } from './ImagePicker'

/** The persona the map is for: shown above the map, edited in a dialog. */
export function PersonaPanel({ persona, onSave }: { persona: Persona | null; onSave: ((p: Persona | null) => void) | null }) {
  const { t } = useI18n()
  const [editing, setEditing] = useState(false)
  return (
    <section className="jm-persona" aria-label={t('journey.persona.title')}>
      {persona ? (
        <>
          <PersonaAvatar persona={persona} />
          <div className="jm-persona-main">
            <h3>{persona.name}</h3>
            {persona.quote && <blockquote>{persona.quote}</blockquote>}
            {persona.demographics && <p className="muted">{persona.demographics}</p>}
          </div>
          {persona.goals && (
            <div className="jm-persona-col">
              <h4>{t('journey.persona.goals')}</h4>
              <p>{persona.goals}</p>
            </div>
          )}
          {persona.frustrations && (
            <div className="jm-persona-col">
              <h4>{t('journey.persona.frustrations')}</h4>
              <p>{persona.frustrations}</p>
            </div>
          )}
        </>
      ) : (
        <p className="muted jm-persona-empty">{t('journey.persona.none')}</p>
      )}
      {onSave && (
        <Button className="jm-persona-edit" onClick={() => setEditing(true)}>
          {persona ? t('journey.persona.edit') : t('journey.persona.add')}
        </Button>
      )}
      {onSave && (
        <Modal title={t('journey.persona.title')} open={editing} onClose={() => setEditing(false)}>
          <PersonaForm
            persona={persona}
            onCancel={() => setEditing(false)}
            onSave={(p) => {
              onSave(p)
              setEditing(false)
            }}
          />
        </Modal>
      )}
    </section>
  )
}

export function PersonaAvatar({ persona }: { persona: Persona }) {
  return persona.photo ? (
    <img className="jm-avatar" src={persona.photo} alt="" />
  ) : (
    <span className="jm-avatar" aria-hidden="true">
      {persona.avatar || persona.name.slice(0, 1).toUpperCase()}
    </span>
  )
}

function PersonaForm({ persona, onSave, onCancel }: { persona: Persona | null; onSave: (p: Persona | null) => void; onCancel: () => void }) {
  const { t } = useI18n()
  const [draft, setDraft] = useState<Persona>(persona ?? { id: newId(), name: '', avatar: '', photo: null, goals: '', frustrations: '', quote: '', demographics: '' })
  const field = (key: 'goals' | 'frustrations' | 'quote' | 'demographics') => (
    <label className="field">
      <span>{t(`journey.persona.${key}`)}</span>
      <textarea rows={2} maxLength={2000} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
    </label>
  )
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault()
        onSave({ ...draft, name: draft.name.trim() || t('journey.persona.defaultName') })
      }}
    >
      <div className="jm-form-row">
        <label className="field">
          <span>{t('journey.persona.name')}</span>
          <input value={draft.name} maxLength={200} onChange={(e) => setDraft({ ...draft, name: e.target.value })} autoFocus />
        </label>
        <label className="field jm-field-small">
          <span>{t('journey.persona.avatar')}</span>
          <input value={draft.avatar} maxLength={4} onChange={(e) => setDraft({ ...draft, avatar: e.target.value })} />
        </label>
      </div>
      <ImagePicker label={t('journey.persona.photo')} removeLabel={t('journey.persona.removePhoto')} value={draft.photo} maxSide={256} onChange={(photo) => setDraft({ ...draft, photo })} previewClass="jm-avatar" />
      {field('quote')}
      {field('goals')}
      {field('frustrations')}
      {field('demographics')}
      <div className="form-actions">
        {persona && (
          <Button variant="danger" onClick={() => onSave(null)}>
            {t('journey.persona.remove')}
          </Button>
        )}
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary">
          {t('journey.save')}
        </Button>
      </div>
    </form>
  )
}

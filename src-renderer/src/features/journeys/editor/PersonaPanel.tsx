import { useState } from 'react'
import type { Persona } from '../../../../../src-shared/domain/journeys/model'
import type { LibraryPersona } from '../../../../../src-shared/api/journeys'
import { newId } from '../../../../../src-shared/domain/journeys/ids'
import { useApiQuery } from '../../../api/hooks'
import { useI18n } from '../../../i18n/I18nProvider'
import { Button } from '../../../components/Button'
import { Modal } from '../../../components/Modal'
import { PersonaSummary } from '../map/PersonaSummary'
import { ImagePicker } from './ImagePicker'

/** A library persona as the map document holds it (without the library's counts). */
export const personaOnly = ({ mapCount: _n, updatedAt: _u, ...p }: LibraryPersona): Persona => p

/**
 * The persona the map is for, above the map: chosen from the workspace's persona library, made
 * new, or edited (an edit shows on every map that uses the persona); removing it from the map is
 * an edit like any other, undone with Undo.
 */
export function PersonaPanel({ persona, onSave, onRemoved }: { persona: Persona | null; onSave: ((p: Persona | null) => void) | null; onRemoved?: (name: string) => void }) {
  const { t } = useI18n()
  const [form, setForm] = useState<'edit' | 'new' | null>(null)
  const library = useApiQuery('journeys.personas', {}, { enabled: !!onSave, refetchOnMount: 'always' })
  const others = (library.data?.personas ?? []).filter((p) => p.id !== persona?.id)
  const usedBy = library.data?.personas.find((p) => p.id === persona?.id)?.mapCount ?? 1
  return (
    <section className="jm-persona" aria-label={t('journey.persona.title')}>
      {persona ? <PersonaSummary persona={persona} /> : <p className="muted jm-persona-empty">{t('journey.persona.none')}</p>}
      {onSave && (
        <div className="jm-persona-actions">
          {others.length > 0 && (
            <label className="field">
              <span>{t('journey.persona.choose')}</span>
              <select
                value=""
                onChange={(e) => {
                  const chosen = others.find((p) => p.id === e.target.value)
                  if (chosen) onSave(personaOnly(chosen))
                }}
              >
                <option value="">{t('journey.persona.choosePlaceholder')}</option>
                {others.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <div className="jm-persona-buttons">
            {persona && <Button onClick={() => setForm('edit')}>{t('journey.persona.edit')}</Button>}
            <Button onClick={() => setForm('new')}>{t('journey.persona.new')}</Button>
            {persona && (
              <Button
                variant="danger"
                onClick={() => {
                  onSave(null)
                  onRemoved?.(persona.name)
                }}
              >
                {t('journey.persona.removeFromMap')}
              </Button>
            )}
          </div>
        </div>
      )}
      {onSave && (
        <Modal title={form === 'new' ? t('journey.persona.new') : t('journey.persona.title')} open={form !== null} onClose={() => setForm(null)}>
          {form && (
            <PersonaForm
              key={form}
              persona={form === 'edit' ? persona : null}
              hint={form === 'edit' && usedBy > 1 ? t.plural('journey.persona.sharedHint', usedBy) : null}
              onCancel={() => setForm(null)}
              onSave={(p) => {
                onSave(p)
                setForm(null)
              }}
            />
          )}
        </Modal>
      )}
    </section>
  )
}

/** A persona's fields; the name field takes the focus. A new persona gets a new id. */
export function PersonaForm({ persona, hint, busy, onSave, onCancel }: { persona: Persona | null; hint?: string | null; busy?: boolean; onSave: (p: Persona) => void; onCancel: () => void }) {
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
      {hint && <p className="muted">{hint}</p>}
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
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary" disabled={busy}>
          {t('journey.save')}
        </Button>
      </div>
    </form>
  )
}

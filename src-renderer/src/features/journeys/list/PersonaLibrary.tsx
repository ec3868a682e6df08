import { useEffect, useRef, useState } from 'react'
import type { LibraryPersona } from '../../../../../src-shared/api/journeys'
import { useApiMutation, useApiQuery } from '../../../api/hooks'
import { useI18n } from '../../../i18n/I18nProvider'
import { Button } from '../../../components/Button'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { Loading } from '../../../components/Loading'
import { Modal } from '../../../components/Modal'
import { Notice } from '../../../components/Notice'
import { PersonaForm, personaOnly } from '../editor/PersonaPanel'
import { PersonaAvatar } from '../map/PersonaSummary'

/**
 * The workspace's personas, shared by its maps: made and edited here (an edit shows on every map
 * that uses the persona), deleted with Undo. A map chooses its persona above the map.
 */
export function PersonaLibrary() {
  const { t } = useI18n()
  // Read again whenever the page shows: maps edited in the editor change which persona each uses.
  const personas = useApiQuery('journeys.personas', {}, { refetchOnMount: 'always' })
  const save = useApiMutation('journeys.savePersona')
  const remove = useApiMutation('journeys.deletePersona')
  const restore = useApiMutation('journeys.restorePersona')
  const [editing, setEditing] = useState<LibraryPersona | 'new' | null>(null)
  const [deleted, setDeleted] = useState<LibraryPersona | null>(null)
  const list = useRef<HTMLUListElement>(null)
  // The persona just saved or restored takes the focus once it is in the list and its dialog has
  // closed (the dialog's own effect runs first and hands the focus back to its opener).
  const [focusId, focusPersona] = useState<string | null>(null)
  useEffect(() => {
    if (!focusId || editing) return
    const el = list.current?.querySelector<HTMLElement>(`[data-persona-id="${CSS.escape(focusId)}"]`)
    if (!el) return
    el.scrollIntoView({ block: 'nearest' })
    el.focus()
    focusPersona(null)
  }, [focusId, editing, personas.data])

  return (
    <section className="jm-library" aria-labelledby="jm-library-title">
      <header className="jm-list-head">
        <h2 id="jm-library-title">{t('journey.library.title')}</h2>
        <p className="muted">{t('journey.library.subtitle')}</p>
        <Button onClick={() => setEditing('new')}>+ {t('journey.persona.new')}</Button>
      </header>
      {personas.isPending && <Loading label={t('common.loading')} />}
      {[personas.error, save.error, remove.error, restore.error].map((e, i) => e && <ErrorNotice key={i} error={e} />)}
      {deleted && (
        <Notice tone="info" onDismiss={() => setDeleted(null)} dismissLabel={t('common.dismiss')}>
          {t('journey.library.deleted', { name: deleted.name })}{' '}
          <Button
            onClick={async () => {
              await restore.mutateAsync({ id: deleted.id })
              setDeleted(null)
              focusPersona(deleted.id)
            }}
          >
            {t('journey.undo')}
          </Button>
        </Notice>
      )}
      {personas.data && personas.data.personas.length === 0 && (
        <div className="empty">
          <p>{t('journey.library.empty')}</p>
          <Button variant="primary" onClick={() => setEditing('new')}>
            + {t('journey.persona.new')}
          </Button>
        </div>
      )}
      <ul className="jm-personas" ref={list}>
        {personas.data?.personas.map((p) => (
          <li key={p.id} className="card jm-library-persona" data-persona-id={p.id} tabIndex={-1} aria-label={p.name}>
            <PersonaAvatar persona={p} />
            <div className="jm-library-main">
              <h3>{p.name}</h3>
              {p.quote && <blockquote>{p.quote}</blockquote>}
              <p className="muted">{t.plural('journey.library.usedBy', p.mapCount)}</p>
            </div>
            <div className="jm-library-actions">
              <Button onClick={() => setEditing(p)} aria-label={`${t('journey.library.edit')}: ${p.name}`}>
                {t('journey.library.edit')}
              </Button>
              <Button
                variant="danger"
                aria-label={`${t('journey.library.delete')}: ${p.name}`}
                onClick={async () => {
                  await remove.mutateAsync({ id: p.id })
                  setDeleted(p)
                }}
              >
                {t('journey.library.delete')}
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <Modal title={editing === 'new' ? t('journey.persona.new') : t('journey.persona.title')} open={editing !== null} onClose={() => setEditing(null)}>
        {editing && (
          <PersonaForm
            key={editing === 'new' ? 'new' : editing.id}
            persona={editing === 'new' ? null : personaOnly(editing)}
            hint={editing !== 'new' && editing.mapCount > 1 ? t.plural('journey.persona.sharedHint', editing.mapCount) : null}
            busy={save.isPending}
            onCancel={() => setEditing(null)}
            onSave={async (persona) => {
              await save.mutateAsync({ persona })
              setEditing(null)
              focusPersona(persona.id)
            }}
          />
        )}
      </Modal>
    </section>
  )
}

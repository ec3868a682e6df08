import type { Persona } from '../../../../../src-shared/domain/journeys/model'
import { useI18n } from '../../../i18n/I18nProvider'

/** The persona's photo, or its initials (or emoji) when it has none. */
export function PersonaAvatar({ persona }: { persona: Persona }) {
  return persona.photo ? (
    <img className="jm-avatar" src={persona.photo} alt="" />
  ) : (
    <span className="jm-avatar" aria-hidden="true">
      {persona.avatar || persona.name.slice(0, 1).toUpperCase()}
    </span>
  )
}

/**
 * Who the map is for: photo or initials, name, quote, demographics, goals and frustrations. The
 * same block above the map in the editor and on the map's printed page.
 */
export function PersonaSummary({ persona }: { persona: Persona }) {
  const { t } = useI18n()
  return (
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
  )
}

/** The persona block on its own (printed map pages, presentation). */
export function MapPersona({ persona }: { persona: Persona | null }) {
  const { t } = useI18n()
  if (!persona) return null
  return (
    <section className="jm-persona jm-persona-print" aria-label={t('journey.persona.title')}>
      <PersonaSummary persona={persona} />
    </section>
  )
}

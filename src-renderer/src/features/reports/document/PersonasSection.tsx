import type { Persona } from '../../../../../src-shared/domain/journeys/model'
import type { ReportData } from '../../../../../src-shared/api/reports'
import { useI18n } from '../../../i18n/I18nProvider'
import { Nothing } from './Section'

/** The personas of the chosen maps (each once), one block per persona. */
export function PersonasSection({ data }: { data: ReportData }) {
  const { t } = useI18n()
  const seen = new Map<string, { persona: Persona; maps: string[] }>()
  for (const m of data.journeys?.maps ?? []) {
    const p = m.doc.persona
    if (!p) continue
    const key = `${p.name}\u0000${p.quote}`
    const entry = seen.get(key) ?? { persona: p, maps: [] }
    entry.maps.push(m.doc.map.name)
    seen.set(key, entry)
  }
  if (!seen.size) return <Nothing text={t('report.journeys.noPersona')} />
  return (
    <div className="report-personas">
      {[...seen.values()].map(({ persona: p, maps }) => (
        <article key={p.id} className="report-persona">
          <header>
            {p.photo ? <img src={p.photo} alt="" className="report-persona-photo" /> : <span className="report-persona-avatar" aria-hidden="true">{p.avatar}</span>}
            <div>
              <h3>{p.name}</h3>
              <p className="muted">{maps.join(' · ')}</p>
            </div>
          </header>
          {p.quote && <blockquote className="report-quote">{p.quote}</blockquote>}
          <dl>
            {(['demographics', 'goals', 'frustrations'] as const)
              .filter((k) => p[k])
              .map((k) => (
                <div key={k}>
                  <dt>{t(`journey.persona.${k}`)}</dt>
                  <dd className="pre-line">{p[k]}</dd>
                </div>
              ))}
          </dl>
        </article>
      ))}
    </div>
  )
}

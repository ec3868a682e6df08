import { useState } from 'react'
import type { Card, Evidence } from '../../../../../src-shared/domain/journeys/model'
import { filterToSearchParams } from '../../../../../src-shared/api/filters'
import { useApiQuery } from '../../../api/hooks'
import { hrefFor } from '../../../platform/router'
import { useI18n } from '../../../i18n/I18nProvider'
import { Button } from '../../../components/Button'

/** Feedback items and tags cited on a card as evidence: listed with their words, found by searching comments and tag names. */
export function EvidencePicker({ card, onChange, timezone }: { card: Card; onChange: (e: Evidence[]) => void; timezone: string }) {
  const { t, fmt } = useI18n()
  const [search, setSearch] = useState('')
  const [query, setQuery] = useState('')
  const ids = card.evidence.flatMap((e) => (e.kind === 'response' ? [e.responseId] : []))
  const cited = useApiQuery('journeys.evidence', { ids }, { enabled: ids.length > 0 })
  const found = useApiQuery('journeys.evidence', { text: query }, { enabled: query.length > 0 })
  const has = (e: Evidence) => card.evidence.some((x) => JSON.stringify(x) === JSON.stringify(e))
  const add = (e: Evidence) => !has(e) && onChange([...card.evidence, e])
  const remove = (e: Evidence) => onChange(card.evidence.filter((x) => JSON.stringify(x) !== JSON.stringify(e)))
  const responses = new Map((cited.data?.responses ?? []).map((r) => [r.id, r]))

  return (
    <section className="jm-evidence" aria-label={t('journey.evidence.title')}>
      <h3>{t('journey.evidence.title')}</h3>
      {card.evidence.length === 0 && <p className="muted">{t('journey.evidence.none')}</p>}
      <ul>
        {card.evidence.map((e) => {
          const key = e.kind === 'tag' ? `tag:${e.tag}` : `r:${e.responseId}`
          const r = e.kind === 'response' ? responses.get(e.responseId) : null
          return (
            <li key={key}>
              {e.kind === 'tag' ? (
                <a href={hrefFor('inbox', filterToSearchParams({ tag: [e.tag] }))}>{t('journey.evidence.tag', { tag: e.tag })}</a>
              ) : (
                <span lang={r?.language ?? undefined}>
                  {r ? `“${r.comment ?? t('inbox.noComment')}” – ${fmt.dateTime(r.submittedAt, timezone)}` : t('journey.evidence.gone', { id: e.responseId })}
                </span>
              )}
              <Button variant="ghost" aria-label={t('journey.evidence.remove')} onClick={() => remove(e)}>
                ×
              </Button>
            </li>
          )
        })}
      </ul>
      <form
        className="jm-form-row"
        role="search"
        onSubmit={(e) => {
          e.preventDefault()
          setQuery(search.trim())
        }}
      >
        <input value={search} maxLength={200} onChange={(e) => setSearch(e.target.value)} aria-label={t('journey.evidence.search')} placeholder={t('journey.evidence.search')} />
        <Button type="submit">{t('journey.evidence.find')}</Button>
      </form>
      {found.data && (
        <ul className="jm-evidence-results">
          {found.data.tags.map((tag) => (
            <li key={`t${tag.value}`}>
              <Button variant="ghost" disabled={has({ kind: 'tag', tag: tag.value })} onClick={() => add({ kind: 'tag', tag: tag.value })}>
                + {t('journey.evidence.tagWithN', { tag: tag.value, n: t.plural('count.responses', tag.n) })}
              </Button>
            </li>
          ))}
          {found.data.responses.map((r) => (
            <li key={r.id}>
              <Button variant="ghost" disabled={has({ kind: 'response', responseId: r.id })} onClick={() => add({ kind: 'response', responseId: r.id })}>
                + <span lang={r.language ?? undefined}>“{r.comment}”</span> <span className="muted">{[r.touchpoint, r.metric && r.score !== null ? `${t(`metric.${r.metric}`)} ${r.score}` : null].filter(Boolean).join(' · ')}</span>
              </Button>
            </li>
          ))}
          {found.data.tags.length === 0 && found.data.responses.length === 0 && <li className="muted">{t('journey.evidence.noMatch')}</li>}
        </ul>
      )}
    </section>
  )
}

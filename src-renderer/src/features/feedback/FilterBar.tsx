import { useState, type RefObject } from 'react'
import { filterListKeys, type FeedbackFilter } from '../../../../src-shared/api/filters'
import type { Facets } from '../../../../src-shared/api/feedback'
import { followUpStatuses, metricKinds, scoreBands } from '../../../../src-shared/domain/scores'
import { sentimentLabels } from '../../../../src-shared/domain/sentiment'
import type { MessageKey } from '../../../../src-shared/i18n/en'
import { useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { useDimValueLabel } from '../../i18n/channelLabels'
import { Button } from '../../components/Button'
import { DateField } from '../../components/DateField'

type ListKey = (typeof filterListKeys)[number]

const fixedValues: Partial<Record<ListKey, readonly string[]>> = {
  metric: metricKinds,
  band: scoreBands,
  status: followUpStatuses,
  sentiment: sentimentLabels,
}

/** How a filter value reads on screen: enums through the catalogue, channels by their labels, other data values as they are. */
export function useValueLabel() {
  const { t } = useI18n()
  const dimLabel = useDimValueLabel()
  return (key: ListKey, value: string): string => {
    if (key === 'metric') return t(`metric.${value}` as MessageKey)
    if (key === 'band') return t(`band.${value}` as MessageKey)
    if (key === 'status') return t(`status.${value}` as MessageKey)
    if (key === 'sentiment') return t(`sentiment.${value}` as MessageKey)
    if (key === 'language' && ['en', 'vi', 'th'].includes(value)) return t(`language.${value}` as MessageKey)
    return dimLabel(key, value)
  }
}

export function FilterBar({ filter, onChange, searchRef }: { filter: FeedbackFilter; onChange(f: FeedbackFilter): void; searchRef: RefObject<HTMLInputElement | null> }) {
  const { t } = useI18n()
  const facets = useApiQuery('feedback.facets', {}, { staleTime: 60_000 })
  const label = useValueLabel()
  const [dim, setDim] = useState<ListKey | ''>('')
  const [text, setText] = useState(filter.text ?? '')
  const [lastText, setLastText] = useState(filter.text ?? '')
  // The URL can change the search from outside (a saved view, back): follow it.
  if ((filter.text ?? '') !== lastText) {
    setLastText(filter.text ?? '')
    setText(filter.text ?? '')
  }
  const valuesFor = (key: ListKey): readonly string[] => fixedValues[key] ?? (facets.data ? facets.data[key as keyof Facets] : []) ?? []
  const add = (key: ListKey, value: string) => {
    const current = (filter[key] as string[] | undefined) ?? []
    if (!current.includes(value)) onChange({ ...filter, [key]: [...current, value] })
  }
  const remove = (key: ListKey, value: string) => {
    const rest = ((filter[key] as string[] | undefined) ?? []).filter((v) => v !== value)
    const next = { ...filter, [key]: rest }
    if (!rest.length) delete next[key]
    onChange(next)
  }
  const chips = filterListKeys.flatMap((key) => ((filter[key] as string[] | undefined) ?? []).map((value) => ({ key, value })))

  return (
    <div className="filter-bar">
      <form
        className="filter-row"
        role="search"
        onSubmit={(e) => {
          e.preventDefault()
          const next = { ...filter, text: text.trim() || undefined }
          if (!next.text) delete next.text
          onChange(next)
        }}
      >
        <input
          ref={searchRef}
          id="inbox-search"
          type="search"
          className="search-input"
          aria-label={t('inbox.search')}
          placeholder={t('inbox.searchPlaceholder')}
          value={text}
          maxLength={200}
          onChange={(e) => setText(e.target.value)}
        />
        <Button type="submit">{t('inbox.search')}</Button>
        <label className="inline-field">
          <span className="sr-only">{t('inbox.addFilter')}</span>
          <select aria-label={t('inbox.addFilter')} value={dim} onChange={(e) => setDim(e.target.value as ListKey | '')}>
            <option value="">{t('inbox.addFilter')}…</option>
            {filterListKeys.map((k) => (
              <option key={k} value={k}>
                {t(`filter.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {dim && (
          <select
            aria-label={t(`filter.${dim}`)}
            value=""
            onChange={(e) => {
              if (e.target.value) add(dim, e.target.value)
              setDim('')
            }}
          >
            <option value="">{t(`filter.${dim}`)}…</option>
            {valuesFor(dim).map((v) => (
              <option key={v} value={v}>
                {label(dim, v)}
              </option>
            ))}
          </select>
        )}
        <span className="date-range">
          <label className="inline-field">
            {t('inbox.from')}
            <DateField value={filter.from ?? ''} max={filter.to} onChange={(from) => onChange({ ...filter, from: from || undefined })} />
          </label>
          <label className="inline-field">
            {t('inbox.to')}
            <DateField value={filter.to ?? ''} min={filter.from} onChange={(to) => onChange({ ...filter, to: to || undefined })} />
          </label>
        </span>
      </form>
      {chips.length > 0 && (
        <ul className="chips" aria-label={t('inbox.addFilter')}>
          {chips.map(({ key, value }) => (
            <li key={`${key}=${value}`} className="chip">
              <span className="chip-key">{t(`filter.${key}`)}:</span> {label(key, value)}
              <button type="button" className="chip-remove" aria-label={t('inbox.removeFilter', { value: label(key, value) })} onClick={() => remove(key, value)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

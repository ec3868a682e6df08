import { comparisons, type Comparison } from '../../../../src-shared/api/metrics'
import type { Dimension, FeedbackFilter } from '../../../../src-shared/api/filters'
import { lastTwelveMonths, periodUnits, type PeriodUnit } from '../../../../src-shared/domain/periods'
import { useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { FilterPicker } from './FilterPicker'
import { spanRange, type ScoresParams } from './scoresParams'
import { defaultRange, type DataSpan } from '../../../../src-shared/domain/defaultView'
import { inboxHref } from './inboxLink'
import { DateField } from '../../components/DateField'

const FILTER_DIMS: Dimension[] = ['channel', 'touchpoint', 'stage', 'location', 'segment', 'language', 'tag', 'owner']

/** Period, date range, comparison and filters: the page's state, written to the URL so it is shared with the inbox. */
export function ScoresControls({ params, today, span, onChange }: { params: ScoresParams; today: string; span: DataSpan | null; onChange: (next: { by: PeriodUnit; compare: Comparison; filter: FeedbackFilter }) => void }) {
  const { t } = useI18n()
  const facets = useApiQuery('metrics.facets', {})
  const { by, compare, filter } = params
  const set = (patch: Partial<{ by: PeriodUnit; compare: Comparison; filter: FeedbackFilter }>) => onChange({ by, compare, filter, ...patch })
  const year = today.slice(0, 4)
  const presets: Record<string, { from: string; to: string }> = {
    recent: defaultRange(by, today, span),
    ...(span ? { allData: spanRange(span, by) } : {}),
    // The twelve months up to today, as reports and the journey map mean it.
    last12Months: lastTwelveMonths(today).range,
    thisYear: { from: `${year}-01-01`, to: `${year}-12-31` },
    lastYear: { from: `${Number(year) - 1}-01-01`, to: `${Number(year) - 1}-12-31` },
  }
  const preset = Object.entries(presets).find(([, r]) => r.from === filter.from && r.to === filter.to)?.[0] ?? 'custom'
  const activeFilters = FILTER_DIMS.filter((d) => filter[d]?.length)
  const others = (['band', 'metric', 'status', 'score', 'text'] as const).filter((k) => (Array.isArray(filter[k]) ? (filter[k] as unknown[]).length : filter[k]))
  return (
    <section className="scores-controls no-print" aria-label={t('controls.label')}>
      <div className="controls-row">
        <label className="control">
          <span>{t('controls.by')}</span>
          <select value={by} onChange={(e) => set({ by: e.target.value as PeriodUnit, filter: { ...filter, ...defaultRange(e.target.value as PeriodUnit, today, span) } })}>
            {periodUnits.map((u) => (
              <option key={u} value={u}>
                {t(`controls.unit.${u}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="control">
          <span>{t('controls.range')}</span>
          <select value={preset} onChange={(e) => presets[e.target.value] && set({ filter: { ...filter, ...presets[e.target.value] } })}>
            <option value="recent">{t(`controls.preset.recent.${by}`)}</option>
            {span && <option value="allData">{t('controls.preset.allData')}</option>}
            <option value="last12Months">{t('controls.preset.last12Months')}</option>
            <option value="thisYear">{t('controls.preset.thisYear')}</option>
            <option value="lastYear">{t('controls.preset.lastYear')}</option>
            <option value="custom" disabled={preset !== 'custom'}>
              {t('controls.preset.custom')}
            </option>
          </select>
        </label>
        <label className="control">
          <span>{t('controls.from')}</span>
          <DateField value={filter.from} max={filter.to} required onChange={(from) => set({ filter: { ...filter, from } })} />
        </label>
        <label className="control">
          <span>{t('controls.to')}</span>
          <DateField value={filter.to} min={filter.from} required onChange={(to) => set({ filter: { ...filter, to } })} />
        </label>
        <label className="control">
          <span>{t('controls.compare')}</span>
          <select value={compare} onChange={(e) => set({ compare: e.target.value as Comparison })}>
            {comparisons.map((c) => (
              <option key={c} value={c}>
                {t(`controls.compareWith.${c}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="controls-row">
        <span className="controls-label">{t('controls.filters')}</span>
        {FILTER_DIMS.map((d) => (
          <FilterPicker key={d} dim={d} values={facets.data?.values[d] ?? []} selected={filter[d] ?? []} onChange={(next) => set({ filter: { ...filter, [d]: next.length ? next : undefined } })} />
        ))}
        {(activeFilters.length > 0 || others.length > 0) && (
          <Button variant="ghost" onClick={() => set({ filter: { from: filter.from, to: filter.to } })}>
            {t('filters.clear')}
          </Button>
        )}
        <a className="controls-inbox" href={inboxHref(filter)}>
          {t('controls.openInbox')}
        </a>
      </div>
      {others.length > 0 && <p className="muted controls-note">{t('filters.others', { list: others.join(', ') })}</p>}
    </section>
  )
}

import type { ReactNode } from 'react'
import type { Dimension } from '../../../../../src-shared/api/filters'
import {
  commentModes,
  defaultSections,
  mapPaperSizes,
  orientations,
  paperSizes,
  periodPresets,
  reportKinds,
  reportSections,
  showsMaker,
  type MapPaperSize,
  type PeriodPreset,
  type ReportKind,
  type ReportOptions,
  type ReportSection,
} from '../../../../../src-shared/api/reports'
import { LocaleSelect } from '../../../components/LocaleSelect'
import { useApiQuery } from '../../../api/hooks'
import { useI18n } from '../../../i18n/I18nProvider'
import { ImagePicker } from '../../journeys/editor/ImagePicker'
import { FilterPicker } from '../../metrics/FilterPicker'
import { MetricSelect } from '../../metrics/MetricSelect'
import { DateField } from '../../../components/DateField'

const FILTER_DIMS: Dimension[] = ['channel', 'touchpoint', 'stage', 'location', 'segment', 'tag']
const MAP_SECTIONS: ReportSection[] = ['personas', 'journeys', 'findings', 'opportunities']
const LOGO_SIDE = 480

function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="report-fieldset">
      <legend>{legend}</legend>
      {children}
    </fieldset>
  )
}

/** Everything a report is made of: kind, sections, period, filter, language, paper, privacy, branding and maps. */
export function ReportBuilder({ options, today, onChange }: { options: ReportOptions; today: string; onChange: (next: ReportOptions) => void }) {
  const { t } = useI18n()
  const facets = useApiQuery('metrics.facets', {})
  const maps = useApiQuery('journeys.list', {})
  const set = (patch: Partial<ReportOptions>) => onChange({ ...options, ...patch })
  const { period, privacy, branding } = options
  const toggleSection = (s: ReportSection, on: boolean) => set({ sections: reportSections.filter((x) => (x === s ? on : options.sections.includes(x))) })
  const usesMaps = options.sections.some((s) => MAP_SECTIONS.includes(s))

  return (
    <form className="report-builder" aria-label={t('report.builder')} onSubmit={(e) => e.preventDefault()}>
      <Fieldset legend={t('report.field.kind')}>
        {reportKinds.map((k: ReportKind) => (
          <label key={k} className="report-choice">
            <input type="radio" name="report-kind" checked={options.kind === k} onChange={() => set({ kind: k, sections: [...defaultSections[k]] })} />
            <span>
              <strong>{t(`report.kind.${k}`)}</strong>
              <small className="muted">{t(`report.kind.${k}Hint`)}</small>
            </span>
          </label>
        ))}
      </Fieldset>

      <label className="field">
        <span>{t('report.field.title')}</span>
        <input type="text" value={options.title} maxLength={200} placeholder={t('report.field.titlePlaceholder')} onChange={(e) => set({ title: e.target.value })} />
      </label>

      <Fieldset legend={t('report.field.period')}>
        <div className="field">
          <select aria-label={t('report.field.period')} value={period.preset} onChange={(e) => set({ period: { preset: e.target.value as PeriodPreset, ...(e.target.value === 'custom' ? { from: period.from ?? today.slice(0, 8) + '01', to: period.to ?? today } : {}) } })}>
            {periodPresets.map((p) => (
              <option key={p} value={p}>
                {t(`report.preset.${p}`)}
              </option>
            ))}
          </select>
        </div>
        {period.preset === 'custom' && (
          <div className="report-row">
            <label className="field">
              <span>{t('report.field.from')}</span>
              <DateField value={period.from ?? ''} max={period.to} required onChange={(from) => set({ period: { ...period, from } })} />
            </label>
            <label className="field">
              <span>{t('report.field.to')}</span>
              <DateField value={period.to ?? ''} min={period.from} required onChange={(to) => set({ period: { ...period, to } })} />
            </label>
          </div>
        )}
      </Fieldset>

      <Fieldset legend={t('report.field.filter')}>
        <div className="report-pickers">
          {FILTER_DIMS.map((d) => (
            <FilterPicker key={d} dim={d} values={facets.data?.values[d] ?? []} selected={options.filter[d] ?? []} onChange={(next) => set({ filter: { ...options.filter, [d]: next.length ? next : undefined } })} />
          ))}
        </div>
      </Fieldset>

      <MetricSelect value={options.metric} onChange={(metric) => set({ metric })} label={t('report.field.metric')} />

      <Fieldset legend={t('report.field.sections')}>
        {reportSections.map((s) => (
          <label key={s} className="report-check">
            <input type="checkbox" checked={options.sections.includes(s)} onChange={(e) => toggleSection(s, e.target.checked)} />
            <span>{t(`report.section.${s}`)}</span>
          </label>
        ))}
      </Fieldset>

      {usesMaps && (
        <Fieldset legend={t('report.field.journeys')}>
          {maps.data?.maps.length === 0 && <p className="muted">{t('report.field.noJourneys')}</p>}
          <label className="report-check">
            <input type="checkbox" checked={options.journeyIds.length === 0} onChange={(e) => e.target.checked && set({ journeyIds: [] })} />
            <span>{t('report.field.allJourneys')}</span>
          </label>
          {maps.data?.maps.map((m) => (
            <label key={m.id} className="report-check">
              <input
                type="checkbox"
                checked={options.journeyIds.includes(m.id)}
                onChange={(e) => set({ journeyIds: e.target.checked ? [...options.journeyIds, m.id] : options.journeyIds.filter((x) => x !== m.id) })}
              />
              <span>
                {m.name} <small className="muted">{t(`journey.kind.${m.kind}`)}</small>
              </span>
            </label>
          ))}
          <label className="field">
            <span>{t('report.field.mapPaper')}</span>
            <select value={options.mapPaper ?? 'a4'} onChange={(e) => set({ mapPaper: e.target.value as MapPaperSize })}>
              {mapPaperSizes.map((p) => (
                <option key={p} value={p}>
                  {t(`report.mapPaper.${p}`)}
                </option>
              ))}
            </select>
          </label>
        </Fieldset>
      )}

      <Fieldset legend={t('report.format')}>
        <div className="report-row">
          <label className="field">
            <span>{t('report.field.language')}</span>
            <LocaleSelect value={options.locale} onChange={(locale) => set({ locale })} />
          </label>
          <label className="field">
            <span>{t('report.field.paper')}</span>
            <select value={options.paper} onChange={(e) => set({ paper: e.target.value as ReportOptions['paper'] })}>
              {paperSizes.map((p) => (
                <option key={p} value={p}>
                  {t(`report.paper.${p}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('report.field.orientation')}</span>
            <select value={options.orientation} onChange={(e) => set({ orientation: e.target.value as ReportOptions['orientation'] })}>
              {orientations.map((o) => (
                <option key={o} value={o}>
                  {t(`report.orientation.${o}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      </Fieldset>

      <Fieldset legend={t('report.field.privacy')}>
        <label className="report-check">
          <input type="checkbox" checked={privacy.maskContacts} onChange={(e) => set({ privacy: { ...privacy, maskContacts: e.target.checked } })} />
          <span>{t('report.field.maskContacts')}</span>
        </label>
        <label className="field">
          <span>{t('report.field.comments')}</span>
          <select value={privacy.comments} onChange={(e) => set({ privacy: { ...privacy, comments: e.target.value as ReportOptions['privacy']['comments'] } })}>
            {commentModes.map((m) => (
              <option key={m} value={m}>
                {t(`report.comments.${m}`)}
              </option>
            ))}
          </select>
        </label>
      </Fieldset>

      <Fieldset legend={t('report.field.branding')}>
        <label className="field">
          <span>{t('report.field.clientName')}</span>
          <input type="text" maxLength={200} value={branding.clientName} onChange={(e) => set({ branding: { ...branding, clientName: e.target.value } })} />
        </label>
        <ImagePicker label={t('report.field.clientLogo')} removeLabel={t('report.field.removeLogo')} value={branding.clientLogo} maxSide={LOGO_SIDE} previewClass="report-logo-preview" onChange={(v) => set({ branding: { ...branding, clientLogo: v } })} />
        <label className="field">
          <span>{t('report.field.consultantName')}</span>
          <input type="text" maxLength={200} value={branding.consultantName} onChange={(e) => set({ branding: { ...branding, consultantName: e.target.value } })} />
        </label>
        <ImagePicker
          label={t('report.field.consultantLogo')}
          removeLabel={t('report.field.removeLogo')}
          value={branding.consultantLogo}
          maxSide={LOGO_SIDE}
          previewClass="report-logo-preview"
          onChange={(v) => set({ branding: { ...branding, consultantLogo: v } })}
        />
        <label className="field report-accent">
          <span>{t('report.field.accent')}</span>
          <input type="color" value={branding.accent} onChange={(e) => set({ branding: { ...branding, accent: e.target.value } })} />
        </label>
        <label className="report-check">
          <input type="checkbox" checked={showsMaker(options)} aria-describedby="report-credit-hint" onChange={(e) => set({ branding: { ...branding, credit: e.target.checked } })} />
          <span>
            {t('report.field.credit')}
            <small id="report-credit-hint" className="muted">
              {t('report.field.creditHint')}
            </small>
          </span>
        </label>
      </Fieldset>
    </form>
  )
}

import { useState } from 'react'
import { ZoneSelect } from '../../components/ZoneSelect'
import { columnRoles, delimiters, textEncodings, type ColumnRole, type ImportMapping, type Inspection, type ScoreSpec } from '../../../../src-shared/api/imports'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { Notice } from '../../components/Notice'
import { presetScales, scaleId } from './scales'
import { DateOrderNotice, dateOrderNeeded } from './DateOrderNotice'
import { MetricOptions } from '../../components/MetricOptions'

const CUSTOMER_ROLES: ColumnRole[] = ['ignore', 'customerId', 'customerName', 'email', 'phone', 'segment', 'location', 'customerSince', 'churnedAt', 'consentFeedback', 'consentMarketing', 'consentDate']
const CUSTOMER_ONLY: ColumnRole[] = ['customerSince', 'churnedAt', 'consentFeedback', 'consentMarketing', 'consentDate']
const RESPONSE_ROLES = columnRoles.filter((r) => !CUSTOMER_ONLY.includes(r))
const DELIMITER_LABEL: Record<string, string> = { ',': ', (comma)', ';': '; (semicolon)', '\t': 'Tab', '|': '| (pipe)' }

export interface MappingStepProps {
  inspection: Inspection
  timezone: string
  onReinspect(opts: Partial<Pick<ImportMapping, 'encoding' | 'delimiter' | 'sheet' | 'headerRows'>>): void
  onRun(mapping: ImportMapping, dryRun: boolean, remember: boolean): void
  onCancel(): void
}

/** The mapping step: a preview of the first rows, what each column holds, and the choices the file leaves open. */
export function MappingStep({ inspection, timezone, onReinspect, onRun, onCancel }: MappingStepProps) {
  const { t } = useI18n()
  const [mapping, setMapping] = useState<ImportMapping>(inspection.mapping)
  const [remember, setRemember] = useState(true)
  const roles = mapping.kind === 'customers' ? CUSTOMER_ROLES : RESPONSE_ROLES
  const columnOf = (index: number) => mapping.columns.find((c) => c.index === index) ?? { index, role: 'ignore' as ColumnRole }
  const setColumn = (index: number, role: ColumnRole, score?: ScoreSpec) =>
    setMapping((m) => ({
      ...m,
      columns: [...m.columns.filter((c) => c.index !== index), score ? { index, role, score } : { index, role }].sort((a, b) => a.index - b.index),
    }))
  const dateCol = mapping.columns.find((c) => c.role === 'date')?.index
  const evidence = inspection.dateEvidence.find((e) => e.index === dateCol) ?? null
  const has = (role: ColumnRole) => mapping.columns.some((c) => c.role === role)
  const missing =
    mapping.kind === 'customers'
      ? !has('customerId') && !has('email')
        ? t('import.needCustomer')
        : null
      : !has('date')
        ? t('import.needDate')
        : !has('score') && !has('comment')
          ? t('import.needScore')
          : null
  const blocked = missing !== null || (mapping.kind === 'responses' && dateOrderNeeded(evidence, mapping.dateOrder))
  const oneClick = inspection.mappingSource !== 'guessed' && !blocked

  return (
    <div className="mapping">
      <Notice tone={inspection.mappingSource === 'guessed' ? 'info' : 'success'}>
        {inspection.mappingSource === 'remembered'
          ? t('import.remembered')
          : inspection.mapping.format
            ? t('import.recognised', { format: t(`format.${inspection.mapping.format}`) })
            : t('import.guessed')}
      </Notice>
      <div className="mapping-settings">
        <span>
          {t('import.file')}: <strong>{inspection.fileName}</strong>
        </span>
        {inspection.fileKind === 'csv' && (
          <>
            <label className="inline-field">
              {t('import.encoding')}
              <select value={inspection.encoding ?? 'utf-8'} onChange={(e) => onReinspect({ encoding: e.target.value as ImportMapping['encoding'], delimiter: inspection.delimiter ?? undefined })}>
                {textEncodings.map((enc) => (
                  <option key={enc} value={enc}>
                    {enc}
                  </option>
                ))}
              </select>
            </label>
            <label className="inline-field">
              {t('import.delimiter')}
              <select value={inspection.delimiter ?? ','} onChange={(e) => onReinspect({ delimiter: e.target.value as ImportMapping['delimiter'], encoding: inspection.encoding ?? undefined })}>
                {delimiters.map((d) => (
                  <option key={d} value={d}>
                    {DELIMITER_LABEL[d]}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        {inspection.sheets.length > 1 && (
          <label className="inline-field">
            {t('import.sheet')}
            <select value={mapping.sheet} onChange={(e) => onReinspect({ sheet: e.target.value })}>
              {inspection.sheets.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
        )}
        <label className="inline-field">
          {t('import.headerRows')}
          <select value={mapping.headerRows} onChange={(e) => onReinspect({ headerRows: Number(e.target.value), encoding: inspection.encoding ?? undefined, delimiter: inspection.delimiter ?? undefined, sheet: mapping.sheet })}>
            {[1, 2, 3].map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
      </div>
      {!inspection.encodingCertain && <p className="muted">{t('import.encodingGuess')}</p>}

      <div className="mapping-table-wrap">
        <table className="mapping-table" data-testid="mapping-table">
          <thead>
            <tr>
              {inspection.headers.map((h, i) => {
                const col = columnOf(i)
                return (
                  <th key={i} scope="col">
                    <div className="mapping-header" title={h}>
                      {h || t('import.column') + ` ${i + 1}`}
                    </div>
                    <select aria-label={`${t('import.role')}: ${h || i + 1}`} value={col.role} onChange={(e) => setColumn(i, e.target.value as ColumnRole, e.target.value === 'score' ? presetScales[0].spec ?? undefined : undefined)}>
                      {roles.map((r) => (
                        <option key={r} value={r}>
                          {t(`role.${r}`)}
                        </option>
                      ))}
                    </select>
                    {col.role === 'score' && <ScaleChooser spec={col.score} onChange={(spec) => setColumn(i, 'score', spec)} label={`${t('import.scale')}: ${h || i + 1}`} />}
                  </th>
                )
              })}
            </tr>
          </thead>
          <tbody>
            {inspection.preview.map((row, r) => (
              <tr key={r}>
                {inspection.headers.map((_, i) => (
                  <td key={i} className={columnOf(i).role === 'ignore' ? 'muted' : undefined}>
                    {(row[i] ?? '').slice(0, 120)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {mapping.kind === 'responses' && (
        <DateOrderNotice evidence={evidence} order={mapping.dateOrder} onChange={(dateOrder) => setMapping((m) => ({ ...m, dateOrder }))} />
      )}
      {mapping.kind === 'responses' && (
        <div className="field mapping-zone">
          <span>{t('import.zone')}</span>
          <ZoneSelect
            value={mapping.timezone ?? timezone}
            onChange={(zone) => setMapping((m) => ({ ...m, timezone: zone === timezone ? null : zone }))}
            label={t('import.zone')}
            testId="mapping-zone"
          />
          <small className="muted">{t('import.zoneHint', { zone: timezone })}</small>
        </div>
      )}

      {mapping.kind === 'responses' && (
        <fieldset className="mapping-defaults">
          <legend>{t('import.defaults')}</legend>
          {(['channel', 'touchpoint', 'location'] as const).map((k) => (
            <label key={k} className="inline-field">
              {t(k === 'channel' ? 'import.defaultChannel' : k === 'touchpoint' ? 'import.defaultTouchpoint' : 'import.defaultLocation')}
              <input
                value={mapping.defaults[k] ?? ''}
                maxLength={200}
                onChange={(e) => setMapping((m) => ({ ...m, defaults: { ...m.defaults, [k]: e.target.value || undefined } }))}
              />
            </label>
          ))}
        </fieldset>
      )}

      {missing && <Notice tone="error">{missing}</Notice>}
      <label className="checkbox">
        <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
        {t('import.remember')}
      </label>
      <div className="form-actions">
        <Button onClick={onCancel}>{t('import.cancel')}</Button>
        <Button variant={oneClick ? 'secondary' : 'primary'} disabled={blocked} onClick={() => onRun(mapping, true, remember)}>
          {t('import.check')}
        </Button>
        {oneClick && (
          <Button variant="primary" onClick={() => onRun(mapping, false, remember)}>
            {t(inspection.mappingSource === 'remembered' ? 'import.quick' : 'import.importNow')}
          </Button>
        )}
      </div>
    </div>
  )
}

function ScaleChooser({ spec, onChange, label }: { spec: ScoreSpec | undefined; onChange(spec: ScoreSpec | undefined): void; label: string }) {
  const { t } = useI18n()
  const id = scaleId(spec)
  return (
    <div className="scale-chooser">
      <select
        aria-label={label}
        value={id}
        onChange={(e) => {
          if (e.target.value === 'custom') onChange({ metric: 'csat', min: 1, max: 10, direction: 'higher_better' })
          else onChange(presetScales.find((p) => p.id === e.target.value)?.spec ?? undefined)
        }}
      >
        {presetScales.map((p) => (
          <option key={p.id} value={p.id}>
            {t(p.label)}
          </option>
        ))}
        <option value="custom">{t('scale.custom')}</option>
      </select>
      {id === 'custom' && spec && (
        <div className="scale-custom">
          <select aria-label={t('filter.metric')} value={spec.metric} onChange={(e) => onChange({ ...spec, metric: e.target.value as ScoreSpec['metric'] })}>
            <MetricOptions />
          </select>
          <input aria-label={t('scale.min')} type="number" value={spec.min} onChange={(e) => onChange({ ...spec, min: Number(e.target.value) })} />
          <input aria-label={t('scale.max')} type="number" value={spec.max} onChange={(e) => onChange({ ...spec, max: Number(e.target.value) })} />
          <label className="checkbox">
            <input type="checkbox" checked={spec.direction === 'lower_better'} onChange={(e) => onChange({ ...spec, direction: e.target.checked ? 'lower_better' : 'higher_better' })} />
            {t('scale.lowerBetter')}
          </label>
        </div>
      )}
    </div>
  )
}

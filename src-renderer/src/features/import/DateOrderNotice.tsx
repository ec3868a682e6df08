import type { DateEvidenceDto, DateOrder } from '../../../../src-shared/api/imports'
import { useI18n } from '../../i18n/I18nProvider'

/** The column's dates leave the order open: some read two ways, and nothing settles it (or the values contradict each other). */
export function dateOrderNeeded(ev: DateEvidenceDto | null, order: DateOrder | null): boolean {
  if (!ev || order) return false
  return ev.ambiguous > 0 || (ev.dayFirst > 0 && ev.monthFirst > 0)
}

/** Shows how the date column reads, and asks for the order whenever the file does not prove it. Never guessed silently. */
export function DateOrderNotice({ evidence, order, onChange }: { evidence: DateEvidenceDto | null; order: DateOrder | null; onChange(order: DateOrder | null): void }) {
  const { t } = useI18n()
  if (!evidence || (evidence.dayFirst === 0 && evidence.monthFirst === 0 && evidence.ambiguous === 0)) return null
  const conflict = evidence.dayFirst > 0 && evidence.monthFirst > 0
  const proven = !conflict && (evidence.dayFirst > 0 || evidence.monthFirst > 0)
  const example = evidence.examples.ambiguous ?? evidence.examples.dayFirst ?? evidence.examples.monthFirst ?? ''
  return (
    <div className={`date-order${dateOrderNeeded(evidence, order) ? ' date-order-needed' : ''}`} data-testid="date-order">
      {conflict && <p>{t('import.dateConflict', { dayFirst: evidence.examples.dayFirst ?? '', monthFirst: evidence.examples.monthFirst ?? '' })}</p>}
      {!conflict && proven && (
        <p>
          {t('import.dateSettled', {
            order: t(evidence.dayFirst > 0 ? 'import.dmy' : 'import.mdy'),
            example: evidence.examples.dayFirst ?? evidence.examples.monthFirst ?? '',
          })}
        </p>
      )}
      {!conflict && !proven && <p>{t('import.dateAmbiguous', { example })}</p>}
      <label className="inline-field">
        {t('import.dateOrder', { example })}
        <select value={order ?? ''} onChange={(e) => onChange(e.target.value ? (e.target.value as DateOrder) : null)}>
          <option value="">{t('import.dateChoose')}</option>
          <option value="dmy">{t('import.dmy')}</option>
          <option value="mdy">{t('import.mdy')}</option>
        </select>
      </label>
    </div>
  )
}

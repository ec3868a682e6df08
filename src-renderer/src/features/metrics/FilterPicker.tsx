import type { Dimension } from '../../../../src-shared/api/filters'
import { useI18n } from '../../i18n/I18nProvider'
import { useDimValueLabel } from '../../i18n/channelLabels'

/** A dimension's values to pick from (any of them), with how many responses each has. */
export function FilterPicker({ dim, values, selected, onChange }: { dim: Dimension; values: Array<{ value: string; n: number }>; selected: string[]; onChange: (next: string[]) => void }) {
  const { t, fmt } = useI18n()
  const valueLabel = useDimValueLabel()
  const label = t(`dim.${dim}`)
  // Values in the URL that the workspace no longer has stay visible, so they can be removed.
  const all = [...values, ...selected.filter((s) => !values.some((v) => v.value === s)).map((value) => ({ value, n: 0 }))]
  return (
    <details className="picker">
      <summary className={selected.length ? 'btn btn-secondary active' : 'btn btn-secondary'}>
        {selected.length ? t('filters.pickedCount', { dim: label, n: selected.length }) : label}
      </summary>
      <fieldset className="picker-list">
        <legend className="sr-only">{label}</legend>
        {all.length === 0 && <p className="muted">{t('filters.none')}</p>}
        {all.map((v) => (
          <label key={v.value} className="picker-item">
            <input
              type="checkbox"
              checked={selected.includes(v.value)}
              onChange={(e) => onChange(e.target.checked ? [...selected, v.value] : selected.filter((s) => s !== v.value))}
            />
            <span>{valueLabel(dim, v.value)}</span>
            <span className="muted">{fmt.integer(v.n)}</span>
          </label>
        ))}
      </fieldset>
    </details>
  )
}

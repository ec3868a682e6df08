import { metricKinds, type MetricKind } from '../../../../src-shared/domain/scores'
import { useI18n } from '../../i18n/I18nProvider'

export function MetricSelect({ value, onChange, label }: { value: MetricKind; onChange: (m: MetricKind) => void; label: string }) {
  const { t } = useI18n()
  return (
    <label className="control inline">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as MetricKind)}>
        {metricKinds.map((m) => (
          <option key={m} value={m}>
            {t(`metricName.${m}`)}
          </option>
        ))}
      </select>
    </label>
  )
}

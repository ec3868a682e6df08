import type { MetricKind } from '../../../../src-shared/domain/scores'
import { MetricOptions } from '../../components/MetricOptions'

export function MetricSelect({ value, onChange, label }: { value: MetricKind; onChange: (m: MetricKind) => void; label: string }) {
  return (
    <label className="control inline">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as MetricKind)}>
        <MetricOptions />
      </select>
    </label>
  )
}

import type { ScoreSpec } from '../../../../src-shared/api/imports'
import type { MessageKey } from '../../../../src-shared/i18n/en'

/** The standard scales offered for a score column (METRICS.md), plus "from the row's metric column" and custom. */
export const presetScales: ReadonlyArray<{ id: string; label: MessageKey; spec: ScoreSpec | null }> = [
  { id: 'nps', label: 'scale.nps', spec: { metric: 'nps', min: 0, max: 10, direction: 'higher_better' } },
  { id: 'csat5', label: 'scale.csat5', spec: { metric: 'csat', min: 1, max: 5, direction: 'higher_better' } },
  { id: 'cesAgree7', label: 'scale.cesAgree7', spec: { metric: 'ces', min: 1, max: 7, direction: 'higher_better' } },
  { id: 'cesAgree5', label: 'scale.cesAgree5', spec: { metric: 'ces', min: 1, max: 5, direction: 'higher_better' } },
  { id: 'cesEffort5', label: 'scale.cesEffort5', spec: { metric: 'ces', min: 1, max: 5, direction: 'lower_better' } },
  { id: 'perRow', label: 'scale.perRow', spec: null },
]

export function scaleId(spec: ScoreSpec | undefined): string {
  if (!spec) return 'perRow'
  const preset = presetScales.find((p) => p.spec && p.spec.metric === spec.metric && p.spec.min === spec.min && p.spec.max === spec.max && p.spec.direction === spec.direction)
  return preset?.id ?? 'custom'
}

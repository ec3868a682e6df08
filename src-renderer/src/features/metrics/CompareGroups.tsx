import { useState } from 'react'
import type { Dimension, FeedbackFilter } from '../../../../src-shared/api/filters'
import type { MetricKind } from '../../../../src-shared/domain/scores'
import { useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { useDimValueLabel } from '../../i18n/channelLabels'
import { useScoreFormat } from './useScoreFormat'

/** Two groups side by side, saying whether the difference exceeds their combined margin of error. */
export function CompareGroups({ metric, dim, groups, filter }: { metric: MetricKind; dim: Dimension; groups: string[]; filter: FeedbackFilter }) {
  const { t, fmt } = useI18n()
  const f = useScoreFormat()
  const valueLabel = useDimValueLabel()
  const [a, setA] = useState('')
  const [b, setB] = useState('')
  const ready = a !== '' && b !== '' && a !== b
  const result = useApiQuery('metrics.compare', { metric, a: { ...filter, [dim]: [a] }, b: { ...filter, [dim]: [b] } }, { enabled: ready })
  if (groups.length < 2) return null
  const pick = (value: string, set: (v: string) => void, label: string) => (
    <label className="control inline">
      <span>{label}</span>
      <select value={value} onChange={(e) => set(e.target.value)}>
        <option value="">{t('compare.choose')}</option>
        {groups.map((g) => (
          <option key={g} value={g}>
            {valueLabel(dim, g)}
          </option>
        ))}
      </select>
    </label>
  )
  const c = ready ? result.data : undefined
  return (
    <details className="compare-groups no-print">
      <summary>{t('compare.title', { dim: t(`dim.${dim}`) })}</summary>
      <div className="controls-row">
        {pick(a, setA, t('compare.a'))}
        {pick(b, setB, t('compare.b'))}
      </div>
      {c && (
        <p role="status" data-testid={`compare-${dim}`}>
          {t('compare.result', { a: valueLabel(dim, a), va: f.value(metric, c.a.value), na: fmt.integer(c.a.n), b: valueLabel(dim, b), vb: f.value(metric, c.b.value), nb: fmt.integer(c.b.n) })}{' '}
          {c.change === null
            ? t('compare.noData')
            : c.change.significant === true
              ? t('compare.significant', { delta: f.delta(metric, c.change.delta), moe: fmt.number(c.change.moe95 ?? 0, 1) })
              : c.change.significant === false
                ? t('compare.notSignificant', { delta: f.delta(metric, c.change.delta), moe: fmt.number(c.change.moe95 ?? 0, 1) })
                : t(c.change.reason === 'noMargin' ? 'tiles.notTested' : 'tiles.tooFew')}
        </p>
      )}
    </details>
  )
}

import { useCallback } from 'react'
import type { Statement } from '../../../../../src-shared/api/reports'
import { useI18n } from '../../../i18n/I18nProvider'
import { useDimValueLabel } from '../../../i18n/channelLabels'
import { useReportFormat } from './useReportFormat'

/** One "what changed" statement worded from the catalogue, with its figures formatted as the rest of the report prints them. */
export function useStatementText(): (s: Statement) => string {
  const { t, fmt } = useI18n()
  const f = useReportFormat()
  const valueLabel = useDimValueLabel()
  return useCallback(
    (s: Statement) => {
      switch (s.kind) {
        case 'change': {
          const params = { metric: f.name(s.metric), value: f.value(s.metric, s.value), previous: f.value(s.metric, s.previous), delta: f.delta(s.metric, s.delta), moe: f.moe(s.metric, s.moe95), n: fmt.integer(s.n), previousN: fmt.integer(s.previousN) }
          // A median is judged by its 95% intervals, not by a margin of error.
          const { current, previous } = s.intervals ?? { current: null, previous: null }
          if (s.significant !== null && current && previous) {
            const range = ([low, high]: readonly [number, number]) => t('ttr.interval', { low: fmt.number(low, 1), high: f.value('ttr', high) })
            return t(s.significant ? 'report.say.change.intervalsApart' : 'report.say.change.intervalsOverlap', { ...params, interval: range(current), previousInterval: range(previous) })
          }
          if (s.significant === true) return t('report.say.change.significant', params)
          if (s.significant === false) return t('report.say.change.notSignificant', params)
          return t(s.reason === 'lowSample' ? 'report.say.change.lowSample' : 'report.say.change.noMargin', params)
        }
        case 'level':
          return s.lowSample
            ? t('report.say.levelLow', { metric: f.name(s.metric), value: f.value(s.metric, s.value), n: t.plural('count.responses', s.n) })
            : t('report.say.level', { metric: f.name(s.metric), value: f.value(s.metric, s.value), n: fmt.integer(s.n) })
        case 'driver':
          return t('report.say.driver', {
            dim: t(`dim.${s.dim}`),
            group: valueLabel(s.dim, s.group),
            metric: f.name(s.metric),
            value: f.value(s.metric, s.value),
            rest: f.value(s.metric, s.rest),
            n: t.plural('count.responses', s.n),
            impact: f.effect(s.metric, s.impact),
          })
        case 'followUp':
          return s.resolved > 0
            ? t('report.say.followUp', { waiting: t.plural('report.say.waiting', s.openPoor), resolved: t.plural('report.say.resolved', s.resolved), median: f.value('ttr', s.medianHours), p90: f.value('ttr', s.p90Hours) })
            : t.plural('report.say.followUpNoneResolved', s.openPoor)
        case 'theme':
          return t('report.say.theme', { tag: s.tag, count: t.plural('count.responses', s.count), share: fmt.percent(s.share) })
      }
    },
    [t, fmt, f, valueLabel],
  )
}

import { useMemo } from 'react'
import type { DashboardMetric } from '../../../../src-shared/api/metrics'
import type { PeriodUnit } from '../../../../src-shared/domain/periods'
import { useI18n } from '../../i18n/I18nProvider'

/** How the Scores page writes periods and figures, in the UI language. */
export function useScoreFormat() {
  const { t, fmt } = useI18n()
  return useMemo(() => {
    const period = (start: string, by: PeriodUnit | null): string => {
      switch (by) {
        case 'day':
          return fmt.day(start)
        case 'week':
          return t('period.week', { date: fmt.day(start) })
        case 'month':
          return fmt.month(start)
        case 'quarter':
          return t('period.quarter', { q: Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1, year: fmt.year(start) })
        case 'year':
          return fmt.year(start)
        default:
          return start
      }
    }
    /** A metric's value as people read it: NPS signed, CSAT and rates in %, CES on its scale, TTR in hours. */
    const value = (metric: DashboardMetric, v: number | null): string => {
      if (v === null) return t('common.notAvailable')
      switch (metric) {
        case 'nps':
          return fmt.signed(v, 1)
        case 'ces':
          return fmt.number(v, 2)
        case 'ttr':
          return t('ttr.hours', { n: fmt.number(v, 1) })
        default:
          return fmt.percentValue(v)
      }
    }
    /** A difference in the metric's own unit: NPS and CES in points, the rest in percentage points or hours. */
    const delta = (metric: DashboardMetric, d: number): string => {
      switch (metric) {
        case 'nps':
          return fmt.signed(d, 1)
        case 'ces':
          return fmt.signed(d, 2)
        case 'ttr':
          return t('ttr.hours', { n: fmt.signed(d, 1) })
        default:
          return t('change.points', { n: fmt.signed(d, 1) })
      }
    }
    const name = (metric: DashboardMetric): string => t(`metricName.${metric}`)
    return { period, value, delta, name }
  }, [t, fmt])
}

import { useCallback } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { useScoreFormat } from './useScoreFormat'

/** A time to resolution's 95% interval in hours ("8 – 16 h"), or "not available" when too few items are resolved for one. Tables keep it on one line (class "interval"). */
export function useHoursInterval() {
  const { t, fmt } = useI18n()
  const f = useScoreFormat()
  return useCallback((low: number | null, high: number | null) => (low === null || high === null ? t('common.notAvailable') : t('ttr.interval', { low: fmt.number(low, 1), high: f.value('ttr', high) })), [t, fmt, f])
}

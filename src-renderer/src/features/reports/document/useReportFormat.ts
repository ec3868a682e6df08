import { useMemo } from 'react'
import { useI18n } from '../../../i18n/I18nProvider'
import { useScoreFormat } from '../../metrics/useScoreFormat'

/** How a report writes its figures: the Scores page's formats, plus date ranges, margins and effects. */
export function useReportFormat() {
  const { t, fmt } = useI18n()
  const score = useScoreFormat()
  return useMemo(
    () => ({
      ...score,
      range: (r: { from: string; to: string }) => (r.from === r.to ? fmt.day(r.from) : t('range.fromTo', { from: fmt.day(r.from), to: fmt.day(r.to) })),
      /** A margin of error in the metric's unit (CES on its scale, the rest in points). */
      /** A driver's effect on the overall score, signed as the Scores page shows it (negative: pulls it down). */
      effect: (metric: string, impact: number) => fmt.signed(-impact, metric === 'ces' ? 2 : 1),
      moe: (metric: string, moe: number | null) => (moe === null ? t('common.notAvailable') : fmt.number(moe, metric === 'ces' ? 2 : 1)),
    }),
    [score, t, fmt],
  )
}

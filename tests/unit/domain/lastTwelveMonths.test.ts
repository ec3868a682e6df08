import { describe, expect, it } from 'vitest'
import { lastTwelveMonths } from '../../../src-shared/domain/periods'
import { resolveReportPeriod } from '../../../src-main/reports/reportPeriod'
import { periodRange } from '../../../src-renderer/src/features/journeys/scores/liveScores'

describe('"Last 12 months"', () => {
  it('is the twelve months up to and including today, against the twelve before', () => {
    expect(lastTwelveMonths('2026-12-03')).toEqual({ range: { from: '2025-12-04', to: '2026-12-03' }, previous: { from: '2024-12-04', to: '2025-12-03' } })
    // The last day of a year, and the first.
    expect(lastTwelveMonths('2026-12-31').range).toEqual({ from: '2026-01-01', to: '2026-12-31' })
    expect(lastTwelveMonths('2026-01-01').range).toEqual({ from: '2025-01-02', to: '2026-01-01' })
  })

  it('handles 29 February on both ends', () => {
    expect(lastTwelveMonths('2024-02-29')).toEqual({ range: { from: '2023-03-01', to: '2024-02-29' }, previous: { from: '2022-03-01', to: '2023-02-28' } })
    expect(lastTwelveMonths('2025-03-01').range).toEqual({ from: '2024-03-02', to: '2025-03-01' })
    expect(lastTwelveMonths('2025-02-28').range).toEqual({ from: '2024-02-29', to: '2025-02-28' })
  })

  it('means the same in reports and on the journey map’s live scores', () => {
    for (const today of ['2026-12-03', '2024-02-29', '2026-01-01']) {
      const { range, previous } = lastTwelveMonths(today)
      expect(resolveReportPeriod({ preset: 'last12Months' }, today, { first: null, last: null })).toEqual({ range, comparison: previous })
      expect(periodRange('12m', today)).toEqual({ current: range, previous })
    }
  })
})

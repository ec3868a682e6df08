import { describe, expect, it } from 'vitest'
import { resolveReportPeriod, trendWindow } from '../../../src-main/reports/reportPeriod'

const span = { first: '2024-11-23', last: '2026-11-21' }
const today = '2026-11-22'

describe('report periods', () => {
  it('resolves presets relative to the day the report is made, so a template makes next month’s report', () => {
    expect(resolveReportPeriod({ preset: 'lastMonth' }, today, span)).toEqual({ range: { from: '2026-10-01', to: '2026-10-31' }, comparison: { from: '2026-09-01', to: '2026-09-30' } })
    expect(resolveReportPeriod({ preset: 'lastMonth' }, '2026-12-03', span).range).toEqual({ from: '2026-11-01', to: '2026-11-30' })
    expect(resolveReportPeriod({ preset: 'thisMonth' }, today, span)).toEqual({ range: { from: '2026-11-01', to: '2026-11-22' }, comparison: { from: '2026-10-01', to: '2026-10-31' } })
    expect(resolveReportPeriod({ preset: 'lastQuarter' }, today, span)).toEqual({ range: { from: '2026-07-01', to: '2026-09-30' }, comparison: { from: '2026-04-01', to: '2026-06-30' } })
    expect(resolveReportPeriod({ preset: 'last30' }, today, span)).toEqual({ range: { from: '2026-10-24', to: '2026-11-22' }, comparison: { from: '2026-09-24', to: '2026-10-23' } })
    expect(resolveReportPeriod({ preset: 'yearToDate' }, today, span)).toEqual({ range: { from: '2026-01-01', to: '2026-11-22' }, comparison: { from: '2025-01-01', to: '2025-11-22' } })
    expect(resolveReportPeriod({ preset: 'lastYear' }, today, span).range).toEqual({ from: '2025-01-01', to: '2025-12-31' })
    // The twelve months up to today (lastTwelveMonths), against the twelve before: not from the 1st of a month 11 months ago.
    expect(resolveReportPeriod({ preset: 'last12Months' }, today, span)).toEqual({ range: { from: '2025-11-23', to: '2026-11-22' }, comparison: { from: '2024-11-23', to: '2025-11-22' } })
  })

  it('covers all data without a comparison, and custom dates against the days just before', () => {
    expect(resolveReportPeriod({ preset: 'all' }, today, span)).toEqual({ range: { from: '2024-11-23', to: '2026-11-21' }, comparison: null })
    expect(resolveReportPeriod({ preset: 'all' }, today, { first: null, last: null }).range).toEqual({ from: today, to: today })
    expect(resolveReportPeriod({ preset: 'custom', from: '2026-03-01', to: '2026-03-10' }, today, span).comparison).toEqual({ from: '2026-02-19', to: '2026-02-28' })
    expect(() => resolveReportPeriod({ preset: 'custom', from: '2026-03-10', to: '2026-03-01' }, today, span)).toThrow(/before/)
    expect(() => resolveReportPeriod({ preset: 'custom' }, today, span)).toThrow(/first and a last day/)
  })

  it('widens a short period’s trend to the year before it, in months; long periods keep their own span', () => {
    expect(trendWindow({ from: '2026-10-01', to: '2026-10-31' }, '2024-11-23')).toEqual({ window: { from: '2025-11-01', to: '2026-10-31' }, by: 'month' })
    expect(trendWindow({ from: '2026-10-01', to: '2026-10-31' }, '2026-09-15')).toEqual({ window: { from: '2026-09-15', to: '2026-10-31' }, by: 'week' })
    expect(trendWindow({ from: '2024-01-01', to: '2026-10-31' }, '2024-01-01')).toEqual({ window: { from: '2024-01-01', to: '2026-10-31' }, by: 'month' })
    expect(trendWindow({ from: '2020-01-01', to: '2026-10-31' }, '2020-01-01').by).toBe('quarter')
  })
})

import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { dateOfDayNumber, dayNumber, isoWeekKey, periodKey, periodStart, periodUnits } from '../../../src-shared/domain/periods'

describe('periods', () => {
  it('cuts ISO weeks with Monday first and week 1 holding the first Thursday', () => {
    expect(isoWeekKey('2020-12-31')).toBe('2020-W53')
    expect(isoWeekKey('2021-01-03')).toBe('2020-W53') // a Sunday still in 2020's last week
    expect(isoWeekKey('2021-01-04')).toBe('2021-W01') // Monday
    expect(isoWeekKey('2024-12-30')).toBe('2025-W01') // Monday of the week holding 2 Jan 2025
    expect(isoWeekKey('2025-06-15')).toBe('2025-W24')
    expect(isoWeekKey('2026-01-01')).toBe('2026-W01')
    expect(isoWeekKey('1970-01-01')).toBe('1970-W01')
  })

  it('cuts months, quarters and years', () => {
    expect(periodKey('2025-03-31', 'month')).toBe('2025-03')
    expect(periodKey('2025-03-31', 'quarter')).toBe('2025-Q1')
    expect(periodKey('2025-04-01', 'quarter')).toBe('2025-Q2')
    expect(periodKey('2025-12-31', 'quarter')).toBe('2025-Q4')
    expect(periodKey('2025-12-31', 'year')).toBe('2025')
  })

  it('gives each period a start date that falls in the same period, and no day after it', () => {
    const dates = fc.integer({ min: dayNumber('1990-01-01'), max: dayNumber('2060-12-31') }).map(dateOfDayNumber)
    fc.assert(
      fc.property(dates, fc.constantFrom(...periodUnits), (date, unit) => {
        const key = periodKey(date, unit)
        const start = periodStart(key, unit)
        expect(periodKey(start, unit)).toBe(key)
        expect(start <= date).toBe(true)
        // The day before the start belongs to an earlier period.
        expect(periodKey(dateOfDayNumber(dayNumber(start) - 1), unit) < key).toBe(true)
      }),
    )
  })
})

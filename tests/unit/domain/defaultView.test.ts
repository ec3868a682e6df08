import { describe, expect, it } from 'vitest'
import { defaultPeriod, defaultRange, isPartial, sameDaysOf } from '../../../src-shared/domain/defaultView'

const TODAY = '2025-12-01'

describe('the default view opens where the data is', () => {
  it('a file ending in October, opened in December: October, the last complete month with data, not the empty December', () => {
    expect(defaultPeriod('month', TODAY, { first: '2024-03-04', last: '2025-10-30' })).toEqual({ key: '2025-10', partial: false })
    expect(defaultRange('month', TODAY, { first: '2024-03-04', last: '2025-10-30' })).toEqual({ from: '2024-11-01', to: '2025-10-31' })
    expect(defaultPeriod('quarter', TODAY, { first: '2024-03-04', last: '2025-10-30' })).toEqual({ key: '2025-Q3', partial: false })
    expect(defaultPeriod('year', TODAY, { first: '2024-03-04', last: '2025-10-30' })).toEqual({ key: '2024', partial: false })
  })

  it('data reaching today: the last complete period (November), not the one day of December so far', () => {
    expect(defaultPeriod('month', TODAY, { first: '2025-01-01', last: '2025-12-01' })).toEqual({ key: '2025-11', partial: false })
    expect(defaultPeriod('week', TODAY, { first: '2025-01-01', last: '2025-12-01' })).toEqual({ key: '2025-W48', partial: false })
  })

  it('all the data inside the current period: that period, marked as running', () => {
    expect(defaultPeriod('month', '2025-12-20', { first: '2025-12-02', last: '2025-12-19' })).toEqual({ key: '2025-12', partial: true })
  })

  it('an empty workspace: the period holding today', () => {
    expect(defaultPeriod('month', TODAY, null)).toEqual({ key: '2025-12', partial: true })
    expect(defaultRange('month', TODAY, null)).toEqual({ from: '2025-01-01', to: '2025-12-31' })
  })

  it('a running period is compared with the same days of the other period, never with all of it', () => {
    expect(isPartial({ from: '2025-12-01', to: '2025-12-31' }, '2025-12-10')).toBe(true)
    expect(isPartial({ from: '2025-12-01', to: '2025-12-31' }, '2025-12-31')).toBe(false)
    expect(isPartial({ from: '2025-11-01', to: '2025-11-30' }, '2025-12-10')).toBe(false)
    expect(sameDaysOf({ from: '2025-11-01', to: '2025-11-30' }, { from: '2025-12-01', to: '2025-12-10' })).toEqual({ from: '2025-11-01', to: '2025-11-10' })
    // 1–31 March so far against February: all of February, not past its end.
    expect(sameDaysOf({ from: '2025-02-01', to: '2025-02-28' }, { from: '2025-03-01', to: '2025-03-30' })).toEqual({ from: '2025-02-01', to: '2025-02-28' })
  })
})

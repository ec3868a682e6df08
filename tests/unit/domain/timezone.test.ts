import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { currentZoneName, isValidTimeZone, localDateConverter, systemTimeZone, zoneOffsetMinutes } from '../../../src-shared/domain/timezone'

const exactLocalDate = (tz: string, ms: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms)

describe('local dates in a time zone', () => {
  it('knows fixed-offset zones (no daylight saving)', () => {
    expect(zoneOffsetMinutes('Asia/Bangkok', Date.UTC(2025, 0, 1))).toBe(420)
    expect(zoneOffsetMinutes('Asia/Ho_Chi_Minh', Date.UTC(2025, 6, 1))).toBe(420)
    const toDate = localDateConverter('Asia/Bangkok')
    expect(toDate(Date.UTC(2025, 0, 31, 16, 59))).toBe('2025-01-31')
    expect(toDate(Date.UTC(2025, 0, 31, 17, 0))).toBe('2025-02-01')
  })

  it('follows daylight-saving transitions (America/New_York, Europe/London, Australia/Lord_Howe)', () => {
    const ny = localDateConverter('America/New_York')
    // 2025-03-09 02:00 EST → EDT. 04:30 UTC is 23:30 on the 8th (EST); 04:30 UTC on the 10th is 00:30 EDT on the 10th.
    expect(ny(Date.UTC(2025, 2, 9, 4, 30))).toBe('2025-03-08')
    expect(ny(Date.UTC(2025, 2, 10, 4, 30))).toBe('2025-03-10')
    const london = localDateConverter('Europe/London')
    // 2025-10-26 BST ends. 23:30 UTC on 25 Oct is 00:30 BST on the 26th; 23:30 UTC on the 26th is 23:30 GMT on the 26th.
    expect(london(Date.UTC(2025, 9, 25, 23, 30))).toBe('2025-10-26')
    expect(london(Date.UTC(2025, 9, 26, 23, 30))).toBe('2025-10-26')
  })

  it('agrees with Intl at every instant, including around transitions, in several zones', () => {
    const zones = ['Asia/Bangkok', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Chatham']
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), (tz, ms) => {
        expect(localDateConverter(tz)(ms)).toBe(exactLocalDate(tz, ms))
      }),
      { numRuns: 3000 },
    )
  })

  it('validates zone names and prefers current names', () => {
    expect(isValidTimeZone('Asia/Bangkok')).toBe(true)
    expect(isValidTimeZone('Mars/Olympus')).toBe(false)
    expect(currentZoneName('Asia/Saigon')).toBe('Asia/Ho_Chi_Minh')
    expect(systemTimeZone('Asia/Bangkok')).toBe('Asia/Bangkok')
    expect(systemTimeZone('Not/AZone')).toBe(currentZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone))
  })
})

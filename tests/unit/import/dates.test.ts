import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { addDateEvidence, emptyEvidence, needsOrderChoice, orderFromEvidence, parseDate } from '../../../src-shared/domain/dateText'

const BKK = 'Asia/Bangkok'
const at = (text: string, order: 'dmy' | 'mdy' | null = null, tz = BKK) => parseDate(text, order, tz)?.epochMs ?? null

describe('parseDate', () => {
  it('reads ISO 8601 with and without offset (naive times in the workspace zone)', () => {
    expect(at('2025-03-01T10:00:00Z')).toBe(Date.UTC(2025, 2, 1, 10))
    expect(at('2025-03-01T10:00:00+07:00')).toBe(Date.UTC(2025, 2, 1, 3))
    expect(at('2025-03-01 10:00')).toBe(Date.UTC(2025, 2, 1, 3))
    expect(at('2025-03-01')).toBe(Date.UTC(2025, 1, 28, 17))
    expect(parseDate('2025-03-01 10:00', null, BKK)?.offsetMinutes).toBe(420)
  })

  it("reads Google Forms' yyyy/mm/dd h:mm:ss AM GMT+7", () => {
    expect(at('2025/03/01 10:22:33 AM GMT+7')).toBe(Date.UTC(2025, 2, 1, 3, 22, 33))
    expect(at('2025/03/01 12:05:00 AM GMT+7')).toBe(Date.UTC(2025, 1, 28, 17, 5))
    expect(at('2025/03/01 12:05:00 PM GMT-5')).toBe(Date.UTC(2025, 2, 1, 17, 5))
  })

  it('reads d/m/yyyy and m/d/yyyy hh:mm:ss AM only in the order given, and refuses impossible dates', () => {
    expect(at('3/4/2025', 'dmy')).toBe(Date.UTC(2025, 3, 2, 17))
    expect(at('3/4/2025', 'mdy')).toBe(Date.UTC(2025, 2, 3, 17))
    expect(at('03/04/2025 09:30:00 PM', 'mdy')).toBe(Date.UTC(2025, 2, 4, 14, 30))
    expect(at('3/4/2025', null)).toBeNull()
    expect(at('13/4/2025', null)).toBe(Date.UTC(2025, 3, 12, 17))
    expect(at('13/4/2025', 'mdy')).toBeNull()
    expect(at('31/4/2025', 'dmy')).toBeNull()
    expect(at('29/2/2025', 'dmy')).toBeNull()
    expect(at('29/2/2024', 'dmy')).not.toBeNull()
  })

  it('reads Thai Buddhist-era years (2568 = 2025) and Vietnamese SA / CH for AM / PM', () => {
    expect(at('15/01/2568', 'dmy')).toBe(at('15/01/2025', 'dmy'))
    expect(at('2568-01-15')).toBe(at('2025-01-15'))
    expect(at('1/2/2025 2:30 CH', 'dmy')).toBe(Date.UTC(2025, 1, 1, 7, 30))
  })

  it('reads Unix seconds and milliseconds, and named months', () => {
    expect(at('1740800000')).toBe(1_740_800_000_000)
    expect(at('1740800000123')).toBe(1_740_800_000_123)
    expect(at('1 Mar 2025')).toBe(Date.UTC(2025, 1, 28, 17))
    expect(at('Mar 1, 2025 10:00 AM')).toBe(Date.UTC(2025, 2, 1, 3))
    expect(at('12345')).toBeNull()
    expect(at('yesterday')).toBeNull()
  })

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.constantFrom('dmy' as const, 'mdy' as const, null), (s, order) => {
        const r = parseDate(s, order, BKK)
        expect(r === null || Number.isFinite(r.epochMs)).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('the date order of a column is settled by its values, never guessed', () => {
  const evidence = (values: string[]) => {
    const ev = emptyEvidence()
    for (const v of values) addDateEvidence(ev, v)
    return ev
  }
  it('a day above 12 anywhere proves day-first', () => {
    const ev = evidence(['3/4/2025', '5/6/2025', '25/6/2025'])
    expect(orderFromEvidence(ev)).toBe('dmy')
    expect(needsOrderChoice(ev)).toBe(false)
  })
  it('only ambiguous values leave the choice to the user, with an example', () => {
    const ev = evidence(['3/4/2025', '5/6/2025'])
    expect(orderFromEvidence(ev)).toBeNull()
    expect(needsOrderChoice(ev)).toBe(true)
    expect(ev.examples.ambiguous).toBe('3/4/2025')
  })
  it('values that contradict each other settle nothing', () => {
    const ev = evidence(['25/6/2025', '6/25/2025'])
    expect(orderFromEvidence(ev)).toBeNull()
  })
  it('ISO dates need no choice', () => {
    const ev = evidence(['2025-03-04', '2025-04-03'])
    expect(needsOrderChoice(ev)).toBe(false)
  })
})

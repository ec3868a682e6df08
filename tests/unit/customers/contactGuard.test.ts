import { describe, expect, it } from 'vitest'
import { DEFAULT_CONTACT_RULES, addDays, consentAllows, dayNumbers, daysBetween, firstSurveyViolation, guardViolations, resolveConsent } from '../../../src-main/customers/contactRules'

const rules = DEFAULT_CONTACT_RULES
const survey = { kind: 'survey', purpose: 'feedback' } as const
const call = { kind: 'call', purpose: 'feedback' } as const
const facts = (surveys: string[], others: string[] = [], consent: 'given' | 'withdrawn' | 'unknown' = 'unknown') => ({ consent, surveys, contacts: [...surveys, ...others] })

describe('the contact-frequency guard', () => {
  it('counts calendar days between local dates', () => {
    expect(daysBetween('2026-03-01', '2026-05-30')).toBe(90)
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1)
    expect(addDays('2026-03-01', 90)).toBe('2026-05-30')
    // Across a daylight-saving change the day count stays whole.
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2)
  })

  it('refuses a survey within 90 days of the last one, and allows it at exactly 90', () => {
    expect(guardViolations(facts(['2026-03-01']), survey, '2026-05-29', rules)).toEqual([{ rule: 'recentSurvey', lastDate: '2026-03-01', allowedFrom: '2026-05-30' }])
    expect(guardViolations(facts(['2026-03-01']), survey, '2026-05-30', rules)).toEqual([])
    // the latest survey within the gap is the one named
    expect(guardViolations(facts(['2026-02-01', '2026-04-01', '2026-03-01']), survey, '2026-05-29', rules)[0]).toMatchObject({ lastDate: '2026-04-01', allowedFrom: '2026-06-30' })
    // a call is not a survey: the 90-day rule does not apply to it
    expect(guardViolations(facts(['2026-05-28']), call, '2026-05-29', rules)).toEqual([])
    // a survey entered ahead of time counts too
    expect(guardViolations(facts(['2026-06-10']), survey, '2026-05-29', rules)).toHaveLength(1)
  })

  it('allows three contacts in 30 days and refuses the fourth; a contact exactly 30 days ago no longer counts', () => {
    const today = '2026-06-30'
    expect(guardViolations(facts([], ['2026-06-01', '2026-06-10', '2026-06-20']), call, today, rules)).toEqual([{ rule: 'tooMany', count: 3, windowDays: 30, max: 3 }])
    expect(guardViolations(facts([], ['2026-05-31', '2026-06-10', '2026-06-20']), call, today, rules)).toEqual([])
    expect(guardViolations(facts([], ['2026-06-10', '2026-06-20']), call, today, rules)).toEqual([])
  })

  it('never contacts without consent for the purpose; unknown allows feedback unless strict, never marketing', () => {
    expect(consentAllows('unknown', 'feedback', false)).toBe(true)
    expect(consentAllows('unknown', 'feedback', true)).toBe(false)
    expect(consentAllows('unknown', 'marketing', false)).toBe(false)
    expect(consentAllows('given', 'marketing', true)).toBe(true)
    expect(consentAllows('withdrawn', 'feedback', false)).toBe(false)
    expect(guardViolations(facts([], [], 'withdrawn'), survey, '2026-06-30', rules)).toEqual([{ rule: 'consent', purpose: 'feedback', consent: 'withdrawn' }])
    expect(guardViolations(facts([]), { kind: 'message', purpose: 'marketing' }, '2026-06-30', rules)).toEqual([{ rule: 'consent', purpose: 'marketing', consent: 'unknown' }])
    expect(guardViolations(facts([]), survey, '2026-06-30', { ...rules, strictConsent: true })).toEqual([{ rule: 'consent', purpose: 'feedback', consent: 'unknown' }])
    expect(guardViolations(facts([], [], 'given'), survey, '2026-06-30', { ...rules, strictConsent: true })).toEqual([])
  })

  it('says every rule crossed, in order, and a rule set to 0 is off', () => {
    const f = facts(['2026-06-25', '2026-06-26', '2026-06-27'], [], 'withdrawn')
    expect(guardViolations(f, survey, '2026-06-30', rules).map((v) => v.rule)).toEqual(['consent', 'recentSurvey', 'tooMany'])
    expect(guardViolations({ ...f, consent: 'given' }, survey, '2026-06-30', { ...rules, surveyGapDays: 0, maxContacts: 0 })).toEqual([])
  })

  it('the later of a stored consent and the kiosk tick says', () => {
    expect(resolveConsent(null, null)).toEqual({ state: 'unknown', at: null, source: null })
    expect(resolveConsent(null, 5)).toEqual({ state: 'given', at: 5, source: 'kiosk' })
    expect(resolveConsent({ state: 'withdrawn', at: 9, source: 'manual' }, 5)).toEqual({ state: 'withdrawn', at: 9, source: 'manual' })
    expect(resolveConsent({ state: 'withdrawn', at: 3, source: 'crm' }, 5)).toEqual({ state: 'given', at: 5, source: 'kiosk' })
  })
})

describe('the survey list\'s fast check', () => {
  it('names the rule of guardViolations\' first violation for the same facts, on day numbers', () => {
    let seed = 7
    const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32)
    const dayOf = dayNumbers()
    const today = '2026-06-15'
    const states = ['given', 'withdrawn', 'unknown'] as const
    for (let i = 0; i < 2000; i++) {
      const r = { surveyGapDays: [0, 30, 90][Math.floor(rnd() * 3)], maxContacts: [0, 1, 3][Math.floor(rnd() * 3)], windowDays: [7, 30][Math.floor(rnd() * 2)], strictConsent: rnd() < 0.3 }
      const dates = () => Array.from({ length: Math.floor(rnd() * 5) }, () => addDays(today, Math.floor(rnd() * 240) - 200))
      const surveys = dates()
      const contacts = [...surveys, ...dates()]
      const consent = states[Math.floor(rnd() * 3)]
      const slow = guardViolations({ consent, surveys, contacts }, survey, today, r)[0]?.rule ?? null
      expect(firstSurveyViolation(consent, surveys.map(dayOf), contacts.map(dayOf), dayOf(today), r)).toBe(slow)
    }
  })
})

import { describe, expect, it } from 'vitest'
import { dueDateRule, onTimeRow, wilsonInterval } from '../../../src-main/feedback/followUpService'
import { businessMs } from '../../../src-main/metrics/businessHours'
import { defaultFollowUpRule } from '../../../src-shared/api/followUps'
import type { BusinessHours } from '../../../src-shared/api/metrics'

const officeHours: BusinessHours = { enabled: true, days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' }
const calendar: BusinessHours = { ...officeHours, enabled: false }
const HOUR = 3_600_000
/** A local wall-clock time in Ho Chi Minh City (UTC+7, no daylight saving) as an instant. */
const hcm = (date: string, time: string) => Date.parse(`${date}T${time}:00+07:00`)

describe('a follow-up due date from the workspace rule', () => {
  it('counts two working days as 18 working hours of 08:00–17:00, Monday to Friday, skipping the weekend', () => {
    const due = dueDateRule(defaultFollowUpRule, officeHours, 'Asia/Ho_Chi_Minh')
    // Friday 18:00, after hours: Monday 08:00–17:00 is 9 hours, Tuesday 08:00–17:00 the other 9.
    expect(due(hcm('2026-11-20', '18:00'), -1)).toBe(hcm('2026-11-24', '17:00'))
    // Wednesday 10:00: 7 hours that day, 9 on Thursday, 2 on Friday.
    expect(due(hcm('2026-11-18', '10:00'), -1)).toBe(hcm('2026-11-20', '10:00'))
    // Saturday: the clock starts on Monday at 08:00.
    expect(due(hcm('2026-11-21', '10:00'), -1)).toBe(hcm('2026-11-24', '17:00'))
    // Before opening on a Monday: from 08:00.
    expect(due(hcm('2026-11-23', '06:30'), -1)).toBe(hcm('2026-11-24', '17:00'))
    // And businessMs, which time to resolution uses, gives back exactly 18 working hours.
    expect(businessMs(hcm('2026-11-20', '18:00'), due(hcm('2026-11-20', '18:00'), -1)!, officeHours, 'Asia/Ho_Chi_Minh')).toBe(18 * HOUR)
  })

  it('gives each band its own days (parts of a day in working hours), and none where the rule sets none', () => {
    const due = dueDateRule({ poor: 0.5, neutral: 3, good: null, unscored: 1, soonHours: 4 }, officeHours, 'Asia/Ho_Chi_Minh')
    // Half a working day is 4.5 hours: Monday 15:00 + 2 hours, then Tuesday 08:00 + 2.5 hours.
    expect(due(hcm('2026-11-23', '15:00'), -1)).toBe(hcm('2026-11-24', '10:30'))
    // Three working days from Thursday 12:00: Thu 5 h, Fri 9 h, Mon 9 h, Tue 4 h.
    expect(due(hcm('2026-11-19', '12:00'), 0)).toBe(hcm('2026-11-24', '12:00'))
    expect(due(hcm('2026-11-19', '12:00'), 1)).toBeNull()
    expect(due(hcm('2026-11-19', '12:00'), null)).toBe(hcm('2026-11-20', '12:00'))
  })

  it('counts calendar days when the workspace does not use working hours (as time to resolution does)', () => {
    const due = dueDateRule(defaultFollowUpRule, calendar, 'Asia/Ho_Chi_Minh')
    expect(due(hcm('2026-11-20', '18:00'), -1)).toBe(hcm('2026-11-22', '18:00'))
  })

  it('counts working hours on the local clock of the zone across a daylight-saving change', () => {
    const due = dueDateRule({ ...defaultFollowUpRule, poor: 1 }, officeHours, 'Europe/Berlin')
    // Friday 23 Oct 2026 16:00 CEST (UTC+2): 1 hour that day; clocks go back on Sunday; Monday 08:00
    // CET (UTC+1) + 8 hours = 16:00 CET = 15:00 UTC — 73 hours later, not 72.
    const start = Date.parse('2026-10-23T16:00:00+02:00')
    expect(due(start, -1)).toBe(Date.parse('2026-10-26T16:00:00+01:00'))
    expect(due(start, -1)! - start).toBe(73 * HOUR)
  })

  it('has no due date when the working hours hold no time at all', () => {
    expect(dueDateRule(defaultFollowUpRule, { ...officeHours, days: [] }, 'UTC')(0, -1)).toBeNull()
  })
})

describe('the share resolved on time', () => {
  it('is on time ÷ resolved with a 95% Wilson interval, worked by hand', () => {
    // 8 of 10: p = 0.8, z² = 3.8416, centre = (0.8 + 0.19208) / 1.38416 = 0.71674,
    // half = 1.96 · √(0.016 + 0.009604) / 1.38416 = 0.22658.
    const ci = wilsonInterval(8, 10)!
    expect(ci.low).toBeCloseTo(0.4902, 4)
    expect(ci.high).toBeCloseTo(0.9433, 4)
    // All on time: the interval still says how little 5 items tell.
    expect(wilsonInterval(5, 5)!.low).toBeCloseTo(0.5655, 4)
    expect(wilsonInterval(5, 5)!.high).toBe(1)
    expect(wilsonInterval(0, 0)).toBeNull()
    expect(onTimeRow('Lan', { resolved: 10, onTime: 8, open: 2, overdue: 1 })).toMatchObject({ owner: 'Lan', share: 0.8, lowSample: true, resolved: 10 })
    expect(onTimeRow(null, { resolved: 0, onTime: 0, open: 1, overdue: 1 })).toMatchObject({ share: null, low: null, high: null })
  })
})

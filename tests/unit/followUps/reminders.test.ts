import { describe, expect, it } from 'vitest'
import { reminderNotices } from '../../../src-renderer/src/features/feedback/followUps/reminderDecisions'
import { snoozeChoices, wallClockInstant } from '../../../src-renderer/src/features/feedback/followUps/snoozeTimes'
import type { ReminderItem, Reminders } from '../../../src-shared/api/followUps'

const item = (id: number, dueAt: number | null = 1000): ReminderItem => ({ id, dueAt, score: 3, customerName: `C${id}`, owner: null })
const answer = (over: Partial<Reminders>): Reminders => ({
  counts: { open: 0, overdue: 0, dueSoon: 0, snoozed: 0 },
  newPoor: [],
  newPoorCount: 0,
  dueSoon: [],
  soonHours: 4,
  at: 0,
  ...over,
})

describe('which reminders become desktop notifications', () => {
  it('announces new poor scores once per answer, with the first one named', () => {
    const r = reminderNotices(answer({ newPoor: [item(7)], newPoorCount: 1 }), new Set(), true)
    expect(r.notices).toEqual([{ kind: 'newPoor', count: 1, first: item(7) }])
    expect(reminderNotices(answer({ newPoor: [item(7), item(8)], newPoorCount: 25 }), new Set(), true).notices).toEqual([{ kind: 'newPoor', count: 25, first: item(7) }])
    expect(reminderNotices(answer({}), new Set(), true).notices).toEqual([])
  })

  it('announces a follow-up about to be late once, however often it is polled, and again if it comes back', () => {
    const first = reminderNotices(answer({ dueSoon: [item(1), item(2)] }), new Set(), true)
    expect(first.notices).toEqual([{ kind: 'dueSoon', count: 2, first: item(1) }])
    const second = reminderNotices(answer({ dueSoon: [item(1), item(2), item(3)] }), first.announced, true)
    expect(second.notices).toEqual([{ kind: 'dueSoon', count: 1, first: item(3) }])
    const third = reminderNotices(answer({ dueSoon: [item(1), item(2), item(3)] }), second.announced, true)
    expect(third.notices).toEqual([])
    // 2 was snoozed (it left the list), then came back.
    const gone = reminderNotices(answer({ dueSoon: [item(1), item(3)] }), third.announced, true)
    expect(reminderNotices(answer({ dueSoon: [item(1), item(2), item(3)] }), gone.announced, true).notices).toEqual([{ kind: 'dueSoon', count: 1, first: item(2) }])
  })

  it('shows nothing while notifications are off, and turning them on does not replay what was already due', () => {
    const off = reminderNotices(answer({ newPoor: [item(7)], newPoorCount: 1, dueSoon: [item(1)] }), new Set(), false)
    expect(off.notices).toEqual([])
    expect(reminderNotices(answer({ dueSoon: [item(1)] }), off.announced, true).notices).toEqual([])
  })
})

describe('snooze times in the workspace zone', () => {
  it('offers tomorrow and next Monday at 09:00 local time', () => {
    // Wednesday 25 Nov 2026, 22:30 in Bangkok (UTC+7).
    const now = Date.parse('2026-11-25T22:30:00+07:00')
    expect(snoozeChoices(now, 'Asia/Bangkok')).toEqual({ tomorrow: Date.parse('2026-11-26T09:00:00+07:00'), monday: Date.parse('2026-11-30T09:00:00+07:00') })
    // On a Monday, "next Monday" is a week later.
    expect(snoozeChoices(Date.parse('2026-11-30T08:00:00+07:00'), 'Asia/Bangkok').monday).toBe(Date.parse('2026-12-07T09:00:00+07:00'))
    // A wall-clock time on the day clocks go back in Berlin.
    expect(wallClockInstant('2026-10-25', '09:00', 'Europe/Berlin')).toBe(Date.parse('2026-10-25T09:00:00+01:00'))
  })
})

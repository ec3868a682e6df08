import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testAppInMemory, type TestApp } from '../../helpers/context'
import type { fakeClock } from '../../helpers/clock'

let app: TestApp
let clock: ReturnType<typeof fakeClock>
const hcm = (date: string, time: string) => Date.parse(`${date}T${time}:00+07:00`)
const sql = <T,>(q: string, ...args: unknown[]) => app.ctx.session.require().ws.sqlite.prepare(q).all(...args) as T[]

/** Feedback entered by hand at a local time in Ho Chi Minh City, with an NPS score. */
async function entry(date: string, time: string, score: number, customerName?: string) {
  return (await app.api.call('feedback.create', { date, time, metric: 'nps', score, customerName })).id
}

beforeEach(async () => {
  app = await testAppInMemory({ timezone: 'Asia/Ho_Chi_Minh' })
  clock = app.ctx.clock as ReturnType<typeof fakeClock>
  await app.api.call('metrics.setDefinitions', { businessHours: { enabled: true, days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' } })
})
afterEach(() => app.cleanup())

describe('follow-ups that come back', () => {
  it('dates every follow-up by the rule, lists the overdue and due-soon ones, and recomputes when the rule changes', async () => {
    clock.set(hcm('2026-11-20', '20:00'))
    const friday = await entry('2026-11-20', '18:00', 3, 'An') // due Tue 24 Nov 17:00
    const wednesday = await entry('2026-11-18', '10:00', 2, 'Bình') // due Fri 20 Nov 10:00
    const promoter = await entry('2026-11-18', '11:00', 10, 'Chi') // no follow-up
    clock.set(hcm('2026-11-24', '08:00'))

    expect(await app.api.call('feedback.followUpCounts', {})).toEqual({ open: 2, overdue: 1, dueSoon: 0, snoozed: 0 })
    const overdue = await app.api.call('feedback.list', { followUp: 'overdue' })
    expect(overdue.items.map((i) => i.id)).toEqual([wednesday])
    expect(overdue.total).toBe(1)
    expect(overdue.items[0].dueAt).toBe(hcm('2026-11-20', '10:00'))
    const all = await app.api.call('feedback.list', {})
    expect(all.items.find((i) => i.id === friday)?.dueAt).toBe(hcm('2026-11-24', '17:00'))
    expect(all.items.find((i) => i.id === promoter)?.dueAt).toBeNull()

    // Due within 12 hours: Friday's detractor (9 hours left).
    const rule = (await app.api.call('feedback.followUpRule', {})).rule
    await app.api.call('feedback.setFollowUpRule', { rule: { ...rule, soonHours: 12 } })
    expect((await app.api.call('feedback.list', { followUp: 'dueSoon' })).items.map((i) => i.id)).toEqual([friday])

    // One working day instead of two: Friday 18:00 is due Monday 17:00, already past.
    const changed = await app.api.call('feedback.setFollowUpRule', { rule: { ...rule, poor: 1 } })
    expect(changed).toEqual({ rule: { ...rule, poor: 1 }, workingHours: true })
    expect((await app.api.call('feedback.list', { followUp: 'overdue' })).items.map((i) => i.id).sort()).toEqual([friday, wednesday].sort())

    // Working hours off: calendar days (Friday 18:00 + 24 hours).
    await app.api.call('metrics.setDefinitions', { businessHours: { enabled: false, days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' } })
    expect((await app.api.call('feedback.list', { filter: {} })).items.find((i) => i.id === friday)?.dueAt).toBe(hcm('2026-11-21', '18:00'))
  })

  it('takes a follow-up off the overdue view while it is resolved or snoozed, and undo puts the snooze back', async () => {
    clock.set(hcm('2026-11-20', '20:00'))
    const a = await entry('2026-11-16', '09:00', 1)
    const b = await entry('2026-11-17', '09:00', 4)
    const neutral = await entry('2026-11-17', '09:00', 8)
    clock.set(hcm('2026-11-24', '08:00'))
    expect((await app.api.call('feedback.followUpCounts', {})).overdue).toBe(2)

    const until = hcm('2026-11-25', '09:00')
    const r = await app.api.call('feedback.snooze', { ids: [a, neutral], until })
    // The neutral score is no follow-up: nothing to snooze.
    expect(r).toEqual({ updated: 1, previous: [{ id: a, snoozedUntil: null }] })
    expect(await app.api.call('feedback.followUpCounts', {})).toEqual({ open: 2, overdue: 1, dueSoon: 0, snoozed: 1 })
    expect((await app.api.call('feedback.list', { followUp: 'snoozed' })).items.map((i) => i.id)).toEqual([a])
    expect((await app.api.call('feedback.list', { followUp: 'overdue' })).items.map((i) => i.id)).toEqual([b])

    // The snooze ends: overdue again.
    clock.set(until)
    expect((await app.api.call('feedback.followUpCounts', {})).overdue).toBe(2)
    clock.set(hcm('2026-11-24', '08:00'))

    await app.api.call('feedback.restoreSnooze', { items: r.previous })
    expect(await app.api.call('feedback.followUpCounts', {})).toEqual({ open: 2, overdue: 2, dueSoon: 0, snoozed: 0 })

    // A snooze must end later than now.
    await expect(app.api.call('feedback.snooze', { ids: [a], until: hcm('2026-11-23', '08:00') })).rejects.toThrow(/future/)

    await app.api.call('feedback.update', { ids: [b], status: 'resolved' })
    expect(await app.api.call('feedback.followUpCounts', {})).toEqual({ open: 1, overdue: 1, dueSoon: 0, snoozed: 0 })
  })

  it('ends the snooze of several follow-ups at once: only those snoozed now are woken, counted and undone', async () => {
    clock.set(hcm('2026-11-20', '20:00'))
    const a = await entry('2026-11-16', '09:00', 1)
    const b = await entry('2026-11-17', '09:00', 4)
    const c = await entry('2026-11-17', '10:00', 2)
    const neutral = await entry('2026-11-17', '09:00', 8)
    clock.set(hcm('2026-11-24', '08:00'))
    const until = hcm('2026-11-25', '09:00')
    await app.api.call('feedback.snooze', { ids: [a, b], until })
    // c's snooze ran out an hour ago: it is awake already.
    await app.api.call('feedback.snooze', { ids: [c], until: hcm('2026-11-24', '08:30') })
    clock.set(hcm('2026-11-24', '09:30'))
    expect(await app.api.call('feedback.followUpCounts', {})).toMatchObject({ overdue: 1, snoozed: 2 })

    const woken = await app.api.call('feedback.snooze', { ids: [a, b, c, neutral], until: null })
    expect(woken).toEqual({ updated: 2, previous: [{ id: a, snoozedUntil: until }, { id: b, snoozedUntil: until }] })
    expect(await app.api.call('feedback.followUpCounts', {})).toMatchObject({ overdue: 3, snoozed: 0 })
    // Undo: both snoozed again until the same time.
    expect(await app.api.call('feedback.restoreSnooze', { items: woken.previous })).toEqual({ updated: 2 })
    expect(await app.api.call('feedback.followUpCounts', {})).toMatchObject({ overdue: 1, snoozed: 2 })
    expect((await app.api.call('feedback.list', { followUp: 'snoozed' })).items.map((i) => i.id).sort()).toEqual([a, b].sort())
    // Nothing snoozed among them: nothing to wake.
    expect(await app.api.call('feedback.snooze', { ids: [c, neutral], until: null })).toEqual({ updated: 0, previous: [] })
  })

  it('gives the share resolved on time per owner, with its n, from resolution and due times', async () => {
    clock.set(hcm('2026-11-16', '08:00'))
    const ids = []
    // Monday 09:00 + 18 working hours: 8 on Monday, 9 on Tuesday, 1 on Wednesday: due Wednesday 09:00.
    for (let i = 0; i < 4; i++) ids.push(await entry('2026-11-16', '09:00', 3))
    const [late, early, open, minhOpen] = ids
    await app.api.call('feedback.update', { ids: [late, early, open], owner: 'Lan' })
    await app.api.call('feedback.update', { ids: [minhOpen], owner: 'Minh' })
    clock.set(hcm('2026-11-17', '10:00'))
    await app.api.call('feedback.update', { ids: [minhOpen], status: 'in_progress' })
    clock.set(hcm('2026-11-18', '09:00')) // exactly at the due time: on time
    await app.api.call('feedback.update', { ids: [early], status: 'resolved' })
    clock.set(hcm('2026-11-19', '10:00'))
    await app.api.call('feedback.update', { ids: [late], status: 'resolved' })
    const r = await app.api.call('feedback.onTime', {})
    expect(r.rows.map((x) => [x.owner, x.resolved, x.onTime, x.share, x.open, x.overdue])).toEqual([
      ['Lan', 2, 1, 0.5, 1, 1],
      ['Minh', 0, 0, null, 1, 1],
    ])
    expect(r.overall).toMatchObject({ owner: null, resolved: 2, onTime: 1, share: 0.5, open: 2, overdue: 2, lowSample: true })
    // The filter narrows them like every other figure.
    expect((await app.api.call('feedback.onTime', { filter: { owner: ['Minh'] } })).overall).toMatchObject({ resolved: 0, open: 1 })
  })

  it('reminds of poor scores written since the last look and of follow-ups about to be late', async () => {
    clock.set(hcm('2026-11-23', '09:00'))
    await entry('2026-11-23', '08:00', 3, 'Old')
    const since = clock.now()
    clock.set(hcm('2026-11-24', '13:00'))
    const fresh = await entry('2026-11-24', '12:00', 0, 'Dung')
    await entry('2026-11-24', '12:00', 9, 'Happy')
    const r = await app.api.call('feedback.reminders', { since })
    expect(r.newPoorCount).toBe(1)
    expect(r.newPoor).toEqual([{ id: fresh, dueAt: hcm('2026-11-26', '12:00'), score: 0, customerName: 'Dung', owner: null }])
    // 'Old' arrived Monday 08:00: due Tuesday 17:00, four hours from 13:00.
    expect(r.dueSoon.map((i) => i.customerName)).toEqual(['Old'])
    expect(r.at).toBe(clock.now())
  })

  it('marks a due date to be worked out again when a response becomes or stops being a poor score', async () => {
    clock.set(hcm('2026-11-24', '08:00'))
    const id = await entry('2026-11-18', '09:00', 8) // as a poor score, due Friday 09:00
    expect(sql('SELECT * FROM follow_up_due WHERE response_id = ?', id)).toEqual([])
    // The question's thresholds change: 8 becomes poor.
    app.ctx.session.require().ws.sqlite.prepare('UPDATE responses SET band = -1 WHERE id = ?').run(id)
    expect(sql<{ pending: number }>('SELECT pending FROM follow_up_due WHERE response_id = ?', id)).toEqual([{ pending: 1 }])
    expect((await app.api.call('feedback.list', { followUp: 'overdue' })).items.map((i) => i.id)).toEqual([id])
    // Taking up a neutral score makes it a follow-up (with no due date under the default rule).
    const neutral = await entry('2026-11-20', '09:00', 7)
    await app.api.call('feedback.update', { ids: [neutral], status: 'in_progress' })
    expect(sql('SELECT due_at, pending FROM follow_up_due WHERE response_id = ?', neutral)).toEqual([{ due_at: null, pending: 1 }])
    await app.api.call('feedback.followUpCounts', {})
    expect(sql('SELECT due_at, pending FROM follow_up_due WHERE response_id = ?', neutral)).toEqual([{ due_at: null, pending: 0 }])
  })

  it('says false for a desktop notification where the platform has none, and passes it to the desktop shell', async () => {
    expect(await app.api.call('feedback.notify', { title: 'CX Desk', body: 'x' })).toEqual({ shown: false })
    const shown: string[] = []
    app.ctx.platform.notify = (title, body) => (shown.push(`${title}: ${body}`), true)
    expect(await app.api.call('feedback.notify', { title: 'CX Desk', body: '1 new detractor' })).toEqual({ shown: true })
    expect(shown).toEqual(['CX Desk: 1 new detractor'])
  })
})

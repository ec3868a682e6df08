import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testAppInMemory, type TestApp } from '../../helpers/context'
import type { AppEvent } from '../../../src-shared/api/events'
import { periodEnd, samePeriodLastYear, shiftPeriod } from '../../../src-shared/domain/periods'
import { segmentsFor } from '../../../src-main/metrics/rollups/segments'
import { dayNumber } from '../../../src-shared/domain/periods'
import { rebuildRollups } from '../../../src-main/metrics/rollups/jobs'
import { freshWorkspace } from '../../helpers/db'

let app: TestApp
beforeEach(async () => {
  // The demo's data, by the demo's own seeding code, in memory (workspace.openDemo makes the same on disk).
  app = await testAppInMemory({ timezone: 'Asia/Bangkok', seed: 'cafeDemo' })
})
afterEach(() => app.cleanup())

describe('the metrics channels on the demo workspace', () => {
  it('answer every channel within the contract (responses are validated in tests)', async () => {
    const filter = { from: '2025-01-01', to: '2025-12-31' }
    const tiles = await app.api.call('metrics.tiles', { by: 'month', compare: 'lastYear', filter })
    expect(tiles.current).toEqual({ key: '2025-12', from: '2025-12-01', to: '2025-12-31' })
    expect(tiles.comparison).toEqual({ key: '2024-12', from: '2024-12-01', to: '2024-12-31' })
    expect(tiles.tiles.map((t) => t.metric)).toEqual(['nps', 'csat', 'ces', 'ttr', 'churn', 'retention', 'responseRate'])
    expect(tiles.tiles.find((t) => t.metric === 'responseRate')).toMatchObject({ value: null, missing: 'noSends' })
    await app.api.call('metrics.ttr', { by: 'quarter', filter })
    await app.api.call('metrics.ttr', { by: 'month', dim: 'touchpoint', filter })
    const life = await app.api.call('metrics.lifecycle', { by: 'month', filter: { ...filter, channel: ['app'] } })
    expect(life.ignoredFilters).toEqual(['channel'])
    expect(life.rows).toHaveLength(12)
    await app.api.call('metrics.responseRate', { by: 'month', filter })
    const cmp = await app.api.call('metrics.compare', { metric: 'nps', a: { ...filter, channel: ['store'] }, b: { ...filter, channel: ['app'] } })
    expect(cmp.change?.delta).toBeCloseTo(cmp.a.value! - cmp.b.value!, 10)
    const drivers = await app.api.call('metrics.drivers', { metric: 'csat', filter, limit: 5 })
    expect(drivers.drivers.length).toBeLessThanOrEqual(5)
    const facets = await app.api.call('metrics.facets', {})
    expect(facets.values.touchpoint.length).toBe(10)
    expect(facets.values.touchpoint.reduce((a, v) => a + v.n, 0)).toBe(2600)
    expect(await app.api.call('metrics.rollupStatus', {})).toEqual({ pending: 0, running: null })
  })

  it('the demo tells its story: support disappoints overall, and the app release eight months ago pulled NPS down', async () => {
    const all = await app.api.call('metrics.drivers', { metric: 'nps', filter: {} })
    // The demo's rule tags mark complaints, so its complaint themes pull hardest; among touchpoints and channels, support does.
    expect(all.drivers.slice(0, 4).map((d) => d.group)).toEqual(['App & payment', 'Support', 'Delivery', 'Waiting time'])
    expect(all.drivers.filter((d) => d.dim !== 'tag').slice(0, 4).map((d) => d.group)).toEqual(['Support email', 'email', 'Hotline', 'phone'])
    // The fake clock stands at 22 November 2026: the app went wrong from late March to late May.
    const incident = await app.api.call('metrics.drivers', { metric: 'nps', filter: { from: '2026-04-01', to: '2026-05-20' } })
    expect(incident.drivers[0]).toMatchObject({ group: 'Mobile app ordering', n: 14, lowSample: true })
    expect(incident.drivers[0].value!).toBeLessThan(0)
    // Against the same weeks a year earlier the fall is large, but with 14 answers it is flagged, not declared.
    const yearOnYear = await app.api.call('metrics.compare', {
      metric: 'nps',
      a: { from: '2026-04-01', to: '2026-05-20', touchpoint: ['Mobile app ordering'] },
      b: { from: '2025-04-01', to: '2025-05-20', touchpoint: ['Mobile app ordering'] },
    })
    expect(yearOnYear.change).toMatchObject({ significant: null, reason: 'lowSample' })
    expect(yearOnYear.change!.delta).toBeLessThan(-50)
  })

  it('refuses definitions that METRICS.md forbids, and rebuilds for the ones it allows', async () => {
    const defs = await app.api.call('metrics.definitions', {})
    const [nps, csat] = ['nps', 'csat'].map((m) => defs.questions.find((q) => q.metric === m)!)
    const update = (q: typeof nps, patch: object) => ({ id: q.id, scaleMin: q.scaleMin, scaleMax: q.scaleMax, direction: q.direction, goodThreshold: q.goodThreshold, poorThreshold: q.poorThreshold, ...patch })
    await expect(app.api.call('metrics.setDefinitions', { questions: [update(nps, { goodThreshold: 8 })] })).rejects.toMatchObject({ code: 'VALIDATION', message: /fixed by definition/ })
    await expect(app.api.call('metrics.setDefinitions', { questions: [update(csat, { goodThreshold: 2, poorThreshold: 3 })] })).rejects.toMatchObject({ code: 'VALIDATION', message: /overlap/ })
    await expect(app.api.call('metrics.setDefinitions', { questions: [update(csat, { scaleMin: 1, scaleMax: 3, goodThreshold: 3, poorThreshold: 1 })] })).rejects.toMatchObject({ code: 'VALIDATION', message: /cannot hold them/ })
    await expect(app.api.call('metrics.setDefinitions', { businessHours: { enabled: true, days: [1], start: '17:00', end: '08:00' } })).rejects.toMatchObject({ code: 'VALIDATION' })

    const events: AppEvent[] = []
    app.ctx.events.subscribe((e) => events.push(e))
    const before = await app.api.call('metrics.series', { metric: 'csat' })
    const after = await app.api.call('metrics.setDefinitions', { questions: [update(csat, { goodThreshold: 5 })] })
    expect(after.questions.find((q) => q.id === csat.id)).toMatchObject({ goodThreshold: 5 })
    const now = await app.api.call('metrics.series', { metric: 'csat' })
    // Top box only: the share satisfied is the share of 5s.
    expect(now.overall.value).toBeCloseTo((100 * now.overall.distribution.find((d) => d.score === 5)!.n) / now.overall.n, 10)
    expect(now.overall.value!).toBeLessThan(before.overall.value!)
    const progress = events.filter((e) => e.name === 'metrics.rollups').map((e) => (e.payload as { state: string }).state)
    expect(progress[0]).toBe('running')
    expect(progress.at(-1)).toBe('done')
  })

  it('checks and keeps surveys sent', async () => {
    await expect(app.api.call('metrics.saveSend', { from: '2025-03-10', to: '2025-03-01', sent: 5 })).rejects.toMatchObject({ code: 'VALIDATION' })
    await expect(app.api.call('metrics.saveSend', { from: '2025-03-01', to: '2025-03-31', sent: 5, questionId: 999 })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    const s = await app.api.call('metrics.saveSend', { from: '2025-03-01', to: '2025-03-31', sent: 1000, channel: 'email' })
    expect(s).toMatchObject({ sent: 1000, channel: 'email', touchpoint: null })
    expect((await app.api.call('metrics.sends', {})).sends).toHaveLength(1)
    await app.api.call('metrics.deleteSend', { id: s.id })
    await expect(app.api.call('metrics.deleteSend', { id: s.id })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('changes the time zone through a rebuild in a worker, with progress, and cuts periods in the new zone', async () => {
    const events: string[] = []
    app.ctx.events.subscribe((e) => e.name === 'metrics.rollups' && events.push((e.payload as { phase: string }).phase))
    const before = await app.api.call('metrics.series', { metric: 'nps', by: 'day' })
    const info = await app.api.call('workspace.setTimezone', { timezone: 'America/Los_Angeles' })
    expect(info.timezone).toBe('America/Los_Angeles')
    expect(events).toContain('dates')
    expect(events).toContain('summaries')
    const after = await app.api.call('metrics.series', { metric: 'nps', by: 'day' })
    expect(after.overall.n).toBe(before.overall.n)
    expect(after.timezone).toBe('America/Los_Angeles')
    const raw = app.ctx.session.require().ws.sqlite.prepare(`SELECT count(*) FROM rollup_journal`).pluck().get()
    expect(raw).toBe(0)
  })
})

describe('a rebuild that is cancelled', () => {
  it('leaves the workspace exactly as it was', async () => {
    const open = await freshWorkspace('Asia/Bangkok')
    const db = open.ws.sqlite
    db.prepare(`INSERT INTO responses (dedup_key, question_id, score, band, submitted_at, local_date, status, created_at, updated_at) VALUES ('x', 1, 9, 1, 0, '1970-01-01', 'new', 0, 0)`).run()
    let steps = 0
    expect(() => rebuildRollups(db, { type: 'timezone', timezone: 'Europe/London' }, { isCancelled: () => ++steps > 1 })).toThrow(/Cancelled/)
    expect(db.prepare(`SELECT value FROM meta WHERE key = 'timezone'`).pluck().get()).toBe('Asia/Bangkok')
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rollup%'`).pluck().get()).toBeGreaterThan(5)
    expect(db.prepare(`SELECT count(*) FROM rollup_journal`).pluck().get()).toBe(1)
    await open.ws.close()
  })
})

describe('period arithmetic', () => {
  it('steps periods, finds their last day and the same period a year earlier', () => {
    expect(shiftPeriod('2025-01', 'month', -1)).toBe('2024-12')
    expect(shiftPeriod('2025-Q1', 'quarter', -1)).toBe('2024-Q4')
    expect(shiftPeriod('2025-W01', 'week', -1)).toBe('2024-W52')
    expect(shiftPeriod('2024-12-31', 'day', 1)).toBe('2025-01-01')
    expect(periodEnd('2024-02', 'month')).toBe('2024-02-29')
    expect(periodEnd('2025-W01', 'week')).toBe('2025-01-05')
    expect(periodEnd('2025-Q4', 'quarter')).toBe('2025-12-31')
    expect(samePeriodLastYear('2024-02-29', 'day')).toBe('2023-02-28')
    expect(samePeriodLastYear('2021-W53', 'week')).toBe('2020-W53')
    expect(samePeriodLastYear('2026-W53', 'week')).toBe('2025-W52')
    expect(samePeriodLastYear('2025-Q2', 'quarter')).toBe('2024-Q2')
  })

  it('reads whole months from the month summaries and the edges from the day summaries', () => {
    const d = dayNumber
    expect(segmentsFor('month', d('2025-03-15'), d('2025-06-10'))).toEqual([
      { grain: 'day', from: d('2025-03-15'), to: d('2025-03-31') },
      { grain: 'month', from: d('2025-04-01'), to: d('2025-05-31') },
      { grain: 'day', from: d('2025-06-01'), to: d('2025-06-10') },
    ])
    expect(segmentsFor('month', d('2025-03-01'), d('2025-03-31'))).toEqual([{ grain: 'month', from: d('2025-03-01'), to: d('2025-03-31') }])
    expect(segmentsFor('week', d('2025-03-05'), d('2025-03-09'))).toEqual([{ grain: 'day', from: d('2025-03-05'), to: d('2025-03-09') }])
    expect(segmentsFor('month', -Infinity, Infinity)).toEqual([{ grain: 'month', from: -Infinity, to: Infinity }])
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testAppInMemory, type TestApp } from '../../helpers/context'
import { summariesAndRebuild } from '../../helpers/rollupSummaries'
import type { CustomerRow } from '../../../src-shared/api/customers'

let app: TestApp
beforeEach(async () => {
  app = await testAppInMemory({ timezone: 'Asia/Bangkok', seed: 'cafeDemo' })
})
afterEach(() => app.cleanup())

const sqlite = () => app.ctx.session.require().ws.sqlite
const blank = { ref: null, name: null, email: null, phone: null, segment: null, location: null, customerSince: null, churnedAt: null }

async function everyPage(filter = {}, limit = 37): Promise<CustomerRow[]> {
  const all: CustomerRow[] = []
  let cursor: { name: string; id: number } | undefined
  for (;;) {
    const page = await app.api.call('customers.list', { filter, limit, cursor })
    all.push(...page.items)
    if (!page.nextCursor) return all
    cursor = page.nextCursor
  }
}

describe('the customers channels', () => {
  it('page through every customer once, by name, and filter', async () => {
    const total = (sqlite().prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n
    const all = await everyPage()
    expect(all).toHaveLength(total)
    expect(new Set(all.map((c) => c.id)).size).toBe(total)
    const keys = all.map((c) => c.name ?? '')
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    expect((await app.api.call('customers.count', {})).total).toBe(total)

    const facets = await app.api.call('customers.facets', {})
    const segment = facets.segments[0]
    const bySegment = await everyPage({ segment })
    expect(bySegment.length).toBe((sqlite().prepare('SELECT count(*) AS n FROM customers WHERE segment = ?').get(segment) as { n: number }).n)
    expect(bySegment.every((c) => c.segment === segment)).toBe(true)

    const poor = await everyPage({ band: 'poor' })
    expect(poor.length).toBeGreaterThan(0)
    expect(poor.every((c) => c.lastBand === 'poor')).toBe(true)
    const high = await everyPage({ risk: 'high' })
    expect(high.every((c) => c.risk === 'high')).toBe(true)
    expect((await app.api.call('customers.count', { filter: { risk: 'high' } })).total).toBe(high.length)
    const recent = await everyPage({ lastContact: '30d' })
    const now = app.ctx.clock.now()
    expect(recent.every((c) => c.lastAt !== null && c.lastAt >= now - 30 * 86_400_000)).toBe(true)
    const searched = await everyPage({ search: 'khach12@' })
    expect(searched.map((c) => c.email)).toEqual(['khach12@example.com'])
  })

  it('add, edit and profile a customer by hand; a shared e-mail is named as a duplicate', async () => {
    const first = await app.api.call('customers.list', { limit: 1 })
    const other = first.items[0]
    const saved = await app.api.call('customers.save', { customer: { ...blank, name: 'Nguyễn Văn Test', email: other.email, segment: 'VIP' } })
    expect(saved.customer).toMatchObject({ name: 'Nguyễn Văn Test', email: other.email, responses: 0 })
    expect(saved.duplicates).toContainEqual({ id: other.id, name: other.name, reason: 'email' })
    const edited = await app.api.call('customers.save', { id: saved.customer.id, customer: { ...blank, name: 'Nguyễn Văn Test', phone: '0912 345 678', customerSince: '2026-01-05' } })
    expect(edited.customer).toMatchObject({ email: null, phone: '0912 345 678', customerSince: '2026-01-05' })
    await expect(app.api.call('customers.save', { customer: blank })).rejects.toThrow(/at least a name/)
    await expect(app.api.call('customers.save', { customer: { ...blank, name: 'X', customerSince: '2026-02-01', churnedAt: '2026-01-01' } })).rejects.toThrow(/leave before/)

    const note = await app.api.call('customers.addNote', { customerId: saved.customer.id, body: 'Called, prefers Zalo' })
    const profile = await app.api.call('customers.get', { id: saved.customer.id })
    expect(profile.notes).toEqual([note])
    const withHistory = await app.api.call('customers.get', { id: other.id })
    expect(withHistory.timeline.length).toBe(other.responses)
    const times = withHistory.timeline.map((t) => t.submittedAt)
    expect(times).toEqual([...times].sort((a, b) => b - a))
  })

  it('merge moves responses and notes, keeps the scores, and undo puts everything back', async () => {
    const [a, b] = (await app.api.call('customers.list', { limit: 2, filter: { band: 'poor' } })).items
    await app.api.call('customers.addNote', { customerId: b.id, body: 'note on b' })
    const before = sqlite().prepare('SELECT id, customer_id FROM responses ORDER BY id').all()
    const nps = await app.api.call('metrics.series', { metric: 'nps', by: 'year', filter: {} })
    const bySegment = await app.api.call('metrics.series', { metric: 'nps', by: 'year', dim: 'segment', filter: {} })

    const { id: _id, responses: _n, lastAt: _l, lastBand: _b, lastScore: _s, lastMetric: _m, risk: _r, ...facts } = b
    const dupB = await app.api.call('customers.save', { id: b.id, customer: { ...facts, email: a.email } })
    expect(dupB.duplicates.map((d) => d.id)).toContain(a.id)
    const groups = await app.api.call('customers.duplicates', {})
    expect(groups.find((g) => g.reason === 'email' && g.customers.some((c) => c.id === b.id))).toBeTruthy()

    const m = await app.api.call('customers.merge', { keepId: a.id, mergeId: b.id })
    expect(m.movedResponses).toBe(b.responses)
    const merged = await app.api.call('customers.get', { id: a.id })
    expect(merged.timeline).toHaveLength(a.responses + b.responses)
    expect(merged.notes.map((n) => n.body)).toContain('note on b')
    // b's rectification log (the e-mail changed above) follows b into a, and comes back on undo.
    const bLog = (await app.api.call('customers.get', { id: a.id })).rectifications.filter((r) => r.newValue === a.email && r.field === 'email')
    expect(bLog).toHaveLength(1)
    await expect(app.api.call('customers.get', { id: b.id })).rejects.toThrow(/no longer exists/)
    expect(await app.api.call('metrics.series', { metric: 'nps', by: 'year', filter: {} })).toEqual(nps)
    const { incremental, rebuilt } = summariesAndRebuild(sqlite())
    expect(incremental).toEqual(rebuilt)

    const undone = await app.api.call('customers.undoMerge', { merge: m.merge })
    expect(undone.restored).toBe(b.responses)
    expect(sqlite().prepare('SELECT id, customer_id FROM responses ORDER BY id').all()).toEqual(before)
    expect((await app.api.call('customers.get', { id: b.id })).notes.map((n) => n.body)).toEqual(['note on b'])
    expect((await app.api.call('customers.get', { id: b.id })).rectifications).toEqual(bLog)
    expect((await app.api.call('customers.get', { id: a.id })).rectifications.filter((r) => r.field === 'email' && r.newValue === a.email)).toEqual([])
    expect(await app.api.call('metrics.series', { metric: 'nps', by: 'year', dim: 'segment', filter: {} })).toEqual(bySegment)
    await expect(app.api.call('customers.undoMerge', { merge: m.merge })).rejects.toThrow(/already undone/)
  })

  it('list customers at risk with reasons, an honest evaluation, tunable rules and churn by band', async () => {
    const r = await app.api.call('customers.atRisk', { limit: 50 })
    expect(r.items.length).toBeGreaterThan(0)
    expect(r.items.every((i) => i.reasons.length > 0 && i.customer.churnedAt === null)).toBe(true)
    const points = r.items.map((i) => i.points)
    expect(points).toEqual([...points].sort((x, y) => y - x))
    expect(r.evaluation.cohort).toBeGreaterThan(0)
    // Fewer than 30 of the demo's cohort left: no model, the rules rank the list.
    expect(r.evaluation.rankedBy).toBe('rules')
    const saved = await app.api.call('customers.saveRiskRules', { rules: { ...r.rules, lastPoor: 0, lastNeutral: 0, falling: 0, openFollowUp: 0, silence: 0 } })
    expect(saved.lastPoor).toBe(0)
    expect((await app.api.call('customers.atRisk', { limit: 50 })).items).toEqual([])
    expect(await app.api.call('customers.riskRules', {})).toEqual(saved)
    const bands = await app.api.call('customers.churnByBand', {})
    expect(bands.rows.map((row) => row.band)).toEqual(['poor', 'neutral', 'good', 'none'])
    expect(bands.rows.reduce((s, row) => s + row.n, 0)).toBe(r.evaluation.cohort)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testAppInMemory, type TestApp } from '../../helpers/context'
import { integrityProblem } from '../../../src-shared/domain/journeys/reducer'

let app: TestApp
beforeAll(async () => {
  // The demo's data, by the demo's own seeding code, in memory (workspace.openDemo makes the same on disk).
  app = await testAppInMemory({ timezone: 'Asia/Ho_Chi_Minh', seed: 'cafeDemo' })
})
afterAll(() => app.cleanup())

describe('the demo journey maps', () => {
  it('has the café journey as it is and as it should be, linked to the demo touchpoints with live NPS', async () => {
    const { maps } = await app.api.call('journeys.list', {})
    expect(maps.map((m) => m.kind).sort()).toEqual(['as_is', 'to_be'])
    const asIs = maps.find((m) => m.kind === 'as_is')
    const toBe = maps.find((m) => m.kind === 'to_be')
    expect(toBe?.baseId).toBe(asIs?.id)
    const { doc } = await app.api.call('journeys.get', { id: asIs?.id as string })
    expect(integrityProblem(doc)).toBeNull()
    expect(doc.persona?.name).toBeTruthy()
    const linked = doc.cards.filter((c) => c.link?.touchpoint)
    expect(linked.length).toBeGreaterThanOrEqual(8)
    const { touchpoints } = await app.api.call('journeys.linkableValues', {})
    const known = new Set(touchpoints.map((t) => t.value))
    for (const c of linked) expect(known, c.link?.touchpoint ?? '').toContain(c.link?.touchpoint)
    const nps = await app.api.call('metrics.series', { metric: 'nps', dim: 'touchpoint', filter: { touchpoint: linked.map((c) => c.link?.touchpoint as string) } })
    expect(nps.rows.length).toBe(new Set(linked.map((c) => c.link?.touchpoint)).size)
    expect(nps.rows.every((r) => r.n > 30)).toBe(true)
  })

  it('lists linkable touchpoints and channels with their counts, and finds evidence', async () => {
    const { touchpoints, channels } = await app.api.call('journeys.linkableValues', {})
    expect(touchpoints.length).toBe(10)
    expect(touchpoints.reduce((s, t) => s + t.n, 0)).toBe(2600)
    expect(touchpoints.find((t) => t.value === 'Home delivery')?.channels).toEqual(['delivery'])
    expect(channels.map((c) => c.value).sort()).toEqual(['app', 'delivery', 'email', 'phone', 'social', 'store', 'web'])
    const found = await app.api.call('journeys.evidence', { text: 'hotline' })
    expect(found.responses.length).toBeGreaterThan(0)
    expect(found.responses.every((r) => r.comment?.toLowerCase().includes('hotline'))).toBe(true)
    const byId = await app.api.call('journeys.evidence', { ids: [found.responses[0].id, 999_999] })
    expect(byId.responses.map((r) => r.id)).toEqual([found.responses[0].id])
  })
})

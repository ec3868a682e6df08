import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testAppInMemory, type TestApp } from '../../helpers/context'

let app: TestApp
beforeAll(async () => {
  // The demo's data, by the demo's own seeding code, in memory (workspace.openDemo makes the same on disk).
  app = await testAppInMemory({ timezone: 'Asia/Ho_Chi_Minh', seed: 'cafeDemo' })
})
afterAll(() => app.cleanup())

const sql = <T,>(q: string, ...args: unknown[]) => app.ctx.session.require().ws.sqlite.prepare(q).all(...args) as T[]

describe('the inbox', () => {
  it('lists every item newest first with keyset pages that never repeat or skip, and an exact total', async () => {
    const first = await app.api.call('feedback.list', { limit: 100 })
    expect(first.total).toBe(2600)
    const seen = new Set<number>()
    let cursor = first.nextCursor ?? undefined
    for (const i of first.items) seen.add(i.id)
    let prev = first.items[first.items.length - 1].submittedAt
    while (cursor) {
      const page = await app.api.call('feedback.list', { limit: 500, cursor, withTotal: false })
      expect(page.total).toBeNull()
      for (const i of page.items) {
        expect(seen.has(i.id)).toBe(false)
        expect(i.submittedAt).toBeLessThanOrEqual(prev)
        prev = i.submittedAt
        seen.add(i.id)
      }
      cursor = page.nextCursor ?? undefined
    }
    expect(seen.size).toBe(2600)
  })

  it('combines filters, and the total counts exactly the matching items', async () => {
    const filter = { band: ['poor' as const], channel: ['app'], status: ['new' as const, 'in_progress' as const] }
    const page = await app.api.call('feedback.list', { filter, limit: 500 })
    const [{ n }] = sql<{ n: number }>(`SELECT count(*) n FROM responses WHERE band = -1 AND channel = 'app' AND status IN ('new', 'in_progress')`)
    expect(page.total).toBe(n)
    expect(page.items.length).toBe(Math.min(n, 500))
    for (const i of page.items) expect(i).toMatchObject({ band: 'poor', channel: 'app' })
  })

  it('counts a metric filter (its questions looked up first) exactly, alone and with other filters', async () => {
    for (const filter of [{ metric: ['nps' as const] }, { metric: ['csat' as const, 'ces' as const], channel: ['app'] }, { metric: ['nps' as const], location: ['Online'], sentiment: ['negative' as const] }]) {
      const metrics = filter.metric.map((m) => `'${m}'`).join(', ')
      const where = [
        `question_id IN (SELECT id FROM questions WHERE metric IN (${metrics}))`,
        ...('channel' in filter ? [`channel = 'app'`] : []),
        ...('location' in filter ? [`location = 'Online'`, 'sentiment <= -0.2'] : []),
      ]
      const [{ n }] = sql<{ n: number }>(`SELECT count(*) n FROM responses WHERE ${where.join(' AND ')}`)
      expect(n).toBeGreaterThan(0)
      expect((await app.api.call('feedback.list', { filter, limit: 1 })).total, JSON.stringify(filter)).toBe(n)
    }
  })

  it('finds a Thai word inside unsegmented text, and Vietnamese with or without diacritics', async () => {
    const thai = await app.api.call('feedback.list', { filter: { text: 'ละลาย' }, limit: 50 })
    expect(thai.total).toBeGreaterThan(0)
    for (const i of thai.items) expect(i.comment).toContain('ละลาย')
    const withMarks = await app.api.call('feedback.list', { filter: { text: 'giao trễ' }, limit: 50 })
    const without = await app.api.call('feedback.list', { filter: { text: 'giao tre' }, limit: 50 })
    expect(withMarks.total).toBeGreaterThan(0)
    expect(without.total).toBe(withMarks.total)
    // "đá" (ice) is found as "da": đ does not decompose, it is folded by hand.
    const ice = await app.api.call('feedback.list', { filter: { text: 'tan het da' }, limit: 5 })
    expect(ice.items[0]?.comment).toContain('tan hết đá')
    // Words typed with diacritics match only those words: "trễ" is not "tre".
    expect((await app.api.call('feedback.list', { filter: { text: 'trễ' }, limit: 1 })).total).toBeLessThanOrEqual(without.total ?? 0)
  })

  it('reads a page the same way whether it scans newest first or starts from the matches', async () => {
    const { inboxPage } = await import('../../../src-main/feedback/feedbackRowsRepository')
    const db = app.ctx.session.require().db
    for (const filter of [{ tag: ['Staff'] }, { text: 'app' }, { tag: ['Delivery'], band: ['poor' as const] }]) {
      const a = await inboxPage(db, filter, 30)
      const b = await inboxPage(db, filter, 30, undefined, { membershipScan: true })
      expect(b.map((r) => r.id)).toEqual(a.map((r) => r.id))
      expect(a.length).toBeGreaterThan(0)
    }
  })

  it('counts a search or a tag alone from its own index, exactly as the general count does', async () => {
    const everything = { from: '1970-01-01' }
    for (const f of [{ text: 'giao' }, { text: 'ส่ง' }, { tag: ['Delivery'] }, { tag: ['Delivery', 'Staff'] }]) {
      const alone = (await app.api.call('feedback.list', { filter: f, limit: 1 })).total
      const general = (await app.api.call('feedback.list', { filter: { ...f, ...everything }, limit: 1 })).total
      expect(alone).toBe(general)
      expect(alone).toBeGreaterThan(0)
    }
  })

  it('searches English by word prefix, and matches nothing for text without words', async () => {
    const r = await app.api.call('feedback.list', { filter: { text: 'deliv' }, limit: 5 })
    expect(r.total).toBeGreaterThan(0)
    expect((await app.api.call('feedback.list', { filter: { text: '!!!' }, limit: 5 })).total).toBe(0)
  })

  it('computes sentiment for the demo comments and filters on it', async () => {
    const neg = await app.api.call('feedback.list', { filter: { sentiment: ['negative'] }, limit: 100 })
    const pos = await app.api.call('feedback.list', { filter: { sentiment: ['positive'] }, limit: 100 })
    expect(neg.total).toBeGreaterThan(100)
    expect(pos.total).toBeGreaterThan(100)
    for (const i of neg.items) expect(i.sentiment).toBeLessThanOrEqual(-0.2)
  })

  it('tags comments by keyword rules in each language, and counts items per tag under a filter', async () => {
    const tags = await app.api.call('tags.list', {})
    const delivery = tags.find((t) => t.name === 'Delivery')
    expect(delivery?.count).toBeGreaterThan(20)
    const th = await app.api.call('feedback.list', { filter: { tag: ['Delivery'], language: ['th'] }, limit: 5 })
    expect(th.total).toBeGreaterThan(0)
    const inApp = await app.api.call('tags.list', { filter: { channel: ['app'] } })
    expect(inApp.find((t) => t.name === 'Delivery')?.count ?? 0).toBeLessThan(delivery?.count ?? 0)
  })

  it('assigns and resolves with who and when, records time to resolution, and undoes', async () => {
    await app.api.call('app.setUserName', { name: 'Lan' })
    const followUp = { band: ['poor' as const], status: ['new' as const, 'in_progress' as const] }
    const before = await app.api.call('feedback.list', { filter: followUp, limit: 1 })
    const item = before.items[0]
    await app.api.call('feedback.update', { ids: [item.id], owner: 'Huy (CSKH)' })
    const done = await app.api.call('feedback.update', { ids: [item.id], status: 'resolved' })
    expect(done.updated).toBe(1)
    const detail = await app.api.call('feedback.get', { id: item.id })
    expect(detail).toMatchObject({ item: { status: 'resolved', owner: 'Huy (CSKH)' }, statusChangedBy: 'Lan', resolvedAt: app.ctx.clock.now() })
    expect(detail.timeToResolutionMs).toBe(app.ctx.clock.now() - item.submittedAt)
    expect(detail.events.map((e) => [e.kind, e.value, e.actor])).toEqual([
      ['owner', 'Huy (CSKH)', 'Lan'],
      ['status', 'resolved', 'Lan'],
    ])
    const after = await app.api.call('feedback.list', { filter: followUp, limit: 1 })
    expect(after.total).toBe((before.total ?? 0) - 1)
    await app.api.call('feedback.restore', { items: done.previous })
    expect((await app.api.call('feedback.get', { id: item.id })).item.status).toBe(item.status)
  })

  it('shows the customer with their other responses and notes', async () => {
    const [row] = sql<{ id: number; customer_id: number }>(`SELECT r.id, r.customer_id FROM responses r JOIN notes n ON n.response_id = r.id LIMIT 1`)
    const d = await app.api.call('feedback.get', { id: row.id })
    expect(d.customer?.id).toBe(row.customer_id)
    expect(d.history.every((h) => h.customerId === row.customer_id && h.id !== row.id)).toBe(true)
    expect(d.notes.length).toBeGreaterThan(0)
    const note = await app.api.call('feedback.addNote', { id: row.id, body: 'Gọi lại lúc 3 giờ' })
    expect(note.author).toBe('Lan')
  })

  it('bulk-tags a selection by hand and keeps hand tags when rules are re-applied', async () => {
    const page = await app.api.call('feedback.list', { filter: { channel: ['phone'] }, limit: 10 })
    const ids = page.items.map((i) => i.id)
    expect((await app.api.call('tags.assign', { ids, tag: 'Call back' })).changed).toBe(10)
    await app.api.call('tags.saveRule', { tag: 'Wifi', language: 'en', keywords: ['wifi'] })
    const tagged = await app.api.call('feedback.list', { filter: { tag: ['Call back'] }, limit: 20 })
    expect(tagged.total).toBe(10)
    expect((await app.api.call('feedback.list', { filter: { tag: ['Wifi'], language: ['en'] }, limit: 1 })).total).toBeGreaterThan(0)
  })

  it('suggests recurring phrases as themes', async () => {
    const s = await app.api.call('tags.suggest', { limit: 15 })
    expect(s.length).toBeGreaterThan(3)
    for (const t of s) expect(t.count).toBeGreaterThan(1)
  })

  it('saves views as normalised filter queries', async () => {
    const views = await app.api.call('views.list', {})
    expect(views.map((v) => v.name)).toContain('Needs follow-up')
    const saved = await app.api.call('views.save', { name: 'Bangkok', query: 'location=Bangkok+-+Sukhumvit&bogus=1&band=poor' })
    expect(saved.query).toBe('band=poor&location=Bangkok+-+Sukhumvit')
  })

  it('renames and deletes a view, and says when the view to rename is gone', async () => {
    const saved = await app.api.call('views.save', { name: 'Hanoi', query: 'location=Hanoi' })
    await app.api.call('views.save', { id: saved.id, name: 'Hà Nội', query: 'location=Hanoi' })
    expect((await app.api.call('views.list', {})).find((v) => v.id === saved.id)?.name).toBe('Hà Nội')
    await app.api.call('views.delete', { id: saved.id })
    expect((await app.api.call('views.list', {})).some((v) => v.id === saved.id)).toBe(false)
    await expect(app.api.call('views.save', { id: saved.id, name: 'Again', query: '' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('takes the tags of a deleted keyword rule off the comments, keeping tags given by hand', async () => {
    const { rule, tagged } = await app.api.call('tags.saveRule', { tag: 'Staff mentions', language: 'en', keywords: ['staff'] })
    const mentions = async () => (await app.api.call('feedback.list', { filter: { tag: ['Staff mentions'] }, limit: 1 })).total
    expect(await mentions()).toBeGreaterThan(0)
    const byHand = (await app.api.call('feedback.list', { filter: {}, limit: 1 })).items[0].id
    await app.api.call('tags.assign', { ids: [byHand], tag: 'Staff mentions' })
    const after = await app.api.call('tags.deleteRule', { id: rule.id })
    expect(after.tagged).toBeLessThan(tagged)
    expect(await mentions()).toBe(1)
    expect((await app.api.call('tags.rules', {})).some((r) => r.id === rule.id)).toBe(false)
  })

  it('stores a feedback item typed in by hand, searchable at once', async () => {
    const { id } = await app.api.call('feedback.create', { date: '2026-11-20', time: '09:30', metric: 'csat', score: 2, comment: 'Khách gọi điện phàn nàn cà phê nguội', channel: 'phone', customerName: 'Chị Mai' })
    const d = await app.api.call('feedback.get', { id })
    expect(d.item).toMatchObject({ metric: 'csat', score: 2, band: 'poor', language: 'vi', channel: 'phone', customerName: 'Chị Mai' })
    expect(d.item.sentiment).toBeLessThan(0)
    const found = await app.api.call('feedback.list', { filter: { text: 'ca phe nguoi' }, limit: 5 })
    expect(found.items.map((i) => i.id)).toContain(id)
  })
})

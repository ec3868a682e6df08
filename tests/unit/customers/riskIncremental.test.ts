import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testAppInMemory, type TestApp } from '../../helpers/context'
import { responseWriter } from '../../../src-main/db/responses'
import { customerLifecycles, forEachCustomerFact } from '../../../src-main/customers/riskFactsRepository'
import { assessRisk, riskRulesOf, riskSnapshot, riskSnapshotStats, type RiskSnapshot } from '../../../src-main/customers/riskService'

const DAY = 86_400_000
let app: TestApp
beforeEach(async () => {
  app = await testAppInMemory({ timezone: 'Asia/Bangkok', seed: 'cafeDemo' })
})
afterEach(() => app.cleanup())

const open = () => app.ctx.session.require()
const sqlite = () => open().ws.sqlite
const ids = (sql: string, ...args: unknown[]) => sqlite().prepare(sql).pluck().all(...args) as number[]

/** The risk of every active customer computed from nothing, as the first request of the day does. */
async function fromScratch(now: number): Promise<RiskSnapshot> {
  const s = sqlite()
  return assessRisk({ lifecycles: customerLifecycles(s), forEachFact: (each) => forEachCustomerFact(s, each) }, await riskRulesOf(open()), now, open().localDateOf)
}

const plain = (snapshot: RiskSnapshot) =>
  new Map([...snapshot.byId].map(([id, r]) => [id, { level: r.verdict.level, points: r.verdict.points, reasons: JSON.stringify(r.verdict.reasons), p: r.probability?.toFixed(12) ?? null }]))

describe('incremental risk (customer_changes)', () => {
  it('the triggers name the customers whose facts or responses change, once each', () => {
    const before = sqlite().prepare('SELECT ifnull(max(seq), 0) FROM customer_changes').pluck().get() as number
    const [a, b] = ids('SELECT id FROM customers WHERE churned_at IS NULL ORDER BY id LIMIT 2')
    const response = ids('SELECT id FROM responses WHERE customer_id = ? LIMIT 1', a)[0]
    sqlite().prepare(`UPDATE responses SET status = 'resolved', resolved_at = 1 WHERE id = ?`).run(response)
    sqlite().prepare(`UPDATE customers SET churned_at = '2026-01-01' WHERE id = ?`).run(b)
    sqlite().prepare(`UPDATE responses SET status = 'in_progress' WHERE id = ?`).run(response)
    // A comment edit does not touch what the risk reads.
    sqlite().prepare(`UPDATE responses SET comment = 'edited' WHERE id = ?`).run(response)
    const changed = sqlite().prepare('SELECT customer_id FROM customer_changes WHERE seq > ? ORDER BY seq').pluck().all(before)
    expect(changed).toEqual([b, a])
    // A response moved to another customer changes both.
    sqlite().prepare('UPDATE responses SET customer_id = ? WHERE id = ?').run(b, response)
    expect(sqlite().prepare('SELECT customer_id FROM customer_changes WHERE seq > ? ORDER BY seq').pluck().all(before)).toEqual(expect.arrayContaining([a, b]))
    // A question's scale moves every score: customer 0 stands for everyone.
    sqlite().prepare('UPDATE questions SET scale_max = scale_max WHERE id = (SELECT min(id) FROM questions)').run()
    expect(sqlite().prepare('SELECT customer_id FROM customer_changes ORDER BY seq DESC LIMIT 1').pluck().get()).toBe(0)
  })

  it('after a few writes only the changed customers are computed again, and the answer equals a pass from scratch', async () => {
    const now = app.ctx.clock.now()
    await riskSnapshot(open(), now)
    const stats = { ...riskSnapshotStats }

    const [poorNow, leaves] = ids('SELECT id FROM customers WHERE churned_at IS NULL AND id IN (SELECT customer_id FROM responses) ORDER BY id LIMIT 2')
    const resolved = ids(`SELECT customer_id FROM responses r JOIN customers c ON c.id = r.customer_id WHERE c.churned_at IS NULL AND r.band = -1 AND r.status NOT IN ('resolved', 'no_action') AND c.id NOT IN (?, ?) LIMIT 1`, poorNow, leaves)[0]
    expect(resolved).toBeDefined()
    // A new detractor today, a customer who left, a follow-up resolved, a customer added by hand.
    const write = responseWriter(sqlite())
    const question = sqlite().prepare(`SELECT id FROM questions WHERE metric = 'nps' LIMIT 1`).pluck().get() as number
    write({
      dedupKey: 'incremental:1', importId: null, externalRef: null, customerId: poorNow, questionId: question, score: 1, submittedAt: now - DAY, submittedOffset: 420,
      localDate: open().localDateOf(now - DAY), channel: 'app', touchpoint: 'Mobile app ordering', stage: 'Purchase', location: 'Online', language: 'en', comment: null,
      respondentEmail: null, status: 'new', owner: null, statusChangedAt: null, resolvedAt: null, now,
    })
    sqlite().prepare('UPDATE customers SET churned_at = ? WHERE id = ?').run(open().localDateOf(now - DAY), leaves)
    sqlite().prepare(`UPDATE responses SET status = 'resolved', resolved_at = ?, status_changed_at = ? WHERE customer_id = ? AND band = -1`).run(now - DAY, now - DAY, resolved)
    const added = await app.api.call('customers.save', { customer: { ref: null, name: 'Nguyễn Mới', email: null, phone: null, segment: null, location: null, customerSince: '2026-01-01', churnedAt: null } })

    const updated = await riskSnapshot(open(), now)
    expect(riskSnapshotStats.full).toBe(stats.full)
    expect(riskSnapshotStats.incremental).toBe(stats.incremental + 1)
    expect(riskSnapshotStats.customersRecomputed - stats.customersRecomputed).toBe(4)
    expect(updated.byId.has(leaves)).toBe(false)
    expect(updated.byId.get(added.customer.id)?.verdict.points).toBe(0)
    expect(updated.byId.get(poorNow)?.verdict.reasons.some((r) => r.kind === 'lastPoor')).toBe(true)
    expect(plain(updated)).toEqual(plain(await fromScratch(now)))
    // Nothing changed since: nothing is computed again.
    await riskSnapshot(open(), now)
    expect(riskSnapshotStats.customersRecomputed - stats.customersRecomputed).toBe(4)
  })

  it('a question change, new rules or a new day run the whole pass again', async () => {
    const now = app.ctx.clock.now()
    await riskSnapshot(open(), now)
    const full = riskSnapshotStats.full
    sqlite().prepare('UPDATE questions SET scale_max = scale_max WHERE id = (SELECT min(id) FROM questions)').run()
    await riskSnapshot(open(), now)
    expect(riskSnapshotStats.full).toBe(full + 1)
    await riskSnapshot(open(), now + DAY)
    expect(riskSnapshotStats.full).toBe(full + 2)
    await app.api.call('customers.saveRiskRules', { rules: { ...(await app.api.call('customers.riskRules', {})), silenceDays: 365 } })
    await riskSnapshot(open(), now + DAY)
    expect(riskSnapshotStats.full).toBe(full + 3)
  })
})

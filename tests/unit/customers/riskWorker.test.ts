import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { testApp, type TestApp } from '../../helpers/context'
import { customerLifecycles, forEachCustomerFact } from '../../../src-main/customers/riskFactsRepository'
import { assessRisk, attachRiskHost, cancelRisk, riskRulesOf, riskSnapshot, riskSnapshotStats, riskStatus, type RiskSnapshot } from '../../../src-main/customers/riskService'
import type { RiskProgress } from '../../../src-shared/api/customers'

let app: TestApp
beforeEach(async () => {
  app = testApp({ timezone: 'Asia/Bangkok' })
  await app.api.call('workspace.openDemo', {})
})
afterEach(() => app.cleanup())

const plain = (snapshot: RiskSnapshot) => ({
  evaluation: snapshot.evaluation,
  byId: new Map([...snapshot.byId].map(([id, r]) => [id, { points: r.verdict.points, reasons: JSON.stringify(r.verdict.reasons), p: r.probability }])),
})

describe('the risk pass in a worker thread', () => {
  it('reports its progress and gives the same answer as the pass in place', async () => {
    const open = app.ctx.session.require()
    const events: RiskProgress[] = []
    attachRiskHost(open, { emit: (p) => events.push(p), workerFrom: 1 })
    const now = app.ctx.clock.now()
    const inWorker = riskSnapshotStats.inWorker
    const pending = riskSnapshot(open, now)
    await vi.waitFor(() => expect(riskStatus(open).running).toBe(true))
    // A second request meanwhile waits for the same pass.
    const [snapshot, again] = await Promise.all([pending, riskSnapshot(open, now)])
    expect(again).toBe(snapshot)
    expect(riskSnapshotStats.inWorker).toBe(inWorker + 1)
    expect(riskStatus(open)).toEqual({ running: false, share: null })
    expect(events[0]).toEqual({ state: 'running', share: 0 })
    expect(events.at(-1)).toEqual({ state: 'done', share: 1 })
    const shares = events.filter((e) => e.state === 'running').map((e) => e.share)
    expect(shares).toEqual([...shares].sort((a, b) => a - b))
    const s = open.ws.sqlite
    const inPlace = assessRisk({ lifecycles: customerLifecycles(s), forEachFact: (each) => forEachCustomerFact(s, each) }, await riskRulesOf(open), now, open.localDateOf)
    expect(plain(snapshot)).toEqual(plain(inPlace))
    // The channels answer from the snapshot the worker made.
    const listed = await app.api.call('customers.atRisk', { limit: 5 })
    expect(listed.evaluation).toEqual(snapshot.evaluation)
  })

  it('is cancelled on request: the waiting request answers CANCELLED and the next one starts it again', async () => {
    const open = app.ctx.session.require()
    const events: RiskProgress[] = []
    attachRiskHost(open, { emit: (p) => events.push(p), workerFrom: 1 })
    const pending = riskSnapshot(open, app.ctx.clock.now())
    await vi.waitFor(() => expect(riskStatus(open).running).toBe(true))
    expect(cancelRisk(open)).toEqual({ cancelled: true })
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(events.at(-1)?.state).toBe('cancelled')
    expect(cancelRisk(open)).toEqual({ cancelled: false })
    await expect(riskSnapshot(open, app.ctx.clock.now())).resolves.toBeDefined()
  })
})

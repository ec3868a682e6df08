import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp, type TestApp } from '../../helpers/context'
import { DEMO_RESPONSES } from '../../../src-main/demo/seedCafeDemo'

let app: TestApp
beforeAll(async () => {
  app = testApp({ timezone: 'Asia/Ho_Chi_Minh' })
  await app.api.call('workspace.openDemo', {})
})
afterAll(() => app.cleanup())

const q = <T,>(sql: string) => app.ctx.session.require().ws.sqlite.prepare(sql).all() as T[]

describe('the demo workspace', () => {
  it('holds at least 2,000 responses over two years ending today', async () => {
    const info = await app.api.call('workspace.current', {})
    expect(info).toMatchObject({ isDemo: true, responseCount: DEMO_RESPONSES })
    expect(DEMO_RESPONSES).toBeGreaterThanOrEqual(2000)
    const [span] = q<{ first: number; last: number }>('SELECT min(submitted_at) first, max(submitted_at) last FROM responses')
    const days = (span.last - span.first) / 86_400_000
    expect(days).toBeGreaterThan(700)
    expect(span.last).toBeLessThanOrEqual(app.ctx.clock.now())
  })

  it('has comments in Vietnamese, Thai and English, several channels and touchpoints, and all three metrics', () => {
    expect(q<{ language: string }>('SELECT DISTINCT language FROM responses WHERE comment IS NOT NULL ORDER BY 1').map((r) => r.language)).toEqual(['en', 'th', 'vi'])
    expect(q('SELECT DISTINCT channel FROM responses').length).toBeGreaterThanOrEqual(5)
    expect(q('SELECT DISTINCT touchpoint FROM responses').length).toBeGreaterThanOrEqual(8)
    expect(q<{ metric: string }>('SELECT DISTINCT q.metric FROM responses r JOIN questions q ON q.id = r.question_id ORDER BY 1').map((r) => r.metric)).toEqual(['ces', 'csat', 'nps'])
  })

  it('gives its customers varied names, as a real customer list has (not a handful repeated)', () => {
    const [c] = q<{ customers: number; names: number }>('SELECT count(*) customers, count(DISTINCT name) names FROM customers')
    expect(c.customers).toBeGreaterThanOrEqual(300)
    expect(c.names / c.customers).toBeGreaterThan(0.9)
  })

  it('has churn with causes: leavers answer no more after leaving, and poor experiences come before leaving', async () => {
    // churned_at is a local date; an answer on the day someone left is the last one they could give.
    const late = q<{ n: number }>(`SELECT count(*) n FROM responses r JOIN customers c ON c.id = r.customer_id
      WHERE c.churned_at IS NOT NULL AND r.local_date > c.churned_at`)
    expect(late[0].n).toBe(0)
    const [{ churned, customers }] = q<{ churned: number; customers: number }>('SELECT sum(churned_at IS NOT NULL) churned, count(*) customers FROM customers')
    expect(churned / customers).toBeGreaterThan(0.1)
    expect(churned / customers).toBeLessThan(0.4)
    // Among customers who ever gave a poor NPS (a detractor), far more left than among those who never did.
    const rates = q<{ poor: number; n: number; gone: number }>(`SELECT poor, count(*) n, sum(gone) gone FROM (
        SELECT c.id, c.churned_at IS NOT NULL gone, EXISTS (SELECT 1 FROM responses r JOIN questions qu ON qu.id = r.question_id
          WHERE r.customer_id = c.id AND qu.metric = 'nps' AND r.score <= 6) poor FROM customers c) GROUP BY poor ORDER BY poor`)
    const [never, ever] = rates.map((r) => r.gone / r.n)
    expect(ever).toBeGreaterThan(2 * never)
    // So the at-risk rules rank leavers above stayers on customers held out (AUC above chance).
    const risk = await app.api.call('customers.atRisk', { limit: 10 })
    expect(risk.evaluation.rules?.auc.value).toBeGreaterThan(0.6)
  })

  it('has customers with follow-ups in every state, owners and notes', () => {
    const states = q<{ status: string }>('SELECT DISTINCT status FROM responses ORDER BY 1').map((r) => r.status)
    expect(states).toEqual(['in_progress', 'new', 'no_action', 'resolved'])
    expect(q('SELECT 1 FROM responses WHERE owner IS NOT NULL').length).toBeGreaterThan(20)
    expect(q('SELECT 1 FROM notes').length).toBeGreaterThan(10)
    expect(q('SELECT 1 FROM customers WHERE churned_at IS NOT NULL').length).toBeGreaterThan(10)
    expect(q("SELECT 1 FROM responses WHERE status = 'resolved' AND (resolved_at IS NULL OR resolved_at < submitted_at)").length).toBe(0)
  })

  it('is the same data every time (deterministic)', async () => {
    const other = testApp({ timezone: 'Asia/Ho_Chi_Minh' })
    await other.api.call('workspace.openDemo', {})
    const sum = (a: TestApp) => a.ctx.session.require().ws.sqlite.prepare('SELECT sum(score), sum(length(comment)), count(*) FROM responses').get()
    expect(sum(other)).toEqual(sum(app))
    await other.cleanup()
  })

  it('shows a monthly NPS with enough responses in most months to be read', async () => {
    const s = await app.api.call('metrics.series', { metric: 'nps', by: 'month' })
    expect(s.rows.length).toBeGreaterThanOrEqual(24)
    expect(s.rows.filter((r) => !r.lowSample).length).toBeGreaterThanOrEqual(20)
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import { FeatureTable, MODEL_FEATURES } from '../../../src-main/customers/riskFeatures'
import { forEachCustomerFact } from '../../../src-main/customers/riskFactsRepository'
import { addFact, emptyFeatures, modelFeatures, type CustomerFeatures, type ResponseFact } from '../../../src-main/customers/riskRules'
import { testAppInMemory, type TestApp } from '../../helpers/context'

const DAY = 86_400_000
const NOW = Date.UTC(2026, 10, 22, 5)

/** A deterministic generator (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * A history built to reach every branch of addFact: responses before, at and after each cutoff,
 * several at the same time, unscored ones, three metrics (a fall on one metric, then another
 * metric's answer, then the first again), poor answers whose follow-up is open, resolved before or
 * after a cutoff, closed without a resolution time (with and without a change time), or still new.
 * Customers come by id, each one's responses in time order; some customers have none.
 */
function history(customers: number, seed: number, cutoffs: readonly number[]): Array<[number, ResponseFact[]]> {
  const rnd = random(seed)
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]
  const metrics = [
    { metric: 'nps', min: 0, max: 10, lowerBetter: false },
    { metric: 'csat', min: 1, max: 5, lowerBetter: false },
    { metric: 'ces', min: 1, max: 7, lowerBetter: true },
  ]
  // Times near the cutoffs, on them, and anywhere in the last 400 days.
  const times = () => {
    const c = pick(cutoffs)
    const r = rnd()
    return r < 0.1 ? c : r < 0.4 ? c + Math.round((rnd() - 0.5) * 20 * DAY) : NOW - Math.floor(rnd() * 400 * DAY)
  }
  const out: Array<[number, ResponseFact[]]> = []
  let id = 0
  for (let n = 0; n < customers; n++) {
    id += 1 + Math.floor(rnd() * 3)
    const count = Math.floor(rnd() * rnd() * 14)
    const facts: ResponseFact[] = []
    for (let k = 0; k < count; k++) {
      // Now and then at exactly the time of the one before (a tie).
      const at = k > 0 && rnd() < 0.2 ? facts[k - 1].at : times()
      const m = rnd() < 0.6 ? metrics[0] : pick(metrics)
      const unscored = rnd() < 0.1
      const score = unscored ? null : m.min + Math.floor(rnd() * (m.max - m.min + 1))
      const u = score === null ? null : m.lowerBetter ? (m.max - score) / (m.max - m.min) : (score - m.min) / (m.max - m.min)
      const band: -1 | 0 | 1 | null = u === null ? (rnd() < 0.5 ? null : -1) : u <= 0.6 ? -1 : u <= 0.8 ? 0 : 1
      const status = pick(['new', 'in_progress', 'resolved', 'no_action'])
      const closedLater = () => pick([null, at + Math.floor(rnd() * 200 * DAY), pick(cutoffs), pick(cutoffs) + 1])
      const resolvedAt = status === 'resolved' && rnd() < 0.6 ? closedLater() : null
      const changedAt = status === 'new' ? null : closedLater()
      facts.push({ at, band, score, u, metric: unscored && rnd() < 0.5 ? null : m.metric, status, resolvedAt, changedAt })
    }
    facts.sort((a, b) => a.at - b.at)
    out.push([id, facts])
  }
  return out
}

describe('the risk features in one pass (FeatureTable)', () => {
  it('give at every cutoff exactly the features and model inputs addFact gives, customer by customer', () => {
    const cutoffs = [NOW, NOW - 90 * DAY, NOW - 180 * DAY]
    const customers = history(3000, 17, cutoffs)
    const table = new FeatureTable(cutoffs, 16) // small on purpose: the table grows
    for (const [id, facts] of customers) for (const f of facts) table.add(id, { ...f })
    let compared = 0
    let withPrevious = 0
    let open = 0
    const x = new Float64Array(MODEL_FEATURES + 2)
    for (const [id, facts] of customers) {
      const slot = table.slotOf(id)
      expect(slot < 0).toBe(facts.length === 0)
      cutoffs.forEach((cutoff, k) => {
        const straight: CustomerFeatures = emptyFeatures()
        for (const f of facts) addFact(straight, f, cutoff)
        expect(table.featuresOf(slot, k)).toEqual(straight)
        expect(table.lastBandOf(slot, k)).toBe(straight.last?.band ?? null)
        // The model's inputs, bit for bit, at the cutoff and at a later day.
        for (const at of [cutoff, cutoff + 30 * DAY]) {
          table.modelFeaturesInto(slot, k, at, x, 2)
          expect(Array.from(x.subarray(2))).toEqual(modelFeatures(straight, at))
        }
        compared++
        if (straight.previous) withPrevious++
        if (straight.openCount) open++
      })
    }
    // The history reached the branches that matter.
    expect(compared).toBe(9000)
    expect(withPrevious).toBeGreaterThan(500)
    expect(open).toBeGreaterThan(500)
    expect(table.size).toBe(customers.filter(([, f]) => f.length).length)
  })

  it('take customers in any order, each with their responses in time order', () => {
    const cutoffs = [NOW, NOW - 90 * DAY]
    const customers = history(300, 5, cutoffs)
    const inOrder = new FeatureTable(cutoffs)
    for (const [id, facts] of customers) for (const f of facts) inOrder.add(id, f)
    // Interleaved: every customer's next response in turn.
    const mixed = new FeatureTable(cutoffs)
    const longest = Math.max(...customers.map(([, f]) => f.length))
    for (let k = 0; k < longest; k++) for (const [id, facts] of [...customers].reverse()) if (k < facts.length) mixed.add(id, facts[k])
    for (const [id] of customers) for (const k of [0, 1]) expect(mixed.featuresOf(mixed.slotOf(id), k)).toEqual(inOrder.featuresOf(inOrder.slotOf(id), k))
  })
})

describe('the whole read of the facts (forEachCustomerFact)', () => {
  let app: TestApp | undefined
  afterEach(() => app?.cleanup())

  it('gives the features the straightforward query gives (joined to the questions, ties by id, every column from the table)', async () => {
    app = await testAppInMemory({ timezone: 'Asia/Bangkok', seed: 'cafeDemo' })
    const sqlite = app.ctx.session.require().ws.sqlite
    // Ties: some responses moved to the time of another of the same customer's; some poor ones
    // closed without a resolution time, with or without a change time.
    sqlite.exec(`
      UPDATE responses SET submitted_at = (SELECT min(o.submitted_at) FROM responses o WHERE o.customer_id = responses.customer_id)
        WHERE customer_id IS NOT NULL AND id % 7 = 0;
      UPDATE responses SET status = 'no_action', resolved_at = NULL, status_changed_at = CASE WHEN id % 2 = 0 THEN submitted_at + 86400000 ELSE NULL END
        WHERE band = -1 AND id % 5 = 1;
      UPDATE responses SET status = 'resolved', resolved_at = submitted_at + 3 * 86400000 WHERE band = -1 AND id % 5 = 2;`)
    const ties = sqlite.prepare('SELECT count(*) FROM (SELECT 1 FROM responses WHERE customer_id IS NOT NULL GROUP BY customer_id, submitted_at HAVING count(*) > 1)').pluck().get() as number
    expect(ties).toBeGreaterThan(10)
    const closedUntimed = sqlite.prepare(`SELECT count(*) FROM responses WHERE customer_id IS NOT NULL AND band = -1 AND status = 'no_action' AND resolved_at IS NULL`).pluck().get() as number
    expect(closedUntimed).toBeGreaterThan(10)

    const now = app.ctx.clock.now()
    const cutoffs = [now, now - 90 * DAY, now - 200 * DAY]
    // The reference: every column read from the table, the score placed on 0–1 by SQL.
    const reference = new Map<number, CustomerFeatures[]>()
    const rows = sqlite
      .prepare(
        `SELECT r.customer_id, r.submitted_at, r.band, r.score,
           CASE WHEN r.score IS NULL OR q.id IS NULL THEN NULL
                WHEN q.direction = 'lower_better' THEN (q.scale_max - r.score) * 1.0 / (q.scale_max - q.scale_min)
                ELSE (r.score - q.scale_min) * 1.0 / (q.scale_max - q.scale_min) END,
           q.metric, r.status, r.resolved_at, r.status_changed_at
         FROM responses r LEFT JOIN questions q ON q.id = r.question_id
         WHERE r.customer_id IS NOT NULL ORDER BY r.customer_id, r.submitted_at, r.id`,
      )
      .raw()
      .all() as unknown[][]
    for (const r of rows) {
      const id = r[0] as number
      let fs = reference.get(id)
      if (!fs) reference.set(id, (fs = cutoffs.map(() => emptyFeatures())))
      const fact: ResponseFact = { at: r[1] as number, band: r[2] as -1 | 0 | 1 | null, score: r[3] as number | null, u: r[4] as number | null, metric: r[5] as string | null, status: r[6] as string, resolvedAt: r[7] as number | null, changedAt: r[8] as number | null }
      cutoffs.forEach((c, k) => addFact(fs[k], fact, c))
    }
    const table = new FeatureTable(cutoffs)
    let seen = 0
    let lastId = 0
    // Seven customers a statement: the ranges' edges fall between and on customers' ids.
    forEachCustomerFact(
      sqlite,
      (id, fact) => {
        seen++
        expect(id).toBeGreaterThanOrEqual(lastId)
        lastId = id
        table.add(id, fact)
      },
      { customersPerRead: 7 },
    )
    expect(seen).toBe(rows.length)
    expect(table.size).toBe(reference.size)
    for (const [id, fs] of reference) fs.forEach((f, k) => expect(table.featuresOf(table.slotOf(id), k)).toEqual(f))
  })
})

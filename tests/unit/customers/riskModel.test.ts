import { describe, expect, it } from 'vitest'
import { aucWithInterval, fitLogistic, predict, topDecileLift } from '../../../src-main/customers/riskModel'
import { addFact, applyRules, defaultRiskRules, emptyFeatures, type ResponseFact } from '../../../src-main/customers/riskRules'
import { assessRisk, type History } from '../../../src-main/customers/riskService'

const DAY = 86_400_000
const NOW = Date.UTC(2026, 10, 22)
const localDateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10)

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

const fact = (at: number, score: number, extra: Partial<ResponseFact> = {}): ResponseFact => ({
  at,
  score,
  u: score / 10,
  band: score <= 6 ? -1 : score <= 8 ? 0 : 1,
  metric: 'nps',
  status: 'new',
  resolvedAt: null,
  changedAt: null,
  ...extra,
})

/**
 * A history of `n` customers with NPS answers before and after the cutoff; `signal` says how much a
 * poor last answer before the cutoff raises the chance of leaving within the 90 days after it (0: none).
 */
function history(n: number, signal: number, seed: number): History {
  const rnd = random(seed)
  const cutoff = NOW - 90 * DAY
  const facts: Array<[number, ResponseFact]> = []
  const lifecycles: History['lifecycles'] = []
  for (let id = 1; id <= n; id++) {
    const answers = 1 + Math.floor(rnd() * 4)
    let lastScore = 10
    for (let k = 0; k < answers; k++) {
      const at = cutoff - Math.floor((answers - k) * 40 * DAY * rnd()) - DAY
      lastScore = Math.floor(rnd() * 11)
      facts.push([id, fact(at, lastScore)])
    }
    const p = 0.15 + (lastScore <= 6 ? signal : 0)
    const churnDay = rnd() < p ? Math.floor(1 + rnd() * 89) : null
    // After the cutoff: the leavers' unhappiness shows then, too late for features as of T to see it.
    if (churnDay !== null) facts.push([id, fact(cutoff + DAY, 0)])
    lifecycles.push({ id, since: '2024-01-01', churned: churnDay === null ? null : localDateOf(cutoff + churnDay * DAY) })
  }
  facts.sort((a, b) => a[0] - b[0] || a[1].at - b[1].at)
  return { lifecycles, forEachFact: (each) => facts.forEach(([id, f]) => each(id, f)) }
}

describe('the churn model and its held-out evaluation', () => {
  it('on a history with no signal, the intervals of the model and the rules include 0.5 and the rules rank the list', () => {
    const snap = assessRisk(history(3000, 0, 7), defaultRiskRules, NOW, localDateOf)
    const e = snap.evaluation
    expect(e.churned).toBeGreaterThanOrEqual(30)
    expect(e.testN).toBeGreaterThan(700)
    expect(e.model).not.toBeNull()
    expect(e.model!.auc.low).toBeLessThanOrEqual(0.5)
    expect(e.model!.auc.high).toBeGreaterThanOrEqual(0.5)
    expect(e.rules!.auc.low).toBeLessThanOrEqual(0.5)
    expect(e.rules!.auc.high).toBeGreaterThanOrEqual(0.5)
    expect(e.rankedBy).toBe('rules')
  })

  it('on a history with signal, the model finds it on customers it did not see (no leakage from after the cutoff)', () => {
    const snap = assessRisk(history(3000, 0.5, 11), defaultRiskRules, NOW, localDateOf)
    const e = snap.evaluation
    expect(e.model!.auc.low).toBeGreaterThan(0.6)
    expect(e.rules!.auc.low).toBeGreaterThan(0.6)
    expect(e.model!.lift!).toBeGreaterThan(1.3)
    // Every leaver answered 0 after the cutoff: had those answers leaked into the features, the AUC would be ~1.
    expect(e.model!.auc.value).toBeLessThan(0.9)
    // Churn by last score band: detractors left more.
    const rows = Object.fromEntries(snap.churnByBand.rows.map((r) => [r.band, r]))
    expect(rows.poor.rate!).toBeGreaterThan(rows.good.rate! + 2 * rows.poor.moe95!)
  })

  it('too little churn history fits no model; the list is ranked by the rules', () => {
    const snap = assessRisk(history(100, 0, 3), defaultRiskRules, NOW, localDateOf)
    expect(snap.evaluation.churned).toBeLessThan(30)
    expect(snap.evaluation.model).toBeNull()
    expect(snap.evaluation.rankedBy).toBe('rules')
  })

  it('AUC: perfect, inverted, ties and its interval', () => {
    expect(aucWithInterval([1, 2, 3, 4], [0, 0, 1, 1])!.value).toBe(1)
    expect(aucWithInterval([4, 3, 2, 1], [0, 0, 1, 1])!.value).toBe(0)
    expect(aucWithInterval([1, 1, 1, 1], [0, 1, 0, 1])!.value).toBe(0.5)
    expect(aucWithInterval([1, 2], [1, 1])).toBeNull()
    const i = aucWithInterval([0.1, 0.4, 0.35, 0.8, 0.7, 0.2], [0, 0, 1, 1, 1, 0])!
    expect(i.low).toBeLessThan(i.value)
    expect(i.high).toBeGreaterThanOrEqual(i.value)
  })

  it('top-decile lift counts ties at the edge in proportion', () => {
    // 20 customers, 4 churned; the top 2 by score both churned → lift (2/2)/(4/20) = 5.
    const scores = Array.from({ length: 20 }, (_, i) => 20 - i)
    const labels = scores.map((_, i) => (i < 4 ? 1 : 0))
    expect(topDecileLift(scores, labels)).toBeCloseTo(5, 10)
    // All tied: the top tenth holds the base rate.
    expect(topDecileLift(scores.map(() => 1), labels)).toBeCloseTo(1, 10)
  })

  it('logistic regression recovers a clear direction', () => {
    const rnd = random(5)
    const xs: number[][] = []
    const ys: number[] = []
    for (let i = 0; i < 2000; i++) {
      const x = rnd() * 4 - 2
      xs.push([x])
      ys.push(rnd() < 1 / (1 + Math.exp(-2 * x)) ? 1 : 0)
    }
    const m = fitLogistic(xs, ys, { lambda: 0.01 })
    expect(predict(m, [2])).toBeGreaterThan(0.9)
    expect(predict(m, [-2])).toBeLessThan(0.1)
  })
})

describe('the risk rules', () => {
  it('say why in parts: a poor last score, a fall, an open follow-up, silence', () => {
    const f = emptyFeatures()
    const t0 = NOW - 200 * DAY
    for (const r of [fact(t0, 9), fact(t0 + 9 * DAY, 4)]) addFact(f, r, NOW)
    const v = applyRules(f, defaultRiskRules, NOW)
    expect(v.reasons.map((r) => r.kind)).toEqual(['lastPoor', 'falling', 'openFollowUp', 'silence'])
    expect(v.reasons[1]).toMatchObject({ from: 9, to: 4 })
    expect(v.reasons[2]).toMatchObject({ days: 191, count: 1 })
    expect(v.points).toBe(3 + 2 + 2 + 1)
    expect(v.level).toBe('high')
  })

  it('are tunable: a rule worth 0 points is off, thresholds move', () => {
    const f = emptyFeatures()
    addFact(f, fact(NOW - 10 * DAY, 7), NOW)
    expect(applyRules(f, defaultRiskRules, NOW)).toMatchObject({ points: 1, level: 'low' })
    expect(applyRules(f, { ...defaultRiskRules, lastNeutral: 0 }, NOW)).toMatchObject({ points: 0, level: 'none', reasons: [] })
    expect(applyRules(f, { ...defaultRiskRules, silenceDays: 5 }, NOW).reasons.map((r) => r.kind)).toEqual(['lastNeutral', 'silence'])
  })

  it('see a follow-up as open at a past cutoff when it was resolved after it', () => {
    const cutoff = NOW - 90 * DAY
    const f = emptyFeatures()
    addFact(f, fact(cutoff - 10 * DAY, 2, { status: 'resolved', resolvedAt: cutoff + DAY }), cutoff)
    expect(f.openCount).toBe(1)
    const g = emptyFeatures()
    addFact(g, fact(cutoff - 10 * DAY, 2, { status: 'resolved', resolvedAt: cutoff - DAY }), cutoff)
    expect(g.openCount).toBe(0)
  })
})

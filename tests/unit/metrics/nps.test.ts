import { describe, expect, it } from 'vitest'
import { npsValue } from '../../../src-main/metrics/nps'

describe('NPS (METRICS.md)', () => {
  it('computes a hand-worked case: 5 promoters, 3 passives, 2 detractors', () => {
    // NPS = 50% − 20% = 30. Var = 100² · ((0.5 + 0.2) − 0.3²) / 10 = 10000 · 0.61 / 10 = 610.
    // MoE = 1.96 · √610 = 1.96 · 24.698… = 48.408…
    const v = npsValue({ promoters: 5, passives: 3, detractors: 2 })
    expect(v.value).toBe(30)
    expect(v.n).toBe(10)
    expect(v.moe95).toBeCloseTo(48.408, 3)
    expect(v.lowSample).toBe(true)
  })

  it('computes a larger hand-worked case without the low-sample flag', () => {
    // 60 promoters, 25 passives, 15 detractors: NPS 45; Var = 10000 · (0.75 − 0.45²) / 100 = 54.75.
    const v = npsValue({ promoters: 60, passives: 25, detractors: 15 })
    expect(v.value).toBe(45)
    expect(v.moe95).toBeCloseTo(1.96 * Math.sqrt(54.75), 10)
    expect(v.lowSample).toBe(false)
  })

  it('has no value for no responses, and says so', () => {
    expect(npsValue({ promoters: 0, passives: 0, detractors: 0 })).toEqual({ value: null, n: 0, moe95: null, lowSample: true })
  })

  it('is +100 with zero margin when everyone is a promoter, −100 when everyone is a detractor', () => {
    expect(npsValue({ promoters: 40, passives: 0, detractors: 0 })).toMatchObject({ value: 100, moe95: 0 })
    expect(npsValue({ promoters: 0, passives: 0, detractors: 40 })).toMatchObject({ value: -100, moe95: 0 })
  })

  it('handles a single response', () => {
    expect(npsValue({ promoters: 0, passives: 1, detractors: 0 })).toMatchObject({ value: 0, n: 1, moe95: 0, lowSample: true })
  })

  it('flags exactly below 30 responses as too small', () => {
    expect(npsValue({ promoters: 29, passives: 0, detractors: 0 }).lowSample).toBe(true)
    expect(npsValue({ promoters: 30, passives: 0, detractors: 0 }).lowSample).toBe(false)
  })
})

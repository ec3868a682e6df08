import { describe, expect, it } from 'vitest'
import { npsValue, addNpsScore, emptyNpsCounts } from '../../../src-main/metrics/nps'
import { freshWorkspace } from '../../helpers/db'
import { npsSeries } from '../../../src-main/metrics/series'
import { responseWriter } from '../../../src-main/db/repositories/responses'

describe('NPS (METRICS.md)', () => {
  it('buckets 9–10 as promoters, 7–8 passives, 0–6 detractors', () => {
    const c = emptyNpsCounts()
    for (let s = 0; s <= 10; s++) addNpsScore(c, s, 1)
    expect(c).toEqual({ promoters: 2, passives: 2, detractors: 7 })
  })

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
    // 60 promoters, 25 passives, 15 detractors: NPS 45; Var = 10000 · (0.75 − 0.45²) / 100 = 10000 · 0.5475 / 100 = 54.75.
    const v = npsValue({ promoters: 60, passives: 25, detractors: 15 })
    expect(v.value).toBe(45)
    expect(v.moe95).toBeCloseTo(1.96 * Math.sqrt(54.75), 10)
    expect(v.lowSample).toBe(false)
  })

  it('has no value for no responses, and says so', () => {
    const v = npsValue(emptyNpsCounts())
    expect(v).toMatchObject({ value: null, n: 0, moe95: null, lowSample: true })
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

describe('NPS by period in the workspace time zone', () => {
  it('puts a response at 23:30 on the last day of a month in Asia/Bangkok in that month', async () => {
    const open = await freshWorkspace('Asia/Bangkok')
    const write = responseWriter(open.ws.sqlite)
    const base = { importId: null, externalRef: null, customerId: null, questionId: 1, submittedOffset: 420, channel: null, touchpoint: null, stage: null, location: null, language: null, comment: null, respondentEmail: null, status: 'new' as const, owner: null, statusChangedAt: null, resolvedAt: null, now: 0 }
    // 2025-01-31 23:30 in Bangkok is 16:30 UTC: still January there.
    const lateJan = Date.UTC(2025, 0, 31, 16, 30)
    // 2025-01-31 17:30 UTC is 00:30 on 1 February in Bangkok.
    const earlyFeb = Date.UTC(2025, 0, 31, 17, 30)
    write({ ...base, dedupKey: 'a', score: 10, submittedAt: lateJan, localDate: open.localDateOf(lateJan) })
    write({ ...base, dedupKey: 'b', score: 0, submittedAt: earlyFeb, localDate: open.localDateOf(earlyFeb) })
    const s = await npsSeries(open.db, 'Asia/Bangkok', { by: 'month' })
    expect(s.rows.map((r) => [r.period, r.value, r.n])).toEqual([
      ['2025-01', 100, 1],
      ['2025-02', -100, 1],
    ])
    expect(s.overall).toMatchObject({ value: 0, n: 2 })
    await open.ws.close()
  })

  it('filters by local date range, inclusive', async () => {
    const open = await freshWorkspace('UTC')
    const write = responseWriter(open.ws.sqlite)
    const base = { importId: null, externalRef: null, customerId: null, questionId: 1, submittedOffset: 0, channel: null, touchpoint: null, stage: null, location: null, language: null, comment: null, respondentEmail: null, status: 'new' as const, owner: null, statusChangedAt: null, resolvedAt: null, now: 0 }
    for (const [i, day] of ['2025-03-01', '2025-03-15', '2025-03-31', '2025-04-01'].entries()) {
      const t = Date.parse(`${day}T12:00:00Z`)
      write({ ...base, dedupKey: String(i), score: 9, submittedAt: t, localDate: open.localDateOf(t) })
    }
    const s = await npsSeries(open.db, 'UTC', { by: 'day', from: '2025-03-15', to: '2025-03-31' })
    expect(s.rows.map((r) => r.period)).toEqual(['2025-03-15', '2025-03-31'])
    await open.ws.close()
  })
})

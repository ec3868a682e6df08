import { describe, expect, it } from 'vitest'
import { bandOf, defaultThresholds } from '../../../src-shared/domain/scores'
import { filterFromSearchParams, filterToSearchParams } from '../../../src-shared/api/filters'

describe('score bands (METRICS.md defaults)', () => {
  it('uses the fixed NPS buckets', () => {
    const t = defaultThresholds('nps', 0, 10, 'higher_better')
    expect([0, 6, 7, 8, 9, 10].map((s) => bandOf(s, 'higher_better', t))).toEqual([-1, -1, 0, 0, 1, 1])
  })
  it('counts 4–5 as satisfied and 1–2 as not on a 1–5 CSAT scale', () => {
    const t = defaultThresholds('csat', 1, 5, 'higher_better')
    expect([1, 2, 3, 4, 5].map((s) => bandOf(s, 'higher_better', t))).toEqual([-1, -1, 0, 1, 1])
  })
  it('counts 5–7 as agree on the 1–7 CES agreement scale, 4–5 on 1–5', () => {
    const seven = defaultThresholds('ces', 1, 7, 'higher_better')
    expect([1, 2, 3, 4, 5, 6, 7].map((s) => bandOf(s, 'higher_better', seven))).toEqual([-1, -1, -1, 0, 1, 1, 1])
    const five = defaultThresholds('ces', 1, 5, 'higher_better')
    expect([1, 2, 3, 4, 5].map((s) => bandOf(s, 'higher_better', five))).toEqual([-1, -1, 0, 1, 1])
  })
  it('treats low effort as good on the 1–5 CES effort scale (lower is better)', () => {
    const t = defaultThresholds('ces', 1, 5, 'lower_better')
    expect([1, 2, 3, 4, 5].map((s) => bandOf(s, 'lower_better', t))).toEqual([1, 1, 0, -1, -1])
  })
  it('takes smileys (1–3) as one box each', () => {
    const t = defaultThresholds('csat', 1, 3, 'higher_better')
    expect([1, 2, 3].map((s) => bandOf(s, 'higher_better', t))).toEqual([-1, 0, 1])
  })
})

describe('filters in URLs', () => {
  it('round-trips a filter', () => {
    const f = { from: '2025-01-01', to: '2025-03-31', channel: ['app', 'web'], band: ['poor' as const], tag: ['giá cả'], text: 'chờ lâu' }
    expect(filterFromSearchParams(new URLSearchParams(filterToSearchParams(f).toString()))).toEqual(f)
  })
  it('drops what is invalid in a hand-edited URL and keeps the rest', () => {
    expect(filterFromSearchParams(new URLSearchParams('from=yesterday&channel=app&band=terrible'))).toEqual({ channel: ['app'] })
  })
})

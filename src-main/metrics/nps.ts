import { MIN_RELIABLE_N } from '../../src-shared/domain/scores'

export interface NpsCounts {
  promoters: number
  passives: number
  detractors: number
}

export interface NpsValue {
  value: number | null
  n: number
  moe95: number | null
  lowSample: boolean
}

/**
 * NPS = %promoters − %detractors (−100…+100). With p and d the shares of promoters and
 * detractors, Var = 100² · ((p + d) − (p − d)²) / n and the 95% margin of error is 1.96 · √Var
 * (METRICS.md).
 */
export function npsValue(c: NpsCounts): NpsValue {
  const n = c.promoters + c.passives + c.detractors
  if (n === 0) return { value: null, n: 0, moe95: null, lowSample: true }
  const p = c.promoters / n
  const d = c.detractors / n
  const variance = (100 * 100 * (p + d - (p - d) ** 2)) / n
  return {
    // Computed from counts, not shares, so whole results stay whole (7.5, not 7.499999…).
    value: (100 * (c.promoters - c.detractors)) / n,
    n,
    moe95: 1.96 * Math.sqrt(variance),
    lowSample: n < MIN_RELIABLE_N,
  }
}

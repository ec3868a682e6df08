import type { Change } from '../../src-shared/api/metrics'

export interface Comparable {
  value: number | null
  moe95: number | null
  lowSample: boolean
}

/**
 * The difference between two figures and whether it exceeds their combined 95% margin of error,
 * 1.96 · √(Var₁ + Var₂) = √(moe₁² + moe₂²) (METRICS.md). Too few responses on either side, or a
 * figure without a margin of error, and the answer is "cannot say" rather than a guess.
 */
export function changeBetween(current: Comparable, previous: Comparable): Change | null {
  if (current.value === null || previous.value === null) return null
  const delta = current.value - previous.value
  const moe95 = current.moe95 === null || previous.moe95 === null ? null : Math.sqrt(current.moe95 ** 2 + previous.moe95 ** 2)
  if (current.lowSample || previous.lowSample) return { delta, moe95, significant: null, reason: 'lowSample' }
  if (moe95 === null) return { delta, moe95, significant: null, reason: 'noMargin' }
  return { delta, moe95, significant: Math.abs(delta) > moe95, reason: null }
}

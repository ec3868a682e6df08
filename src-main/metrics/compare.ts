import type { Change } from '../../src-shared/api/metrics'
import { intervalVerdict, marginVerdict, type Interval } from '../../src-shared/domain/significance'

export interface Comparable {
  value: number | null
  moe95: number | null
  lowSample: boolean
}

/**
 * The difference between two figures and whether it exceeds their combined 95% margin of error,
 * 1.96 · √(Var₁ + Var₂) = √(moe₁² + moe₂²) (METRICS.md). Too few responses on either side, or a
 * figure without a margin of error (or with a margin of 0), and the answer is "cannot say" rather
 * than a guess.
 */
export function changeBetween(current: Comparable, previous: Comparable): Change | null {
  if (current.value === null || previous.value === null) return null
  const delta = current.value - previous.value
  return { delta, ...marginVerdict(delta, current.moe95, previous.moe95, current.lowSample || previous.lowSample) }
}

/** A median (or percentile) with its 95% confidence interval. */
export interface WithInterval {
  value: number | null
  interval: Interval | null
  lowSample: boolean
}

/** The change of a median: significant when the two 95% confidence intervals do not overlap. */
export function intervalChangeBetween(current: WithInterval, previous: WithInterval): Change | null {
  if (current.value === null || previous.value === null) return null
  return {
    delta: current.value - previous.value,
    moe95: null,
    ...intervalVerdict(current.interval, previous.interval, current.lowSample || previous.lowSample),
    intervals: { current: current.interval && [...current.interval], previous: previous.interval && [...previous.interval] },
  }
}

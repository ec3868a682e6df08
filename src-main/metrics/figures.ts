import type { Figure } from '../../src-shared/api/metrics'
import { MIN_RELIABLE_N, type MetricKind } from '../../src-shared/domain/scores'
import type { ScoreAccumulator } from './accumulator'
import { npsValue } from './nps'

const Z95 = 1.96

/** 95% margin of error of a share, in percentage points: 1.96 · √(p(1 − p) / n) · 100. */
export function shareMoe(successes: number, n: number): number | null {
  if (n === 0) return null
  const p = successes / n
  return Z95 * Math.sqrt((p * (1 - p)) / n) * 100
}

/** 95% margin of error of a mean: 1.96 · s / √n, with the sample standard deviation s. */
export function meanMoe(sum: number, sumSq: number, n: number): number | null {
  if (n < 2) return null
  const mean = sum / n
  const variance = Math.max(0, (sumSq - n * mean * mean) / (n - 1))
  return (Z95 * Math.sqrt(variance)) / Math.sqrt(n)
}

/**
 * The figure of a metric (METRICS.md): NPS = %promoters − %detractors; CSAT = % satisfied (top
 * boxes); CES = mean on the question's scale (with % agree / % low effort as goodShare). CES and
 * CSAT means are only given when every answer was on the same scale.
 */
export function figureOf(metric: MetricKind, a: ScoreAccumulator): Figure {
  const base = {
    n: a.n,
    lowSample: a.n < MIN_RELIABLE_N,
    good: a.good,
    neutral: a.neutral,
    poor: a.poor,
    goodShare: a.n ? (100 * a.good) / a.n : null,
    mean: a.n && !a.mixedScales ? a.sum / a.n : null,
    scale: a.scale,
    distribution: [...a.distribution.entries()].sort(([x], [y]) => x - y).map(([score, n]) => ({ score, n })),
  }
  if (metric === 'nps') {
    const v = npsValue({ promoters: a.good, passives: a.neutral, detractors: a.poor })
    return { ...base, value: v.value, moe95: v.moe95 }
  }
  if (metric === 'csat') return { ...base, value: base.goodShare, moe95: shareMoe(a.good, a.n) }
  return { ...base, value: base.mean, moe95: base.mean === null ? null : meanMoe(a.sum, a.sumSq, a.n) }
}

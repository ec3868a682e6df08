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
 * CSAT means are only given when every answer was on the same scale. The accumulator must be
 * complete: the figure shares its distribution. With `head` (a series row's period and group), the
 * figure's fields are added to it rather than to a new object, so a chart's thousand rows are not
 * copied field by field.
 */
export function figureOf(metric: MetricKind, a: ScoreAccumulator): Figure
export function figureOf<H extends object>(metric: MetricKind, a: ScoreAccumulator, head: H): Figure & H
export function figureOf(metric: MetricKind, a: ScoreAccumulator, head: object = {}): Figure {
  const { n, good, neutral, poor, scale } = a
  const goodShare = n ? (100 * good) / n : null
  const mean = n && !a.mixedScales ? a.sum / n : null
  let value: number | null
  let moe95: number | null
  if (metric === 'nps') ({ value, moe95 } = npsValue({ promoters: good, passives: neutral, detractors: poor }))
  else if (metric === 'csat') [value, moe95] = [goodShare, shareMoe(good, n)]
  else [value, moe95] = [mean, mean === null ? null : meanMoe(a.sum, a.sumSq, n)]
  const f = head as Figure
  f.value = value
  f.n = n
  f.moe95 = moe95
  f.lowSample = n < MIN_RELIABLE_N
  f.good = good
  f.neutral = neutral
  f.poor = poor
  f.goodShare = goodShare
  f.mean = mean
  f.scale = scale
  f.distribution = a.distribution.slice()
  return f
}

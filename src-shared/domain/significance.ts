/**
 * Whether a difference between two figures is more than noise (METRICS.md, "Significance of a
 * change"), in one place for the tiles, the group comparison, the drivers, the reports and the
 * journey map. A verdict is only given when both sides have enough answers and a real margin: a
 * margin of 0 (a share of 0% or 100%, where 1.96·√(p(1−p)/n) collapses) or none at all says nothing
 * about the noise, so it never makes a difference "significant".
 */
export type Verdict = { significant: boolean | null; reason: 'lowSample' | 'noMargin' | null }

/** Compares |a − b| with the combined 95% margin √(moe_a² + moe_b²) = 1.96·√(Var_a + Var_b). */
export function marginVerdict(delta: number, moeA: number | null, moeB: number | null, lowSample: boolean): Verdict & { moe95: number | null } {
  const moe95 = moeA === null || moeB === null ? null : Math.sqrt(moeA ** 2 + moeB ** 2)
  if (lowSample) return { moe95, significant: null, reason: 'lowSample' }
  if (!usable(moeA) || !usable(moeB)) return { moe95, significant: null, reason: 'noMargin' }
  return { moe95, significant: Math.abs(delta) > moe95!, reason: null }
}

/** An interval [low, high] around a figure (a median's or a percentile's 95% confidence interval). */
export type Interval = readonly [low: number, high: number]

/**
 * Two figures whose 95% confidence intervals do not overlap differ (a conservative test: two
 * overlapping intervals may still differ). A missing interval, or one of zero width (the middle
 * answers all tied), gives no verdict, like a margin of 0.
 */
export function intervalVerdict(a: Interval | null, b: Interval | null, lowSample: boolean): Verdict {
  if (lowSample) return { significant: null, reason: 'lowSample' }
  if (!a || !b || !(a[1] > a[0]) || !(b[1] > b[0])) return { significant: null, reason: 'noMargin' }
  return { significant: a[0] > b[1] || b[0] > a[1], reason: null }
}

const usable = (moe: number | null) => moe !== null && Number.isFinite(moe) && moe > 0

/**
 * A distribution-free 95% confidence interval for a quantile, from order statistics (the binomial
 * method): with n values sorted, x₍ₗ₎ ≤ ξₚ ≤ x₍ᵤ₎ holds with probability P(l ≤ B ≤ u − 1) for
 * B ~ Binomial(n, p), whatever the distribution. l is the largest rank with P(B ≤ l − 1) ≤ 2.5% and
 * u the smallest with P(B ≥ u) ≤ 2.5%, so the interval covers at least 95%. Null when n is too small
 * for such ranks to exist (a median needs 6 values; a 90th percentile, 36).
 */
export function quantileRanks(n: number, p: number): [low: number, high: number] | null {
  if (n < 1 || p <= 0 || p >= 1) return null
  const tail = 0.025
  // The binomial CDF term by term, in logs so that no term underflows before it matters.
  const logRatio = Math.log(p) - Math.log1p(-p)
  let logPmf = n * Math.log1p(-p)
  let cdf = 0
  let low = 0
  let high = 0
  for (let k = 0; k <= n; k++) {
    cdf += Math.exp(logPmf)
    // P(B ≤ k) ≤ 2.5%: rank k + 1 may still be the lower bound.
    if (cdf <= tail) low = k + 1
    // P(B ≤ k) ≥ 97.5%: rank k + 1 is the upper bound.
    if (cdf >= 1 - tail) {
      high = k + 1
      break
    }
    logPmf += Math.log(n - k) - Math.log(k + 1) + logRatio
  }
  return low >= 1 && high >= 1 && high <= n ? [low, high] : null
}

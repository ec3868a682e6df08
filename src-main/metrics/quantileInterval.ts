/**
 * A distribution-free 95% confidence interval for a quantile, from order statistics (the binomial
 * method): with n values sorted, x₍ₗ₎ ≤ ξₚ ≤ x₍ᵤ₎ holds with probability P(l ≤ B ≤ u − 1) for
 * B ~ Binomial(n, p), whatever the distribution. l is the largest rank with P(B ≤ l − 1) ≤ 2.5% and
 * u the smallest with P(B ≥ u) ≤ 2.5%, so the interval covers at least 95%. Null when n is too small
 * for such ranks to exist (a median needs 6 values; a 90th percentile, 36).
 */
export function quantileRanks(n: number, p: number): [low: number, high: number] | null {
  if (n < 1 || p <= 0 || p >= 1) return null
  const key = `${n}:${p}`
  const known = memo.get(key)
  if (known !== undefined) return known
  const ranks = computeRanks(n, p)
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!)
  memo.set(key, ranks)
  return ranks
}

const TAIL = 0.025
/** Standard deviations below the mean where the summing starts: the mass below is under 10⁻³⁰, far below what a double adds up. */
const WINDOW_SDS = 12
/** A page asks for the same few n (each period's resolved count) again and again. */
const MEMO_SIZE = 2_000
const memo = new Map<string, [number, number] | null>()

/**
 * The binomial CDF term by term from a little below the mean (the terms further down are too small to
 * count), each term in logs so none underflows: tens of terms for a period's items, a few thousand
 * for a year of a million responses, instead of n.
 */
function computeRanks(n: number, p: number): [number, number] | null {
  const sd = Math.sqrt(n * p * (1 - p))
  const first = Math.max(0, Math.floor(n * p - WINDOW_SDS * sd) - 1)
  const logRatio = Math.log(p) - Math.log1p(-p)
  let logPmf = logChoose(n, first) + first * Math.log(p) + (n - first) * Math.log1p(-p)
  let cdf = 0
  let low = 0
  let high = 0
  for (let k = first; k <= n; k++) {
    cdf += Math.exp(logPmf)
    // P(B ≤ k) ≤ 2.5%: rank k + 1 may still be the lower bound.
    if (cdf <= TAIL) low = k + 1
    // P(B ≤ k) ≥ 97.5%: rank k + 1 is the upper bound.
    if (cdf >= 1 - TAIL) {
      high = k + 1
      break
    }
    logPmf += Math.log(n - k) - Math.log(k + 1) + logRatio
  }
  return low >= 1 && high >= 1 && high <= n ? [low, high] : null
}

/** ln C(n, k). */
function logChoose(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1)
}

const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7]

/** ln Γ(x) for x ≥ 1 by the Lanczos approximation (g = 7): about 15 significant digits. */
function logGamma(x: number): number {
  const z = x - 1
  let a = LANCZOS[0]
  const t = z + 7.5
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i)
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a)
}

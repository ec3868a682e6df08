/**
 * The on-machine churn model and its honest evaluation: L2-regularised logistic regression fitted
 * by Newton's method on standardised features, the area under the ROC curve with its 95% interval
 * (Hanley & McNeil), and the lift of the top decile. Pure functions: no database, no clock.
 */

export interface Fitted {
  /** Weights on the standardised features, the intercept first. */
  weights: number[]
  mean: number[]
  sd: number[]
  iterations: number
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)))

/** Solves A x = b (A symmetric positive definite, small) by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length
  const m = a.map((row, i) => [...row, b[i]])
  for (let c = 0; c < n; c++) {
    let p = c
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r
    ;[m[c], m[p]] = [m[p], m[c]]
    const d = m[c][c] || 1e-12
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / d
      if (f !== 0) for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k]
    }
  }
  const x = new Array<number>(n).fill(0)
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n]
    for (let k = r + 1; k < n; k++) s -= m[r][k] * x[k]
    x[r] = s / (m[r][r] || 1e-12)
  }
  return x
}

/** Fits P(y=1 | x) = σ(w·[1, z(x)]) with a ridge penalty `lambda` on the non-intercept weights. */
export function fitLogistic(xs: readonly number[][], ys: readonly number[], opts: FitOptions = {}): Fitted {
  const d = xs[0]?.length ?? 0
  const flat = new Float64Array(xs.length * d)
  xs.forEach((x, i) => flat.set(x, i * d))
  return fitLogisticRows(flat, xs.length, d, ys, opts)
}

export interface FitOptions {
  lambda?: number
  maxIterations?: number
  onProgress?: (share: number) => void
}

/**
 * fitLogistic on `n` rows of `d` features laid end to end in one typed array (row i at i·d): the
 * same arithmetic in the same order, without an array per row.
 */
export function fitLogisticRows(xs: Float64Array, n: number, d: number, ys: ArrayLike<number>, opts: FitOptions = {}): Fitted {
  const lambda = opts.lambda ?? 1
  const maxIt = opts.maxIterations ?? 25
  const mean = new Array<number>(d).fill(0)
  const sd = new Array<number>(d).fill(0)
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += xs[i * d + j] / n
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) sd[j] += (xs[i * d + j] - mean[j]) ** 2 / n
  for (let j = 0; j < d; j++) sd[j] = Math.sqrt(sd[j]) || 1
  // The standardised rows with a leading 1 for the intercept, D numbers each.
  const D = d + 1
  const z = new Float64Array(n * D)
  for (let i = 0; i < n; i++) {
    z[i * D] = 1
    for (let j = 0; j < d; j++) z[i * D + 1 + j] = (xs[i * d + j] - mean[j]) / sd[j]
  }
  const w = new Float64Array(D)
  const grad = new Float64Array(D)
  const h = new Float64Array(D * D)
  let it = 0
  for (; it < maxIt; it++) {
    grad.fill(0)
    h.fill(0)
    for (let i = 0; i < n; i++) {
      const o = i * D
      let s = 0
      for (let j = 0; j < D; j++) s += w[j] * z[o + j]
      const p = sigmoid(s)
      const r = ys[i] - p
      const v = p * (1 - p)
      for (let j = 0; j < D; j++) {
        const zj = z[o + j]
        grad[j] += r * zj
        const vz = v * zj
        for (let k = j; k < D; k++) h[j * D + k] += vz * z[o + k]
      }
    }
    const hess: number[][] = []
    for (let j = 0; j < D; j++) hess.push(Array.from({ length: D }, (_, k) => (k >= j ? h[j * D + k] : h[k * D + j])))
    const g = Array.from(grad)
    for (let j = 1; j < D; j++) {
      g[j] -= lambda * w[j]
      hess[j][j] += lambda
    }
    const step = solve(hess, g)
    let size = 0
    for (let j = 0; j < D; j++) {
      w[j] += step[j]
      size = Math.max(size, Math.abs(step[j]))
    }
    opts.onProgress?.((it + 1) / maxIt)
    if (size < 1e-7) break
  }
  return { weights: Array.from(w), mean, sd, iterations: it + 1 }
}

export function predict(model: Fitted, x: readonly number[]): number {
  return predictRow(model, x, 0, x.length)
}

/** predict on the `d` features of `xs` from `offset`. */
export function predictRow(model: Fitted, xs: ArrayLike<number>, offset: number, d: number): number {
  let s = model.weights[0]
  for (let j = 0; j < d; j++) s += model.weights[j + 1] * ((xs[offset + j] - model.mean[j]) / model.sd[j])
  return sigmoid(s)
}

export interface Interval {
  value: number
  low: number
  high: number
}

/**
 * The area under the ROC curve (the chance that a churned customer scores above one who stayed, ties
 * counting half) with its 95% interval from Hanley & McNeil's standard error. null without both classes.
 */
export function aucWithInterval(scores: readonly number[], labels: readonly number[]): Interval | null {
  const idx = scores.map((_, i) => i).sort((a, b) => scores[a] - scores[b])
  const n1 = labels.reduce((s, y) => s + (y ? 1 : 0), 0)
  const n0 = labels.length - n1
  if (n1 === 0 || n0 === 0) return null
  // Mid-ranks over ties.
  let rankSum = 0
  for (let i = 0; i < idx.length; ) {
    let j = i
    while (j + 1 < idx.length && scores[idx[j + 1]] === scores[idx[i]]) j++
    const mid = (i + j + 2) / 2
    for (let k = i; k <= j; k++) if (labels[idx[k]]) rankSum += mid
    i = j + 1
  }
  const a = (rankSum - (n1 * (n1 + 1)) / 2) / (n1 * n0)
  const q1 = a / (2 - a)
  const q2 = (2 * a * a) / (1 + a)
  const se = Math.sqrt(Math.max(0, (a * (1 - a) + (n1 - 1) * (q1 - a * a) + (n0 - 1) * (q2 - a * a)) / (n1 * n0)))
  return { value: a, low: Math.max(0, a - 1.96 * se), high: Math.min(1, a + 1.96 * se) }
}

/**
 * How many times the base churn rate the top tenth by score holds. Customers tied at the tenth's
 * edge count in proportion (the expected lift over every order of the ties), so a coarse score such
 * as the rules' points is not flattered by how ties happen to fall. null without churn.
 */
export function topDecileLift(scores: readonly number[], labels: readonly number[]): number | null {
  const n = scores.length
  const positives = labels.reduce((s, y) => s + (y ? 1 : 0), 0)
  if (n === 0 || positives === 0) return null
  const k = Math.max(1, Math.round(n / 10))
  const idx = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a])
  let taken = 0
  let hits = 0
  for (let i = 0; i < n && taken < k; ) {
    let j = i
    let groupHits = 0
    while (j < n && scores[idx[j]] === scores[idx[i]]) groupHits += labels[idx[j++]] ? 1 : 0
    const size = j - i
    const take = Math.min(size, k - taken)
    hits += (groupHits * take) / size
    taken += take
    i = j
  }
  return hits / k / (positives / n)
}

/** A customer's place in the held-out split, fixed by their id (about 30% held out). */
export const isHeldOut = (id: number) => Math.imul(id, 2654435761) >>> 0 < 0x4ccccccd

import type { CustomerFeatures, ResponseFact } from './riskRules'

/**
 * The risk features of many customers at several cutoffs at once, kept in typed arrays: one ordered
 * pass over each customer's responses (they come by customer, then time) brings every cutoff's
 * features up to date, where `addFact` (riskRules.ts, the straightforward form the incremental
 * update still uses) builds an object per customer and cutoff and a `Scored` per scored response.
 * The features at a cutoff are exactly `addFact`'s: a response counts only at cutoffs at or after
 * its time, and a follow-up is open at a cutoff unless it was closed by then
 * (tests/unit/customers/riskFeatures.test.ts checks this on generated histories).
 *
 * Layout: a customer's slot s (in the order they are first seen) and cutoff k live at s·K + k.
 */
export class FeatureTable {
  readonly cutoffs: Float64Array
  /** How many customers have a slot. */
  size = 0
  /** The metrics seen, by code (the `metric` of `Scored`). */
  readonly metrics: string[] = []

  private capacity: number
  private ids: Int32Array
  private readonly slots = new Map<number, number>()
  private currentId = Number.NaN
  private current = -1

  // Per slot and cutoff.
  private responses: Int32Array
  private scored: Int32Array
  private lastAt: Float64Array
  private openCount: Int32Array
  private oldestOpenAt: Float64Array
  // The last scored response and the one before it on the same metric: metric code -1 = none.
  private lastMetric: Int8Array
  private lastBand: Int8Array
  private lastScoredAt: Float64Array
  private lastScore: Float64Array
  private lastU: Float64Array
  private prevMetric: Int8Array
  private prevBand: Int8Array
  private prevScoredAt: Float64Array
  private prevScore: Float64Array
  private prevU: Float64Array

  constructor(cutoffs: readonly number[], expectedCustomers = 1024) {
    this.cutoffs = Float64Array.from(cutoffs)
    this.capacity = Math.max(16, expectedCustomers)
    const n = this.capacity * this.cutoffs.length
    this.ids = new Int32Array(this.capacity)
    this.responses = new Int32Array(n)
    this.scored = new Int32Array(n)
    this.lastAt = new Float64Array(n)
    this.openCount = new Int32Array(n)
    this.oldestOpenAt = new Float64Array(n)
    this.lastMetric = new Int8Array(n).fill(-1)
    this.lastBand = new Int8Array(n)
    this.lastScoredAt = new Float64Array(n)
    this.lastScore = new Float64Array(n)
    this.lastU = new Float64Array(n)
    this.prevMetric = new Int8Array(n).fill(-1)
    this.prevBand = new Int8Array(n)
    this.prevScoredAt = new Float64Array(n)
    this.prevScore = new Float64Array(n)
    this.prevU = new Float64Array(n)
  }

  /** The customer's slot, or -1 where none of their responses was added. */
  slotOf(id: number): number {
    return this.slots.get(id) ?? -1
  }

  /** The customer id in a slot. */
  idAt(slot: number): number {
    return this.ids[slot]
  }

  /**
   * Adds one response of a customer. A customer's responses must come in time order (ties as
   * `addFact` gets them); customers may come in any order. The fact is read, not kept.
   */
  add(customerId: number, r: ResponseFact): void {
    if (customerId !== this.currentId) {
      this.currentId = customerId
      let slot = this.slots.get(customerId)
      if (slot === undefined) {
        if (this.size === this.capacity) this.grow()
        slot = this.size++
        this.slots.set(customerId, slot)
        this.ids[slot] = customerId
      }
      this.current = slot
    }
    const K = this.cutoffs.length
    const base = this.current * K
    const at = r.at
    const scored = r.band !== null && r.score !== null && r.u !== null && r.metric !== null
    const m = scored ? this.metricCode(r.metric as string) : -1
    let closedAt: number | null = null
    if (r.band === -1) closedAt = r.resolvedAt ?? (r.status === 'resolved' || r.status === 'no_action' ? (r.changedAt ?? -Infinity) : null)
    for (let k = 0; k < K; k++) {
      const cutoff = this.cutoffs[k]
      if (at > cutoff) continue
      const i = base + k
      this.responses[i]++
      this.lastAt[i] = at
      if (scored) {
        if (this.lastMetric[i] === m) {
          this.prevMetric[i] = m
          this.prevBand[i] = this.lastBand[i]
          this.prevScoredAt[i] = this.lastScoredAt[i]
          this.prevScore[i] = this.lastScore[i]
          this.prevU[i] = this.lastU[i]
        } else if (this.prevMetric[i] !== m) this.prevMetric[i] = -1
        this.lastMetric[i] = m
        this.lastBand[i] = r.band as number
        this.lastScoredAt[i] = at
        this.lastScore[i] = r.score as number
        this.lastU[i] = r.u as number
        this.scored[i]++
      }
      if (r.band === -1 && (closedAt === null || closedAt > cutoff)) {
        if (this.openCount[i]++ === 0) this.oldestOpenAt[i] = at
      }
    }
  }

  /** The features of a slot (-1: a customer without responses) at cutoff number k, as `addFact` builds them. */
  featuresOf(slot: number, k: number): CustomerFeatures {
    if (slot < 0) return { responses: 0, scored: 0, lastAt: null, last: null, previous: null, openCount: 0, oldestOpenAt: null }
    const i = slot * this.cutoffs.length + k
    const lm = this.lastMetric[i]
    const pm = this.prevMetric[i]
    return {
      responses: this.responses[i],
      scored: this.scored[i],
      lastAt: this.responses[i] ? this.lastAt[i] : null,
      last: lm < 0 ? null : { at: this.lastScoredAt[i], band: this.lastBand[i] as -1 | 0 | 1, score: this.lastScore[i], u: this.lastU[i], metric: this.metrics[lm] },
      previous: pm < 0 ? null : { at: this.prevScoredAt[i], band: this.prevBand[i] as -1 | 0 | 1, score: this.prevScore[i], u: this.prevU[i], metric: this.metrics[pm] },
      openCount: this.openCount[i],
      oldestOpenAt: this.openCount[i] ? this.oldestOpenAt[i] : null,
    }
  }

  /** The band of the last scored response at cutoff k (null: none). */
  lastBandOf(slot: number, k: number): -1 | 0 | 1 | null {
    if (slot < 0) return null
    const i = slot * this.cutoffs.length + k
    return this.lastMetric[i] < 0 ? null : (this.lastBand[i] as -1 | 0 | 1)
  }

  /**
   * `modelFeatures(featuresOf(slot, k), at)` written into `out` from `offset` (MODEL_FEATURES numbers)
   * without building the features: the same arithmetic in the same order.
   */
  modelFeaturesInto(slot: number, k: number, at: number, out: Float64Array, offset: number): void {
    if (slot < 0) {
      out[offset] = 0
      out[offset + 1] = 0
      out[offset + 2] = 0.5
      out[offset + 3] = 0
      out[offset + 4] = 0
      out[offset + 5] = Math.log1p(0)
      out[offset + 6] = Math.log1p(0)
      out[offset + 7] = Math.log1p(0)
      out[offset + 8] = 1
      return
    }
    const i = slot * this.cutoffs.length + k
    const hasLast = this.lastMetric[i] >= 0
    const band = this.lastBand[i]
    const drop = hasLast && this.prevMetric[i] >= 0 ? Math.max(0, this.prevU[i] - this.lastU[i]) : 0
    const open = this.openCount[i]
    const responses = this.responses[i]
    const openDays = open ? Math.max(0, (at - this.oldestOpenAt[i]) / DAY) : 0
    const silence = responses ? Math.max(0, (at - this.lastAt[i]) / DAY) : 0
    out[offset] = hasLast && band === -1 ? 1 : 0
    out[offset + 1] = hasLast && band === 0 ? 1 : 0
    out[offset + 2] = hasLast ? this.lastU[i] : 0.5
    out[offset + 3] = drop
    out[offset + 4] = open > 0 ? 1 : 0
    out[offset + 5] = Math.log1p(openDays)
    out[offset + 6] = Math.log1p(silence)
    out[offset + 7] = Math.log1p(responses)
    out[offset + 8] = responses === 0 ? 1 : 0
  }

  private metricCode(metric: string): number {
    const ms = this.metrics
    for (let j = 0; j < ms.length; j++) if (ms[j] === metric) return j
    if (ms.length === 127) throw new Error('More than 127 metrics')
    ms.push(metric)
    return ms.length - 1
  }

  private grow(): void {
    const cap = this.capacity * 2
    const n = cap * this.cutoffs.length
    this.ids = larger(this.ids, cap)
    this.responses = larger(this.responses, n)
    this.scored = larger(this.scored, n)
    this.lastAt = larger(this.lastAt, n)
    this.openCount = larger(this.openCount, n)
    this.oldestOpenAt = larger(this.oldestOpenAt, n)
    this.lastMetric = larger(this.lastMetric, n, -1)
    this.lastBand = larger(this.lastBand, n)
    this.lastScoredAt = larger(this.lastScoredAt, n)
    this.lastScore = larger(this.lastScore, n)
    this.lastU = larger(this.lastU, n)
    this.prevMetric = larger(this.prevMetric, n, -1)
    this.prevBand = larger(this.prevBand, n)
    this.prevScoredAt = larger(this.prevScoredAt, n)
    this.prevScore = larger(this.prevScore, n)
    this.prevU = larger(this.prevU, n)
    this.capacity = cap
  }
}

/** A copy of `a` with room for `n`, the new part filled with `fill`. */
function larger<T extends Int8Array | Int32Array | Float64Array>(a: T, n: number, fill = 0): T {
  const b = new (a.constructor as new (length: number) => T)(n)
  if (fill) b.fill(fill, a.length)
  b.set(a)
  return b
}

const DAY = 86_400_000

/** How many numbers modelFeatures gives. */
export const MODEL_FEATURES = 9

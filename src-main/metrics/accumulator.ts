import type { Direction } from '../../src-shared/domain/scores'

type Scale = { min: number; max: number; direction: Direction }

/** Everything a figure is computed from: band counts, sums for the mean, the distribution, and which scales were seen. */
export class ScoreAccumulator {
  good = 0
  neutral = 0
  poor = 0
  n = 0
  sum = 0
  sumSq = 0
  readonly distribution = new Map<number, number>()
  /** The one scale seen so far; null once answers on two different scales (or directions) were added. */
  scale: Scale | null = null
  private seen = false

  add(row: { score: number; band: -1 | 0 | 1 | null; scale_min: number; scale_max: number; direction: Direction; n: number }): void {
    const { score, n } = row
    if (row.band === 1) this.good += n
    else if (row.band === -1) this.poor += n
    else this.neutral += n
    this.n += n
    this.sum += score * n
    this.sumSq += score * score * n
    this.distribution.set(score, (this.distribution.get(score) ?? 0) + n)
    if (!this.seen) {
      this.seen = true
      this.scale = { min: row.scale_min, max: row.scale_max, direction: row.direction }
    } else if (this.scale && (this.scale.min !== row.scale_min || this.scale.max !== row.scale_max || this.scale.direction !== row.direction)) {
      // Answers on different scales (or directions) are never averaged together.
      this.scale = null
    }
  }

  get mixedScales(): boolean {
    return this.seen && this.scale === null
  }
}

import type { Direction } from '../../src-shared/domain/scores'

/** Everything a figure is computed from: band counts, sums for the mean, the distribution, and which scales were seen. */
export class ScoreAccumulator {
  good = 0
  neutral = 0
  poor = 0
  n = 0
  sum = 0
  sumSq = 0
  readonly distribution = new Map<number, number>()
  private scaleKey: string | null | undefined = undefined
  scale: { min: number; max: number; direction: Direction } | null = null

  add(row: { score: number; band: -1 | 0 | 1 | null; scale_min: number; scale_max: number; direction: Direction; n: number }): void {
    const { score, n } = row
    if (row.band === 1) this.good += n
    else if (row.band === -1) this.poor += n
    else this.neutral += n
    this.n += n
    this.sum += score * n
    this.sumSq += score * score * n
    this.distribution.set(score, (this.distribution.get(score) ?? 0) + n)
    const key = `${row.scale_min}:${row.scale_max}:${row.direction}`
    if (this.scaleKey === undefined) {
      this.scaleKey = key
      this.scale = { min: row.scale_min, max: row.scale_max, direction: row.direction }
    } else if (this.scaleKey !== key) {
      // Answers on different scales (or directions) are never averaged together.
      this.scaleKey = null
      this.scale = null
    }
  }

  get mixedScales(): boolean {
    return this.scaleKey === null
  }
}

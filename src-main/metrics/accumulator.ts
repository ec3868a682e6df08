import type { Direction } from '../../src-shared/domain/scores'

export type Scale = { min: number; max: number; direction: Direction }

/** Everything a figure is computed from: band counts, sums for the mean, the distribution, and which scales were seen. */
export class ScoreAccumulator {
  good = 0
  neutral = 0
  poor = 0
  n = 0
  sum = 0
  sumSq = 0
  /**
   * Answers per score, each score once. A scale has at most eleven scores, so finding one is a short
   * scan (no map per figure: a chart of weeks × touchpoints has a thousand figures); counts usually
   * come in score order, and `ordered` says whether they still are.
   */
  private readonly scores: Array<{ score: number; n: number }> = []
  private ordered = true
  /** The one scale seen so far; null once answers on two different scales (or directions) were added. */
  scale: Scale | null = null
  private seen = false

  add(row: { score: number; band: -1 | 0 | 1 | null; scale_min: number; scale_max: number; direction: Direction; n: number }): void {
    this.addCount(row.score, row.band, row.n, row.scale_min, row.scale_max, row.direction)
  }

  /** `n` answers (negative: taken away) of `score` in `band` on a question of this scale. */
  addCount(score: number, band: number | null, n: number, scaleMin: number, scaleMax: number, direction: Direction): void {
    if (band === 1) this.good += n
    else if (band === -1) this.poor += n
    else this.neutral += n
    this.n += n
    this.sum += score * n
    this.sumSq += score * score * n
    this.addScore(score, n)
    this.seeScale(scaleMin, scaleMax, direction)
  }

  private addScore(score: number, n: number): void {
    const scores = this.scores
    let i = scores.length - 1
    while (i >= 0 && scores[i].score !== score) i--
    if (i >= 0) scores[i].n += n
    else {
      if (scores.length && scores[scores.length - 1].score > score) this.ordered = false
      scores.push({ score, n })
    }
  }

  private seeScale(min: number, max: number, direction: Direction): void {
    if (!this.seen) {
      this.seen = true
      this.scale = { min, max, direction }
    } else if (this.scale && (this.scale.min !== min || this.scale.max !== max || this.scale.direction !== direction)) {
      // Answers on different scales (or directions) are never averaged together.
      this.scale = null
    }
  }

  /** Adds everything another accumulator holds (a figure over several groups). */
  absorb(other: ScoreAccumulator): void {
    if (!other.seen) return
    for (const { score, n } of other.scores) this.addScore(score, n)
    this.good += other.good
    this.neutral += other.neutral
    this.poor += other.poor
    this.n += other.n
    this.sum += other.sum
    this.sumSq += other.sumSq
    if (other.scale) this.seeScale(other.scale.min, other.scale.max, other.scale.direction)
    else [this.seen, this.scale] = [true, null]
  }

  get mixedScales(): boolean {
    return this.seen && this.scale === null
  }

  /** Answers per score, lowest first. Callers must not change it. */
  get distribution(): ReadonlyArray<{ score: number; n: number }> {
    if (!this.ordered) {
      this.scores.sort((a, b) => a.score - b.score)
      this.ordered = true
    }
    return this.scores
  }
}

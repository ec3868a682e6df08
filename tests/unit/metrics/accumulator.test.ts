import { describe, expect, it } from 'vitest'
import { ScoreAccumulator } from '../../../src-main/metrics/accumulator'
import { figureOf } from '../../../src-main/metrics/figures'

const csat = (score: number, n: number) => ({ score, band: score >= 4 ? (1 as const) : score <= 2 ? (-1 as const) : (0 as const), scale_min: 1, scale_max: 5, direction: 'higher_better' as const, n })

describe('the score accumulator', () => {
  it('gives the distribution lowest score first, each score once, whatever order counts come in', () => {
    const a = new ScoreAccumulator()
    for (const [score, n] of [[5, 2], [1, 1], [5, 3], [3, 4], [1, 2]]) a.add(csat(score, n))
    expect(a.distribution).toEqual([{ score: 1, n: 3 }, { score: 3, n: 4 }, { score: 5, n: 5 }])
    expect(figureOf('csat', a)).toMatchObject({ n: 12, good: 5, neutral: 4, poor: 3, mean: (3 + 12 + 25) / 12 })
  })

  it('takes counts away (drivers: everything but one group), keeping a score whose count falls to zero', () => {
    const a = new ScoreAccumulator()
    a.add(csat(4, 3))
    a.add(csat(2, 1))
    a.add(csat(4, -3))
    expect(a.distribution).toEqual([{ score: 2, n: 1 }, { score: 4, n: 0 }])
    expect([a.n, a.good, a.poor]).toEqual([1, 0, 1])
  })

  it('absorbs other accumulators as if their counts had been added to it', () => {
    const [x, y, both] = [new ScoreAccumulator(), new ScoreAccumulator(), new ScoreAccumulator()]
    for (const [score, n] of [[2, 1], [5, 2]]) [x, both].forEach((acc) => acc.add(csat(score, n)))
    for (const [score, n] of [[1, 3], [5, 1]]) [y, both].forEach((acc) => acc.add(csat(score, n)))
    const sum = new ScoreAccumulator()
    sum.absorb(x)
    sum.absorb(y)
    sum.absorb(new ScoreAccumulator())
    expect(figureOf('csat', sum)).toEqual(figureOf('csat', both))
    expect(sum.scale).toEqual({ min: 1, max: 5, direction: 'higher_better' })
  })

  it('never averages answers on different scales, also when absorbing', () => {
    const [five, seven] = [new ScoreAccumulator(), new ScoreAccumulator()]
    five.add(csat(4, 1))
    seven.add({ ...csat(6, 1), scale_max: 7 })
    const mixed = new ScoreAccumulator()
    mixed.absorb(five)
    mixed.absorb(seven)
    expect(mixed.mixedScales).toBe(true)
    expect(figureOf('ces', mixed).mean).toBeNull()
    const later = new ScoreAccumulator()
    later.absorb(mixed)
    later.absorb(five)
    expect(later.mixedScales).toBe(true)
  })
})

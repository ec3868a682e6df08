import { describe, expect, it } from 'vitest'
import { medianSpan, spread, takeTurns } from '../../bench/harness'

describe('the bench loop', () => {
  it('warms up unrecorded, then lets the sides take turns a block at a time, and records each run', async () => {
    const calls: string[] = []
    let n = 0
    const side = (name: string) => () => {
      calls.push(name)
      return n++
    }
    const runs = await takeTurns({ a: side('a'), b: side('b') }, { warmUps: 1, runs: 5, block: 2 })
    expect(calls.join('')).toBe('ab' + 'aabb' + 'aabb' + 'ab')
    expect(runs).toEqual({ a: [2, 3, 6, 7, 10], b: [4, 5, 8, 9, 11] })
  })

  it('reports the median, fastest and slowest, and the median length of a stage', () => {
    const runs = [{ start: 0, end: 10.123 }, { start: 1, end: 3 }, { start: 2, end: 40.6 }]
    expect(spread(runs, (r) => r.end)).toEqual({ median: 10.12, min: 3, max: 41 })
    expect(medianSpan(runs, (r) => r.start, (r) => r.end)).toBe(10.12)
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { freshWorkspace } from '../../helpers/db'
import type { OpenWorkspace } from '../../../src-main/db/openWorkspace'
import { tilesBetween } from '../../../src-main/metrics/tiles'
import { foldAll } from '../../../src-main/metrics/rollups/jobs'
import { intervalVerdict, marginVerdict } from '../../../src-shared/domain/significance'
import { trendOf } from '../../../src-renderer/src/features/journeys/scores/liveScores'
import type { Figure } from '../../../src-shared/api/metrics'
import { whatChanged } from '../../../src-main/reports/whatChanged'
import { responseAdder, sourceOf } from './helpers'

const HOUR = 3_600_000
let open: OpenWorkspace
beforeEach(async () => {
  open = await freshWorkspace('Asia/Bangkok')
})
afterEach(() => open.ws.close())

const tilesOf = (current: { from: string; to: string }, comparison: { from: string; to: string }) =>
  tilesBetween({ ...sourceOf(open), localDateOf: open.localDateOf, today: '2025-03-31' }, { current, comparison, filter: {}, by: 'month' })

describe('every verdict of the app', () => {
  it('gives none on a margin of 0: churn 0% ± 0 on one day against a month with 4 of 40 lost', async () => {
    const customer = open.ws.sqlite.prepare('INSERT INTO customers (external_ref, customer_since, churned_at, created_at, updated_at) VALUES (?, ?, ?, 0, 0)')
    for (let k = 0; k < 44; k++) customer.run(`c${k}`, '2024-06-01', k < 4 ? '2025-02-10' : null)
    foldAll(open.ws.sqlite)
    const tiles = await tilesOf({ from: '2025-03-01', to: '2025-03-01' }, { from: '2025-02-01', to: '2025-02-28' })
    const churn = tiles.find((t) => t.metric === 'churn')!
    expect(churn).toMatchObject({ value: 0, moe95: 0, n: 40, previous: { value: 100 * (4 / 44), n: 44 } })
    expect(churn.change).toMatchObject({ significant: null, reason: 'noMargin' })
    expect(tiles.find((t) => t.metric === 'retention')!.change).toMatchObject({ significant: null, reason: 'noMargin' })
  })

  it('judges a change of the median time to resolution by its 95% intervals', async () => {
    const add = responseAdder(open)
    // February: 40 items resolved after 30…69 h; March: 40 after 1…40 h. Medians 49.5 and 20.5 h.
    for (let i = 0; i < 40; i++) {
      const feb = Date.UTC(2025, 1, 3, 2)
      const mar = Date.UTC(2025, 2, 3, 2)
      add('nps', 0, { at: feb, status: 'resolved', resolvedAt: feb + (30 + i) * HOUR })
      add('nps', 0, { at: mar, status: 'resolved', resolvedAt: mar + (1 + i) * HOUR })
    }
    foldAll(open.ws.sqlite)
    const ttr = (await tilesOf({ from: '2025-03-01', to: '2025-03-31' }, { from: '2025-02-01', to: '2025-02-28' })).find((t) => t.metric === 'ttr')!
    // n = 40: ranks (14, 27) → March [14, 27] h, February [43, 56] h: apart.
    expect(ttr).toMatchObject({ value: 20.5, extra: { medianLow: 14, medianHigh: 27 } })
    expect(ttr.change).toEqual({ delta: -29, moe95: null, significant: true, reason: null, intervals: { current: [14, 27], previous: [43, 56] } })
  })

  it('make the report name a driver only when it is more than noise', () => {
    const driver = (group: string, impact: number, withinNoise: boolean | null) => ({ dim: 'channel' as const, group, n: 80, value: 10, rest: 40, impact, impactMoe95: 5, withinNoise, lowSample: false })
    const overall: Figure = { value: 30, moe95: 5, n: 400, lowSample: false, good: 0, neutral: 0, poor: 0, goodShare: null, mean: null, scale: null, distribution: [] }
    const say = (drivers: ReturnType<typeof driver>[]) => whatChanged({ headline: null, drivers: { metric: 'nps', overall, drivers }, followUp: null, themes: null, responses: 400 }).filter((x) => x.kind === 'driver')
    expect(say([driver('app', 6, true), driver('store', 4, null)])).toEqual([])
    expect(say([driver('app', 6, true), driver('store', 4, false)])).toMatchObject([{ kind: 'driver', group: 'store' }])
  })

  it('share one rule: a margin or an interval of 0, or none, never makes a difference significant', () => {
    expect(marginVerdict(50, 0, 15.5, false)).toMatchObject({ significant: null, reason: 'noMargin' })
    expect(marginVerdict(50, 10, 15.5, false)).toMatchObject({ significant: true, reason: null })
    expect(marginVerdict(50, 10, 15.5, true)).toMatchObject({ significant: null, reason: 'lowSample' })
    expect(intervalVerdict([3, 3], [5, 9], false)).toMatchObject({ significant: null, reason: 'noMargin' })
    expect(intervalVerdict([1, 3], [5, 9], false)).toMatchObject({ significant: true })
    // The journey map's trend arrows follow it too.
    const figure = (value: number, moe95: number | null, n = 40): Figure => ({ value, moe95, n, lowSample: n < 30, good: 0, neutral: 0, poor: 0, goodShare: null, mean: null, scale: null, distribution: [] })
    expect(trendOf(figure(100, 0), figure(60, 15))).toEqual({ delta: 40, significant: false })
    expect(trendOf(figure(100, 5), figure(60, 15))).toEqual({ delta: 40, significant: true })
    expect(trendOf(figure(100, 5, 10), figure(60, 15))).toEqual({ delta: 40, significant: false })
  })
})

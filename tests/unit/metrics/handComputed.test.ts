import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { freshWorkspace } from '../../helpers/db'
import type { OpenWorkspace } from '../../../src-main/db/openWorkspace'
import { metricSeries } from '../../../src-main/metrics/series'
import { ttrFigure, ttrSeries } from '../../../src-main/metrics/ttr'
import { lifecycleFigure, lifecycleSeries } from '../../../src-main/metrics/lifecycle'
import { changeBetween, intervalChangeBetween } from '../../../src-main/metrics/compare'
import { quantileRanks } from '../../../src-main/metrics/quantileInterval'
import { drivers } from '../../../src-main/metrics/drivers'
import { responseRateSeries } from '../../../src-main/metrics/responseRate'
import { businessMs } from '../../../src-main/metrics/businessHours'
import { foldAll, rebuildRollups } from '../../../src-main/metrics/rollups/jobs'
import { saveSend } from '../../../src-main/metrics/surveySendsRepository'
import { responseAdder, sourceOf } from './helpers'

const HOUR = 3_600_000
/** ln Γ(x) by Stirling's series (exact enough for the binomial sums checked here). */
const lgammaish = (x: number): number => (x < 7 ? lgammaish(x + 1) - Math.log(x) : (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x ** 3) + 1 / (1260 * x ** 5))
let open: OpenWorkspace
let add: ReturnType<typeof responseAdder>

beforeEach(async () => {
  open = await freshWorkspace('Asia/Bangkok')
  add = responseAdder(open)
})
afterEach(() => open.ws.close())

describe('time to resolution (METRICS.md)', () => {
  it('takes the median and the nearest-rank 90th percentile of whole hours, and counts what is open', () => {
    // Resolved after 1, 2, 3, 4, 10 and 30 hours: median (3 + 4) / 2 = 3.5; 90th percentile: rank
    // ceil(0.9 · 6) = 6 → 30. Two still open, one closed without action.
    const cells = [1, 2, 3, 4, 10, 30].map((value) => ({ value, n: 1 }))
    // Six values: the median's 95% interval is [x₍₁₎, x₍₆₎] = [1, 30] (P(1 ≤ B ≤ 5) = 96.9% for B ~ Bin(6, ½)); too few for the 90th percentile's.
    expect(ttrFigure([...cells, { value: -1, n: 2 }, { value: -2, n: 1 }])).toEqual({
      needed: 9, resolved: 6, stillOpen: 2, medianHours: 3.5, p90Hours: 30, medianLow: 1, medianHigh: 30, p90Low: null, p90High: null, lowSample: true,
    })
    expect(ttrFigure([{ value: 5, n: 1 }])).toMatchObject({ medianHours: 5, p90Hours: 5, resolved: 1 })
    expect(ttrFigure([])).toMatchObject({ needed: 0, medianHours: null, p90Hours: null })
  })

  it('gives 95% intervals for the median and the 90th percentile from the order statistics (binomial method)', () => {
    // Published ranks for the median: n = 10 → (2, 9), n = 20 → (6, 15), n = 100 → (40, 61).
    expect(quantileRanks(10, 0.5)).toEqual([2, 9])
    expect(quantileRanks(20, 0.5)).toEqual([6, 15])
    expect(quantileRanks(100, 0.5)).toEqual([40, 61])
    expect(quantileRanks(5, 0.5)).toBeNull()
    // The 90th percentile needs P(B = n) = 0.9ⁿ ≤ 2.5%: 36 values.
    expect(quantileRanks(35, 0.9)).toBeNull()
    expect(quantileRanks(36, 0.9)).toEqual([29, 36])
    expect(quantileRanks(100, 0.9)).toEqual([84, 96])
    // Every rank pair covers at least 95%, and not much more than needed (one step less would not).
    const cdf = (n: number, p: number, k: number) => {
      let sum = 0
      for (let i = 0; i <= k; i++) sum += Math.exp(lgammaish(n + 1) - lgammaish(i + 1) - lgammaish(n - i + 1) + i * Math.log(p) + (n - i) * Math.log(1 - p))
      return sum
    }
    for (const [n, p] of [[50, 0.5], [200, 0.5], [120, 0.9], [400, 0.9]] as const) {
      const [l, u] = quantileRanks(n, p)!
      expect(cdf(n, p, u - 1) - cdf(n, p, l - 1)).toBeGreaterThanOrEqual(0.95)
      expect(cdf(n, p, l)).toBeGreaterThan(0.025)
      expect(cdf(n, p, u - 2)).toBeLessThan(0.975)
    }
    // Summing from a little below the mean gives the ranks summing every term gives.
    const everyTerm = (n: number, p: number) => {
      let [logPmf, cdf, low, high] = [n * Math.log1p(-p), 0, 0, 0]
      for (let k = 0; k <= n; k++) {
        cdf += Math.exp(logPmf)
        if (cdf <= 0.025) low = k + 1
        if (cdf >= 0.975) {
          high = k + 1
          break
        }
        logPmf += Math.log(n - k) - Math.log(k + 1) + Math.log(p) - Math.log1p(-p)
      }
      return low >= 1 && high <= n ? [low, high] : null
    }
    for (const p of [0.5, 0.9]) for (const n of [...Array.from({ length: 1500 }, (_, i) => i + 1), 4_321, 40_000, 250_001]) expect(quantileRanks(n, p), `${n} ${p}`).toEqual(everyTerm(n, p))
    // 100 items resolved after 1…100 hours: median 50.5 h, in [40, 61]; p90 90 h, in [84, 96].
    const hundred = ttrFigure(Array.from({ length: 100 }, (_, i) => ({ value: i + 1, n: 1 })))
    expect(hundred).toMatchObject({ medianHours: 50.5, medianLow: 40, medianHigh: 61, p90Hours: 90, p90Low: 84, p90High: 96, lowSample: false })
  })

  it('says a median changed only when the two 95% intervals do not overlap', () => {
    expect(intervalChangeBetween({ value: 10, interval: [8, 12], lowSample: false }, { value: 20, interval: [15, 26], lowSample: false })).toEqual({
      delta: -10, moe95: null, significant: true, reason: null, intervals: { current: [8, 12], previous: [15, 26] },
    })
    expect(intervalChangeBetween({ value: 10, interval: [8, 16], lowSample: false }, { value: 20, interval: [15, 26], lowSample: false })).toMatchObject({ significant: false, reason: null })
    expect(intervalChangeBetween({ value: 10, interval: [8, 12], lowSample: true }, { value: 20, interval: [15, 26], lowSample: false })).toMatchObject({ significant: null, reason: 'lowSample' })
    // An interval of zero width (the middle answers all tied) is no margin: no verdict.
    expect(intervalChangeBetween({ value: 10, interval: [10, 10], lowSample: false }, { value: 20, interval: [15, 26], lowSample: false })).toMatchObject({ significant: null, reason: 'noMargin' })
    expect(intervalChangeBetween({ value: 10, interval: null, lowSample: false }, { value: 20, interval: [15, 26], lowSample: false })).toMatchObject({ significant: null, reason: 'noMargin' })
  })

  it('counts the follow-ups of poor scores and taken-up items, by their period of arrival, on both paths', async () => {
    const at = Date.UTC(2025, 2, 3, 2) // Monday 3 March 2025, 09:00 in Bangkok
    add('nps', 2, { at, status: 'resolved', resolvedAt: at + 26 * HOUR + 20 * 60_000 }) // 26 h 20 min → 26 h
    add('nps', 3, { at, status: 'resolved', resolvedAt: at + 90 * 60_000 }) // 1.5 h → 2 h (rounded to the nearest hour)
    add('nps', 1, { at, status: 'new' }) // open
    add('nps', 10, { at, status: 'in_progress' }) // a good score taken up: counts, and is open
    add('nps', 10, { at, status: 'new' }) // not a follow-up
    add(null, null, { at, status: 'resolved', resolvedAt: at + 4 * HOUR }) // feedback without a score, resolved: 4 h
    for (const from of ['raw', 'rollups'] as const) {
      const s = await ttrSeries(sourceOf(open), { by: 'month' }, from)
      expect(s.rows).toEqual([
        { period: '2025-03', periodStart: '2025-03-01', group: null, needed: 5, resolved: 3, stillOpen: 2, medianHours: 4, p90Hours: 26, medianLow: null, medianHigh: null, p90Low: null, p90High: null, lowSample: true },
      ])
    }
  })

  it('counts working hours only when the workspace says so (Friday evening to Monday 10:00 is two hours)', async () => {
    const bh = { enabled: true, days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' }
    const fridayEvening = Date.UTC(2025, 2, 7, 12) // 19:00 in Bangkok
    const mondayTen = Date.UTC(2025, 2, 10, 3) // 10:00 in Bangkok
    expect(businessMs(fridayEvening, mondayTen, bh, 'Asia/Bangkok')).toBe(2 * HOUR)
    // A whole working week: five days of nine hours.
    expect(businessMs(Date.UTC(2025, 2, 3, 1), Date.UTC(2025, 2, 8, 1), bh, 'Asia/Bangkok')).toBe(45 * HOUR)
    // Across the change to summer time in New York (9 March 2025): still 08:00–17:00 local.
    expect(businessMs(Date.UTC(2025, 2, 7, 13), Date.UTC(2025, 2, 10, 22), bh, 'America/New_York')).toBe(9 * HOUR + 9 * HOUR)

    add('nps', 0, { at: fridayEvening, status: 'resolved', resolvedAt: mondayTen })
    rebuildRollups(open.ws.sqlite, { type: 'businessHours', businessHours: bh })
    for (const from of ['raw', 'rollups'] as const) expect((await ttrSeries(sourceOf(open), {}, from)).overall).toMatchObject({ medianHours: 2, resolved: 1 })
  })
})

describe('churn and retention (METRICS.md, seed 001)', () => {
  it('follows the definitions on a hand-worked month', () => {
    // 100 customers at the start of March (the cohort); 5 of them leave. 20 join in March, 2 of whom
    // also leave in March: they were never in the cohort, so churn = 5 / 100 = 5%, not 7%.
    // At end = 100 + 20 − 7 = 113; retention (standard) = (100 − 5) / 100 = 95% = (113 − 18 new still there) / 100;
    // end ÷ start = 113%.
    const march = lifecycleFigure({ atStart: 100, lost: 5, gained: 20, left: 7 })
    expect(march).toMatchObject({ atEnd: 113, retained: 95, lostNew: 2, churnRate: 5, retentionRate: 95, endOverStart: 113 })
    expect(march.moe95).toBeCloseTo(1.96 * Math.sqrt((0.05 * 0.95) / 100) * 100, 10)
    expect(lifecycleFigure({ atStart: 0, lost: 0, gained: 3, left: 0 })).toMatchObject({ churnRate: null, retentionRate: null, moe95: null, lowSample: true })
  })

  it('counts customers from their lifecycle dates, cut in the workspace zone, the same on both paths', () => {
    const db = open.ws.sqlite
    const customer = db.prepare('INSERT INTO customers (external_ref, segment, location, customer_since, churned_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 0)')
    customer.run('a', 'Student', 'Hà Nội', '2024-12-01', null)
    customer.run('b', 'Student', 'Bangkok', '2025-01-10', '2025-03-15')
    customer.run('c', 'Office', 'Bangkok', '2025-02-28T17:30:00Z', null) // 00:30 on 1 March in Bangkok: joins in March
    customer.run('d', 'Office', 'Hà Nội', '2025-03-05', '2025-03-20') // joins and leaves in March: not March's churn
    customer.run('e', 'Office', null, '2025-04-01', '2025-02-01') // left before joining: cannot be placed
    customer.run('f', null, null, null, null) // no dates
    const src = { ...sourceOf(open), today: '2025-03-31' }
    for (const from of ['raw', 'rollups'] as const) {
      const s = lifecycleSeries(src, { by: 'month', filter: { from: '2025-02-01', to: '2025-03-31' } }, from)
      expect(s.rows.map((r) => [r.period, r.atStart, r.lost, r.lostNew, r.gained, r.atEnd])).toEqual([
        ['2025-02', 2, 0, 0, 0, 2],
        ['2025-03', 2, 1, 1, 2, 2],
      ])
      // b left of a and b: 50%; a stayed: 50%; at end (a, c) ÷ at start = 100%.
      expect(s.rows[1]).toMatchObject({ churnRate: 50, retentionRate: 50, endOverStart: 100 })
      expect(s.withoutDates).toBe(2)
      const bySegment = lifecycleSeries(src, { by: 'month', dim: 'segment', filter: { from: '2025-03-01', to: '2025-03-31' } }, from)
      expect(bySegment.rows.map((r) => [r.group, r.atStart, r.lost, r.lostNew, r.gained])).toEqual([
        ['Office', 0, 0, 1, 2],
        ['Student', 2, 1, 0, 0],
      ])
    }
  })

  it('takes the cohort at the period\'s start and counts leavings on its first and last days, in the workspace zone', () => {
    const db = open.ws.sqlite
    const customer = db.prepare('INSERT INTO customers (external_ref, customer_since, churned_at, created_at, updated_at) VALUES (?, ?, ?, 0, 0)')
    customer.run('first-day', '2025-01-15', '2025-03-01') // in March's cohort (churned_at ≥ start), lost on its first day
    customer.run('last-day', '2025-01-15', '2025-03-31') // lost on March's last day
    customer.run('day-after', '2025-01-15', '2025-04-01') // still there at the end of March
    customer.run('day-before', '2025-01-15', '2025-02-28') // gone before March: not in its cohort
    customer.run('joins-first-day', '2025-03-01', '2025-03-02') // customer_since = start: not in the cohort (since < start)
    customer.run('joins-day-before', '2025-02-28', '2025-03-10') // in the cohort, lost
    // 23:30 on 28 February in Bangkok (UTC 16:30): before March there, so in its cohort; its leaving at
    // 00:30 on 1 April in Bangkok (17:30 UTC on 31 March) is April's, not March's.
    customer.run('zone', '2025-02-28T16:30:00Z', '2025-03-31T17:30:00Z')
    const src = { ...sourceOf(open), today: '2025-04-30' }
    for (const from of ['raw', 'rollups'] as const) {
      const [march, april] = lifecycleSeries(src, { by: 'month', filter: { from: '2025-03-01', to: '2025-04-30' } }, from).rows
      expect([march.atStart, march.lost, march.lostNew, march.gained, march.retained, march.atEnd], from).toEqual([5, 3, 1, 1, 2, 2])
      expect([april.atStart, april.lost, april.gained], from).toEqual([2, 2, 0])
      expect(march.churnRate! + march.retentionRate!).toBe(100)
      // In UTC the zone customer joins on 28 February and leaves on 31 March: March's loss.
    }
    rebuildRollups(db, { type: 'timezone', timezone: 'UTC' })
    open.settings = { ...open.settings, timezone: 'UTC' }
    for (const from of ['raw', 'rollups'] as const) {
      const [march] = lifecycleSeries({ ...src, timezone: 'UTC' }, { by: 'month', filter: { from: '2025-03-01', to: '2025-03-31' } }, from).rows
      expect([march.atStart, march.lost], from).toEqual([5, 4])
    }
  })

  it('tells members from newcomers in whole months read from the month summaries, also when a period starts mid-month', () => {
    const db = open.ws.sqlite
    const customer = db.prepare('INSERT INTO customers (external_ref, customer_since, churned_at, created_at, updated_at) VALUES (?, ?, ?, 0, 0)')
    customer.run('old', '2024-06-01', '2025-03-10') // in every cohort here, leaves in March
    customer.run('feb-10', '2025-02-10', '2025-03-12') // joined before 15 February: a member of a period starting then
    customer.run('feb-20', '2025-02-20', '2025-03-14') // joined after it: not a member, though it left in a whole month
    customer.run('stays', '2024-01-01', null)
    foldAll(db)
    const src = { ...sourceOf(open), today: '2025-06-30' }
    for (const from of ['raw', 'rollups'] as const) {
      // Q1 cut to 15 February – 31 March: February's days from the day cube, March from the month summaries.
      const [q1] = lifecycleSeries(src, { by: 'quarter', filter: { from: '2025-02-15', to: '2025-06-30' } }, from).rows
      expect([q1.atStart, q1.lost, q1.lostNew, q1.gained], from).toEqual([3, 2, 1, 1])
      // The whole range as one period, and by month from 1 February: February's newcomers are not March's cohort's losses.
      const [whole] = lifecycleSeries(src, { filter: { from: '2025-02-15', to: '2025-06-30' } }, from).rows
      expect([whole.atStart, whole.lost, whole.lostNew], from).toEqual([3, 2, 1])
      const [, march] = lifecycleSeries(src, { by: 'month', filter: { from: '2025-02-01', to: '2025-03-31' } }, from).rows
      expect([march.atStart, march.lost], from).toEqual([4, 3])
      const weeks = lifecycleSeries(src, { by: 'week', filter: { from: '2025-03-03', to: '2025-03-16' } }, from).rows
      expect(weeks.map((w) => [w.period, w.atStart, w.lost]), from).toEqual([
        ['2025-W10', 4, 0],
        ['2025-W11', 4, 3],
      ])
    }
  })

  it('stays within 0–100% over three years by year and overall (churn was 250% and retention −150% before)', () => {
    const db = open.ws.sqlite
    const customer = db.prepare('INSERT INTO customers (external_ref, customer_since, churned_at, created_at, updated_at) VALUES (?, ?, ?, 0, 0)')
    // 2 customers at the start of 2023; then each year 5 join and leave within the same year.
    customer.run('old-1', '2022-06-01', null)
    customer.run('old-2', '2022-06-01', '2024-05-01')
    let i = 0
    for (const year of [2023, 2024, 2025]) for (let k = 0; k < 5; k++) customer.run(`n${i++}`, `${year}-02-0${k + 1}`, `${year}-10-0${k + 1}`)
    const src = { ...sourceOf(open), today: '2025-12-31' }
    for (const from of ['raw', 'rollups'] as const) {
      const byYear = lifecycleSeries(src, { by: 'year', filter: { from: '2023-01-01', to: '2025-12-31' } }, from).rows
      expect(byYear.map((r) => [r.period, r.atStart, r.lost, r.lostNew, r.churnRate, r.retentionRate]), from).toEqual([
        ['2023', 2, 0, 5, 0, 100],
        ['2024', 2, 1, 5, 50, 50],
        ['2025', 1, 0, 5, 0, 100],
      ])
      const [overall] = lifecycleSeries(src, { filter: { from: '2023-01-01', to: '2025-12-31' } }, from).rows
      expect([overall.atStart, overall.lost, overall.lostNew, overall.churnRate, overall.retentionRate, overall.endOverStart], from).toEqual([2, 1, 15, 50, 50, 50])
    }
  })

  it('always gives the margin of error when the cohort has 30 or more customers', () => {
    const db = open.ws.sqlite
    const customer = db.prepare('INSERT INTO customers (external_ref, customer_since, churned_at, created_at, updated_at) VALUES (?, ?, ?, 0, 0)')
    for (let k = 0; k < 40; k++) customer.run(`c${k}`, '2024-01-01', k < 4 ? '2025-03-10' : null)
    // Three who join and leave in March are not in its cohort: they change neither S nor the margin.
    for (let k = 0; k < 3; k++) customer.run(`new${k}`, '2025-03-02', '2025-03-20')
    const src = { ...sourceOf(open), today: '2025-03-31' }
    for (const from of ['raw', 'rollups'] as const) {
      const [march] = lifecycleSeries(src, { by: 'month', filter: { from: '2025-03-01', to: '2025-03-31' } }, from).rows
      expect(march).toMatchObject({ atStart: 40, lost: 4, lostNew: 3, churnRate: 10, retentionRate: 90, lowSample: false })
      expect(march.moe95).toBeCloseTo(1.96 * Math.sqrt(0.1 * 0.9 / 40) * 100, 10)
      const [february] = lifecycleSeries(src, { by: 'month', filter: { from: '2025-02-01', to: '2025-02-28' } }, from).rows
      expect(february).toMatchObject({ atStart: 40, lost: 0, churnRate: 0, moe95: 0 })
    }
  })
})

describe('significance of a change (METRICS.md)', () => {
  it('compares the difference with 1.96 · √(Var₁ + Var₂)', () => {
    // NPS +30 ± 5 against +20 ± 4: combined margin √(25 + 16) = 6.40, difference 10 → significant.
    const c = changeBetween({ value: 30, moe95: 5, lowSample: false }, { value: 20, moe95: 4, lowSample: false })!
    expect(c.moe95).toBeCloseTo(Math.sqrt(41), 10)
    expect(c).toMatchObject({ delta: 10, significant: true, reason: null })
    expect(changeBetween({ value: 25, moe95: 5, lowSample: false }, { value: 20, moe95: 4, lowSample: false })).toMatchObject({ delta: 5, significant: false })
    expect(changeBetween({ value: 25, moe95: 5, lowSample: true }, { value: 20, moe95: 4, lowSample: false })).toMatchObject({ significant: null, reason: 'lowSample' })
    expect(changeBetween({ value: 25, moe95: null, lowSample: false }, { value: 20, moe95: null, lowSample: false })).toMatchObject({ significant: null, reason: 'noMargin' })
    expect(changeBetween({ value: null, moe95: null, lowSample: true }, { value: 20, moe95: 4, lowSample: false })).toBeNull()
  })

  it('never calls a change significant on a margin of 0 or a missing one (churn 0% ± 0 against 1.2% ± 0.4)', () => {
    expect(changeBetween({ value: 0, moe95: 0, lowSample: false }, { value: 1.2, moe95: 0.4, lowSample: false })).toMatchObject({ significant: null, reason: 'noMargin' })
    expect(changeBetween({ value: 1.2, moe95: 0.4, lowSample: false }, { value: 0, moe95: 0, lowSample: false })).toMatchObject({ significant: null, reason: 'noMargin' })
    expect(changeBetween({ value: 100, moe95: 0, lowSample: false }, { value: 100, moe95: 0, lowSample: false })).toMatchObject({ significant: null, reason: 'noMargin' })
    expect(changeBetween({ value: 5, moe95: 2, lowSample: false }, { value: 1.2, moe95: null, lowSample: false })).toMatchObject({ significant: null, reason: 'noMargin' })
  })
})

describe('drivers', () => {
  it('measure what each group costs the overall score, n/N · (rest − value), and add up for NPS', async () => {
    // Store: 4 promoters → NPS +100. App: 1 promoter, 3 detractors → −50. Overall: 5 − 3 = +25 of 8.
    for (let i = 0; i < 4; i++) add('nps', 10, { channel: 'store', touchpoint: 'Counter' })
    add('nps', 9, { channel: 'app', touchpoint: 'App' })
    for (let i = 0; i < 3; i++) add('nps', 0, { channel: 'app', touchpoint: 'App' })
    foldAll(open.ws.sqlite)
    const d = await drivers(sourceOf(open), { metric: 'nps', limit: 10 })
    expect(d.overall.value).toBe(25)
    const app = d.drivers.find((x) => x.dim === 'channel' && x.group === 'app')!
    // App at the level of the rest (+100) would lift the overall to +100: 4/8 · (100 − (−50)) = 75.
    expect(app).toMatchObject({ n: 4, value: -50, rest: 100, impact: 75 })
    expect(d.drivers.find((x) => x.dim === 'channel' && x.group === 'store')).toMatchObject({ value: 100, rest: -50, impact: -75 })
    expect(d.drivers[0].impact).toBe(75)
    // Four answers a side: too few to tell a driver from noise.
    expect(app).toMatchObject({ withinNoise: null, lowSample: true })
  })

  it('give each impact its margin of error and say when a driver is within noise', async () => {
    // CSAT (4–5 satisfied). App: 40 answers, 20 satisfied (50% ± 15.5). Store: 60 answers, 48 satisfied (80% ± 10.1).
    // Web: 40 answers, 30 satisfied (75% ± 13.4). Overall 98 / 140.
    const answers = (channel: string, n: number, satisfied: number) => {
      for (let i = 0; i < n; i++) add('csat', i < satisfied ? 5 : 2, { channel, touchpoint: `T-${channel}` })
    }
    answers('app', 40, 20)
    answers('store', 60, 48)
    answers('web', 40, 30)
    foldAll(open.ws.sqlite)
    const d = await drivers(sourceOf(open), { metric: 'csat', limit: 10 })
    const moe = (k: number, n: number) => 1.96 * Math.sqrt(((k / n) * (1 - k / n)) / n) * 100
    const app = d.drivers.find((x) => x.dim === 'channel' && x.group === 'app')!
    // The rest: 78 of 100 satisfied (78%). Gap 28 points against √(15.5² + 8.1²) = 17.5: a real driver.
    expect(app.impact).toBeCloseTo((40 / 140) * (78 - 50), 10)
    expect(app.impactMoe95).toBeCloseTo((40 / 140) * Math.sqrt(moe(20, 40) ** 2 + moe(78, 100) ** 2), 10)
    expect(app.withinNoise).toBe(false)
    // Web against the rest (68 of 100): 7 points against √(13.4² + 9.1²) = 16.2: within noise.
    const web = d.drivers.find((x) => x.dim === 'channel' && x.group === 'web')!
    expect(web.impactMoe95).toBeCloseTo((40 / 140) * Math.sqrt(moe(30, 40) ** 2 + moe(68, 100) ** 2), 10)
    expect(web.withinNoise).toBe(true)
  })

  it('never take a margin of 0 for certainty: a group where everyone is satisfied cannot be told from noise', async () => {
    for (let i = 0; i < 40; i++) add('csat', 5, { channel: 'app', touchpoint: 'A' })
    for (let i = 0; i < 40; i++) add('csat', i < 20 ? 5 : 1, { channel: 'store', touchpoint: 'S' })
    foldAll(open.ws.sqlite)
    const d = await drivers(sourceOf(open), { metric: 'csat', limit: 10 })
    // App 100% ± 0 against the rest at 50% ± 15.5: the gap is large, but one side's margin collapsed.
    expect(d.drivers.find((x) => x.dim === 'channel' && x.group === 'app')).toMatchObject({ value: 100, withinNoise: null })
  })
})

describe('response rate (METRICS.md)', () => {
  it('is responses ÷ surveys sent in the same days, channel and survey; sends across a period edge stay out of it', async () => {
    for (let d = 1; d <= 6; d++) add('csat', 5, { at: Date.UTC(2025, 2, d, 5), channel: 'email' })
    add('csat', 5, { at: Date.UTC(2025, 2, 2, 5), channel: 'store' })
    add('nps', 9, { at: Date.UTC(2025, 2, 2, 5), channel: 'email' })
    saveSend(open.ws.sqlite, { from: '2025-03-01', to: '2025-03-31', channel: 'email', touchpoint: null, questionId: 2, sent: 40 }, 0)
    saveSend(open.ws.sqlite, { from: '2025-02-20', to: '2025-03-10', channel: 'email', touchpoint: null, questionId: 2, sent: 100 }, 0)
    const s = await responseRateSeries(sourceOf(open), { by: 'month', filter: { from: '2025-03-01', to: '2025-03-31' } })
    // 6 CSAT answers by email in March ÷ 40 sent = 15%; the February–March send is outside the range.
    expect(s.rows).toEqual([{ period: '2025-03', periodStart: '2025-03-01', sent: 40, responses: 6, rate: 15, moe95: expect.any(Number), straddling: 0 }])
    const both = await responseRateSeries(sourceOf(open), { by: 'month' })
    expect(both.rows.map((r) => [r.period, r.sent, r.straddling])).toEqual([
      ['2025-02', 0, 1],
      ['2025-03', 40, 1],
    ])
  })
})

describe('periods and time zones', () => {
  it('cuts weeks (ISO, Monday first) and months in a zone with summer time', async () => {
    const ny = await freshWorkspace('America/New_York')
    const addNy = responseAdder(ny)
    addNy('nps', 10, { at: Date.UTC(2025, 2, 1, 4, 30) }) // 23:30 on 28 February in New York (EST)
    addNy('nps', 0, { at: Date.UTC(2025, 2, 31, 3, 30) }) // 23:30 on 30 March in New York (EDT, after the change)
    addNy('nps', 10, { at: Date.UTC(2025, 2, 31, 4, 30) }) // 00:30 on 31 March, a Monday: a new ISO week
    for (const from of ['raw', 'rollups'] as const) {
      const months = await metricSeries(sourceOf(ny), { metric: 'nps', by: 'month' }, from)
      expect(months.rows.map((r) => [r.period, r.n])).toEqual([
        ['2025-02', 1],
        ['2025-03', 2],
      ])
      const weeks = await metricSeries(sourceOf(ny), { metric: 'nps', by: 'week' }, from)
      expect(weeks.rows.map((r) => [r.period, r.periodStart, r.n])).toEqual([
        ['2025-W09', '2025-02-24', 1],
        ['2025-W13', '2025-03-24', 1],
        ['2025-W14', '2025-03-31', 1],
      ])
    }
    await ny.ws.close()
  })

  it('handles a year that ends mid-week, quarters and years, and reads partial months from the day summaries', async () => {
    add('csat', 5, { at: Date.UTC(2024, 11, 31, 16, 30) }) // 23:30 on 31 Dec 2024 in Bangkok: week 2025-W01
    add('csat', 1, { at: Date.UTC(2025, 0, 15, 5) })
    add('csat', 4, { at: Date.UTC(2025, 3, 1, 5) })
    foldAll(open.ws.sqlite)
    for (const by of ['week', 'quarter', 'year'] as const) {
      const [raw, rolled] = await Promise.all([metricSeries(sourceOf(open), { metric: 'csat', by }, 'raw'), metricSeries(sourceOf(open), { metric: 'csat', by }, 'rollups')])
      expect({ ...rolled, source: 'x' }).toEqual({ ...raw, source: 'x' })
    }
    expect((await metricSeries(sourceOf(open), { metric: 'csat', by: 'week' })).rows[0].period).toBe('2025-W01')
    expect((await metricSeries(sourceOf(open), { metric: 'csat', by: 'quarter' })).rows.map((r) => [r.period, r.n, r.value])).toEqual([
      ['2024-Q4', 1, 100],
      ['2025-Q1', 1, 0],
      ['2025-Q2', 1, 100],
    ])
    // 10 January to 10 April: days from the day summaries at both ends, whole months in between.
    const part = await metricSeries(sourceOf(open), { metric: 'csat', by: 'month', filter: { from: '2025-01-10', to: '2025-04-10' } })
    expect(part.rows.map((r) => [r.period, r.n])).toEqual([
      ['2025-01', 1],
      ['2025-04', 1],
    ])
  })

  it('gives no figure for no responses, and NPS +100 with no margin when everyone is a promoter', async () => {
    expect((await metricSeries(sourceOf(open), { metric: 'nps', by: 'month' })).overall).toMatchObject({ n: 0, value: null, moe95: null, lowSample: true, distribution: [] })
    for (let i = 0; i < 30; i++) add('nps', 9 + (i % 2))
    expect((await metricSeries(sourceOf(open), { metric: 'nps' })).overall).toMatchObject({ n: 30, value: 100, moe95: 0, lowSample: false, good: 30 })
  })

  it('reads a CSAT on 1–10 and a CES effort question (lower is better) with their own cut-offs', async () => {
    const db = open.ws.sqlite
    db.prepare(`INSERT INTO questions (key, metric, label, scale_min, scale_max, direction, good_threshold, poor_threshold) VALUES ('csat10', 'csat', 'Satisfied?', 1, 10, 'higher_better', 7, 4)`).run()
    db.prepare(`INSERT INTO questions (key, metric, label, scale_min, scale_max, direction, good_threshold, poor_threshold) VALUES ('effort', 'ces', 'Effort?', 1, 5, 'lower_better', 2, 4)`).run()
    const csat10 = 4
    const effort = 5
    // CSAT 1–10, satisfied 7–10: 9, 7, 5, 2 → 2 of 4 = 50%, mean 5.75.
    for (const s of [9, 7, 5, 2]) add(null, null, { questionId: csat10, score: s })
    // CES effort 1–5, low effort 1–2: 1, 2, 2, 5 → mean 2.5, 75% low effort.
    for (const s of [1, 2, 2, 5]) add(null, null, { questionId: effort, score: s })
    for (const from of ['raw', 'rollups'] as const) {
      expect((await metricSeries(sourceOf(open), { metric: 'csat' }, from)).overall).toMatchObject({ value: 50, mean: 5.75, scale: { min: 1, max: 10 } })
      expect((await metricSeries(sourceOf(open), { metric: 'ces' }, from)).overall).toMatchObject({ value: 2.5, mean: 2.5, goodShare: 75, poor: 1, scale: { min: 1, max: 5, direction: 'lower_better' } })
    }
  })
})

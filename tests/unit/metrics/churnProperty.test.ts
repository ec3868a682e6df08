import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { freshWorkspace } from '../../helpers/db'
import { lifecycleSeries } from '../../../src-main/metrics/lifecycle'
import { foldAll } from '../../../src-main/metrics/rollups/jobs'
import { periodUnits, type PeriodUnit } from '../../../src-shared/domain/periods'
import { sourceOf } from './helpers'

/**
 * Churn and retention against a brute force written from METRICS.md alone: for every period, each
 * customer is checked against the cohort's definition, with local days and periods worked out here
 * (Intl for the zone, calendar arithmetic for the periods), not by the app's helpers.
 */
const ZONES = ['Asia/Bangkok', 'America/New_York'] as const
const DAY = 86_400_000
const BASE = Date.UTC(2023, 0, 1)

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/** A local calendar day of an instant in a zone, by Intl (en-CA writes YYYY-MM-DD). */
const localDayIn = (zone: string) => {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
  return (stamp: string): string | null => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(stamp)) return stamp
    const ms = Date.parse(stamp)
    return Number.isNaN(ms) ? null : format.format(ms)
  }
}

/** A lifecycle date as a CRM export or a script may write it: a date, a UTC timestamp, a timestamp with an offset. */
const stampArb = (minDay: number, maxDay: number) =>
  fc.record({ day: fc.integer({ min: minDay, max: maxDay }), minute: fc.integer({ min: 0, max: 1439 }), form: fc.constantFrom('date', 'date', 'utc', 'offset') }).map(({ day, minute, form }) => {
    const ms = BASE + day * DAY + minute * 60_000
    if (form === 'date') return isoDay(ms)
    if (form === 'utc') return new Date(ms).toISOString().replace('.000Z', 'Z')
    // The same instant written with +07:00.
    return `${new Date(ms + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`
  })

const customerArb = fc
  .record({ since: stampArb(0, 1000), stay: fc.option(fc.integer({ min: -5, max: 700 }), { nil: null, freq: 2 }), minute: fc.integer({ min: 0, max: 1439 }), segment: fc.constantFrom('Student', 'Office', null), location: fc.constantFrom('Hà Nội', 'Bangkok', null) })
  .map(({ since, stay, minute, segment, location }) => {
    const sinceMs = /T/.test(since) ? Date.parse(since) : Date.parse(`${since}T00:00:00Z`)
    const churned = stay === null ? null : stay % 3 === 0 ? isoDay(sinceMs + stay * DAY) : new Date(sinceMs + stay * DAY + minute * 60_000).toISOString().replace('.000Z', 'Z')
    return { since, churned, segment, location }
  })
type Customer = { since: string; churned: string | null; segment: string | null; location: string | null }

/** The consecutive periods of a unit covering first…last, cut to them, worked out day by day. */
function periodsOf(first: string, last: string, by: PeriodUnit | undefined): Array<{ start: string; end: string }> {
  const keyOf = (day: string) => {
    if (!by) return 'all'
    const d = new Date(`${day}T00:00:00Z`)
    if (by === 'day') return day
    if (by === 'month') return day.slice(0, 7)
    if (by === 'year') return day.slice(0, 4)
    if (by === 'quarter') return `${day.slice(0, 4)}Q${Math.floor(d.getUTCMonth() / 3)}`
    // ISO weeks start on Monday: the key is the Monday.
    return isoDay(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY)
  }
  const out: Array<{ key: string; start: string; end: string }> = []
  for (let ms = Date.parse(`${first}T00:00:00Z`); ms <= Date.parse(`${last}T00:00:00Z`); ms += DAY) {
    const day = isoDay(ms)
    const key = keyOf(day)
    if (out.length && out[out.length - 1].key === key) out[out.length - 1].end = day
    else out.push({ key, start: day, end: day })
  }
  return out
}

/** Each customer's local join and leaving days by METRICS.md and the app's stated rules, or null when left out. */
function placed(customers: Customer[], zone: string): Array<{ joined: string; left: string | null }> {
  const local = localDayIn(zone)
  return customers.flatMap((c) => {
    // Left out altogether: a churn written before the join (the triggers compare the text as written).
    if (c.churned !== null && c.churned < c.since) return []
    const joined = local(c.since)
    if (joined === null) return []
    const churnDay = c.churned === null ? null : local(c.churned)
    // A churn on a local day before the join day is not counted as leaving.
    return [{ joined, left: churnDay !== null && churnDay >= joined ? churnDay : null }]
  })
}

/** METRICS.md, customer by customer: the cohort at the period's start and the members lost during it. */
function bruteForce(customers: Array<{ joined: string; left: string | null }>, p: { start: string; end: string }) {
  let atStart = 0
  let lost = 0
  for (const { joined, left } of customers) {
    if (joined < p.start && (left === null || left >= p.start)) {
      atStart++
      if (left !== null && left <= p.end) lost++
    }
  }
  return { atStart, lost }
}

const caseArb = fc.record({
  zone: fc.constantFrom(...ZONES),
  customers: fc.array(customerArb, { minLength: 0, maxLength: 40 }),
  foldAfter: fc.integer({ min: 0, max: 40 }),
  first: fc.integer({ min: -30, max: 1100 }),
  length: fc.integer({ min: 0, max: 1100 }),
  by: fc.option(fc.constantFrom(...periodUnits), { nil: undefined }),
  // Ranges by day are kept to a few months: a row a day.
  dayLength: fc.integer({ min: 0, max: 120 }),
  dim: fc.option(fc.constantFrom('segment' as const, 'location' as const), { nil: undefined }),
  // Customer filters: one (read from a slice), or both (the day cube's leavings index).
  segments: fc.option(fc.subarray(['Student', 'Office'], { minLength: 1 }), { nil: undefined }),
  locations: fc.option(fc.subarray(['Hà Nội', 'Bangkok'], { minLength: 1 }), { nil: undefined }),
})

describe('churn and retention against a brute force over random customer histories', () => {
  it('lie in 0–100%, add up to 100% and equal the definition, for random ranges and period units, on both paths', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ zone, customers, foldAfter, first, length, by, dayLength, dim, segments, locations }) => {
        const open = await freshWorkspace(zone)
        try {
          const insert = open.ws.sqlite.prepare('INSERT INTO customers (external_ref, segment, location, customer_since, churned_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 0)')
          // Some customers folded into the summaries, the rest still in the journal.
          customers.forEach((c, i) => {
            if (i === foldAfter) foldAll(open.ws.sqlite)
            insert.run(`c${i}`, c.segment, c.location, c.since, c.churned)
          })
          const from = isoDay(BASE + first * DAY)
          const to = isoDay(BASE + (first + (by === 'day' ? dayLength : length)) * DAY)
          const src = { ...sourceOf(open), today: '2026-06-30' }
          const periods = periodsOf(from, to, by)
          for (const path of ['raw', 'rollups'] as const) {
            const { rows } = lifecycleSeries(src, { by, dim, filter: { from, to, segment: segments, location: locations } }, path)
            for (const r of rows) {
              if (r.churnRate === null) continue
              expect(r.churnRate).toBeGreaterThanOrEqual(0)
              expect(r.churnRate).toBeLessThanOrEqual(100)
              expect(r.churnRate + r.retentionRate!).toBeCloseTo(100, 9)
            }
            const filtered = customers.filter((c) => (!segments || (c.segment !== null && segments.includes(c.segment))) && (!locations || (c.location !== null && locations.includes(c.location))))
            for (const group of dim ? [...new Set(filtered.map((c) => c[dim]))] : [null]) {
              const members = placed(dim ? filtered.filter((c) => c[dim] === group) : filtered, zone)
              const expected = periods.map((p) => ({ start: p.start, end: p.end, ...bruteForce(members, p) }))
              const got = rows.filter((r) => r.group === group).map((r) => ({ start: r.periodStart, end: r.periodEnd, atStart: r.atStart, lost: r.lost }))
              // Periods a group had nobody in, and nobody joining or leaving, are left out of a breakdown;
              // a series with nobody at all in the range has no rows.
              const shown = dim || !got.length ? expected.filter((e) => got.some((g) => g.start === e.start)) : expected
              expect(got, `${path} ${zone} ${from}…${to} by ${by} ${group}`).toEqual(shown)
              for (const e of expected) if (e.atStart && !got.some((g) => g.start === e.start)) throw new Error(`${path}: period ${e.start} of ${group} is missing`)
            }
          }
        } finally {
          await open.ws.close()
        }
      }),
      { seed: 1301, numRuns: 60 },
    )
  })
})

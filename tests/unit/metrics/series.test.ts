import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { metricSeries, type SeriesQuery } from '../../../src-main/metrics/series'
import { foldAll } from '../../../src-main/metrics/rollups/jobs'
import { rollupsCanAnswer } from '../../../src-main/metrics/rollups/rollupCounts'
import type { OpenWorkspace } from '../../../src-main/db/openWorkspace'
import { freshWorkspace } from '../../helpers/db'
import { responseAdder, sourceOf } from './helpers'

let open: OpenWorkspace
let add: ReturnType<typeof responseAdder>

beforeEach(async () => {
  open = await freshWorkspace('Asia/Bangkok')
  add = responseAdder(open)
})
afterEach(() => open.ws.close())

/** Every case is checked on both paths: the summaries (with the journal folded or not) and the raw scan. */
async function series(query: SeriesQuery) {
  const raw = await metricSeries(sourceOf(open), query, 'raw')
  if (!rollupsCanAnswer(query)) return raw
  const fromJournal = await metricSeries(sourceOf(open), query, 'rollups')
  foldAll(open.ws.sqlite)
  const folded = await metricSeries(sourceOf(open), query, 'rollups')
  const strip = (s: typeof raw) => ({ ...s, source: undefined })
  expect(strip(fromJournal)).toEqual(strip(raw))
  expect(strip(folded)).toEqual(strip(raw))
  return raw
}

describe('metric series', () => {
  it('puts a response at 23:30 on the last day of a month in Asia/Bangkok in that month', async () => {
    add('nps', 10, { at: Date.UTC(2025, 0, 31, 16, 30) }) // 23:30 on 31 Jan in Bangkok
    add('nps', 0, { at: Date.UTC(2025, 0, 31, 17, 30) }) // 00:30 on 1 Feb in Bangkok
    const s = await series({ metric: 'nps', by: 'month' })
    expect(s.rows.map((r) => [r.period, r.value, r.n])).toEqual([
      ['2025-01', 100, 1],
      ['2025-02', -100, 1],
    ])
    expect(s.overall).toMatchObject({ value: 0, n: 2, good: 1, poor: 1 })
  })

  it('computes CSAT as the share of 4s and 5s, with mean, distribution and margin of error', async () => {
    // Scores 5, 5, 4, 3, 2, 1, 4, 5 → satisfied 5 of 8 = 62.5%. Mean = 29 / 8 = 3.625.
    for (const s of [5, 5, 4, 3, 2, 1, 4, 5]) add('csat', s)
    const { overall } = await series({ metric: 'csat' })
    expect(overall.value).toBe(62.5)
    expect(overall.mean).toBe(3.625)
    expect(overall).toMatchObject({ n: 8, good: 5, neutral: 1, poor: 2, scale: { min: 1, max: 5, direction: 'higher_better' } })
    expect(overall.distribution).toEqual([
      { score: 1, n: 1 },
      { score: 2, n: 1 },
      { score: 3, n: 1 },
      { score: 4, n: 2 },
      { score: 5, n: 3 },
    ])
    // 1.96 · √(0.625 · 0.375 / 8) · 100 = 33.547…
    expect(overall.moe95).toBeCloseTo(33.547, 2)
  })

  it('computes CES (agreement form, 1–7) as the mean, with % agree (5–7) beside it', async () => {
    // 7, 6, 5, 4, 3 → mean 5; agree 3 of 5 = 60%; disagree (1–3) 1.
    for (const s of [7, 6, 5, 4, 3]) add('ces', s)
    const { overall } = await series({ metric: 'ces' })
    expect(overall).toMatchObject({ value: 5, mean: 5, goodShare: 60, good: 3, neutral: 1, poor: 1 })
    // s = √(10 / 4) = 1.5811; MoE = 1.96 · 1.5811 / √5 = 1.3859
    expect(overall.moe95).toBeCloseTo(1.3859, 3)
  })

  it('never averages CES answers given on different scales', async () => {
    open.ws.sqlite.prepare(`INSERT INTO questions (key, metric, label, scale_min, scale_max, direction, good_threshold, poor_threshold) VALUES ('effort', 'ces', 'Effort', 1, 5, 'lower_better', 2, 4)`).run()
    const effortId = (open.ws.sqlite.prepare(`SELECT id FROM questions WHERE key = 'effort'`).get() as { id: number }).id
    add('ces', 7)
    add('ces', 1, { questionId: effortId })
    const { overall } = await series({ metric: 'ces' })
    expect(overall).toMatchObject({ value: null, mean: null, scale: null, good: 2, n: 2 })
  })

  it('breaks down by a dimension, and by segment through the customer', async () => {
    const cust = open.ws.sqlite.prepare(`INSERT INTO customers (external_ref, segment, created_at, updated_at) VALUES ('c1', 'Student', 0, 0)`).run().lastInsertRowid
    add('nps', 10, { channel: 'app', customerId: Number(cust) })
    add('nps', 0, { channel: 'app' })
    add('nps', 9, { channel: 'store' })
    const byChannel = await series({ metric: 'nps', dim: 'channel' })
    expect(byChannel.rows.map((r) => [r.group, r.value, r.n, r.period])).toEqual([
      ['app', 0, 2, null],
      ['store', 100, 1, null],
    ])
    const bySegment = await series({ metric: 'nps', dim: 'segment' })
    expect(bySegment.rows.map((r) => [r.group, r.n])).toEqual([
      ['Student', 1],
      [null, 2],
    ])
  })

  it('counts a response in each of its tags, but once overall', async () => {
    add('nps', 10)
    add('nps', 0)
    const db = open.ws.sqlite
    db.exec(`INSERT INTO tags (name, created_at) VALUES ('price', 0), ('staff', 0)`)
    db.exec(`INSERT INTO response_tags (response_id, tag_id, source, created_at) VALUES (1, 1, 'manual', 0), (1, 2, 'manual', 0), (2, 1, 'rule', 0)`)
    const s = await series({ metric: 'nps', dim: 'tag' })
    expect(s.rows.map((r) => [r.group, r.n, r.value])).toEqual([
      ['price', 2, 0],
      ['staff', 1, 100],
    ])
    expect(s.overall.n).toBe(2)
  })

  it('applies every kind of filter', async () => {
    add('nps', 10, { channel: 'app', location: 'Hanoi', language: 'vi', status: 'resolved', owner: 'Lan', comment: 'Quán đẹp 100%' })
    add('nps', 0, { channel: 'store' })
    add('nps', 8, { at: Date.UTC(2025, 5, 1) })
    const n = async (filter: object) => (await series({ metric: 'nps', filter })).overall.n
    expect(await n({})).toBe(3)
    expect(await n({ channel: ['app'] })).toBe(1)
    expect(await n({ channel: ['app', 'store'] })).toBe(3)
    expect(await n({ band: ['poor'] })).toBe(1)
    expect(await n({ band: ['good', 'neutral'] })).toBe(2)
    expect(await n({ location: ['Hanoi'], language: ['vi'], status: ['resolved'], owner: ['Lan'] })).toBe(1)
    expect(await n({ from: '2025-06-01' })).toBe(1)
    expect(await n({ to: '2025-03-31' })).toBe(2)
    expect(await n({ text: '100%' })).toBe(1)
    expect(await n({ text: '_' })).toBe(0)
    expect(await n({ metric: ['csat'] })).toBe(0)
  })
})

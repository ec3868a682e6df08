import { afterEach, describe, expect, it } from 'vitest'
import { metricSeries, type SeriesQuery } from '../../../src-main/metrics/series'
import { foldAll } from '../../../src-main/metrics/rollups/jobs'
import { snapshotHits } from '../../../src-main/metrics/rollups/rollupSnapshotRepository'
import { groupCells } from '../../../src-main/metrics/rollups/rollupReadRepository'
import { analyzeSummaries } from '../../../src-main/metrics/rollups/rollupMaintainRepository'
import type { FeedbackFilter } from '../../../src-shared/api/filters'
import type { OpenWorkspace } from '../../../src-main/db/openWorkspace'
import { freshWorkspace } from '../../helpers/db'
import { responseAdder, sourceOf } from './helpers'

/**
 * With two or more dimensions filtered, the breakdowns of one page share one read of the month
 * cube's cells and group them in JS (read.ts readCube). Each must equal the raw query's answer, and
 * the second breakdown must come from the first one's read.
 */
let cleanup: Array<() => void> = []
afterEach(() => {
  for (const c of cleanup.reverse()) c()
  cleanup = []
})

/** The series from the summaries and from the raw rows, without the field that says which. */
async function bothPaths(open: OpenWorkspace, q: SeriesQuery) {
  const src = sourceOf(open)
  const rolled = await metricSeries(src, q, 'rollups')
  const raw = await metricSeries(src, q, 'raw')
  return { rolled: { ...rolled, source: undefined }, raw: { ...raw, source: undefined } }
}

function seed(open: OpenWorkspace): void {
  const add = responseAdder(open)
  const channels = ['store', 'app', 'web']
  const touchpoints = ['Counter', 'Delivery', 'Checkout']
  const locations = ['Bangkok', 'Hà Nội', 'Chiang Mai']
  for (let i = 0; i < 300; i++) {
    const metric = i % 5 === 0 ? 'csat' : i % 7 === 0 ? 'ces' : 'nps'
    add(metric, metric === 'csat' ? 1 + (i % 4) : metric === 'ces' ? 1 + (i % 7) : i % 11, {
      at: Date.UTC(2025, i % 6, 1 + (i % 27), 5),
      channel: channels[i % 3],
      touchpoint: touchpoints[(i >> 1) % 3],
      stage: i % 4 ? 'Purchase' : 'Support',
      location: locations[(i >> 2) % 3],
    })
  }
  // Themes on some responses: the tag rows come from the same read of the cells.
  open.ws.sqlite.exec(`INSERT INTO tags (id, name, created_at) VALUES (1, 'Waiting', 0), (2, 'Price', 0);
    INSERT INTO response_tags (response_id, tag_id, source, created_at) SELECT id, 1 + (id / 2) % 2, 'manual', 0 FROM responses WHERE id % 2 = 0`)
}

describe('breakdowns under several filters', () => {
  it('share one read of the cells and equal the raw query', async () => {
    const open = await freshWorkspace()
    cleanup.push(() => open.ws.close())
    seed(open)
    foldAll(open.ws.sqlite)
    // With planner statistics, the shared reads walk the index they pick from them (read.ts filterIndex).
    analyzeSummaries(open.ws.sqlite)
    const filter: FeedbackFilter = { from: '2025-01-01', to: '2025-06-30', channel: ['store', 'app'], location: ['Bangkok', 'Chiang Mai'] }
    const overall = await bothPaths(open, { metric: 'nps', by: 'month', filter })
    expect(overall.rolled.overall.n).toBeGreaterThan(0)
    expect(overall.rolled).toEqual(overall.raw)
    for (const dim of ['channel', 'touchpoint', 'stage', 'location'] as const) {
      const hits = snapshotHits(open.ws.sqlite)
      const { rolled, raw } = await bothPaths(open, { metric: 'nps', dim, filter })
      expect(snapshotHits(open.ws.sqlite), dim).toBeGreaterThan(hits)
      expect(new Set(rolled.rows.map((r) => r.group)).size, dim).toBeGreaterThan(1)
      expect(rolled, dim).toEqual(raw)
    }
    // A band filter too (the drivers' reads), CSAT by month with both filters (read with the NPS cells), by theme, with a theme filter, and
    // over a few months of the year whose cells are read.
    const others: SeriesQuery[] = [
      { metric: 'nps', dim: 'touchpoint', filter: { ...filter, band: ['poor'] } },
      { metric: 'csat', by: 'month', filter },
      { metric: 'ces', by: 'month', filter },
      { metric: 'nps', dim: 'tag', filter },
      { metric: 'nps', by: 'month', filter: { ...filter, tag: ['Price'] } },
      // Two months of the year the cells are read for.
      { metric: 'nps', by: 'month', filter: { ...filter, from: '2025-03-01', to: '2025-04-30' } },
      { metric: 'csat', dim: 'touchpoint', filter: { ...filter, from: '2025-02-01', to: '2025-02-28' } },
    ]
    for (const q of others) {
      const { rolled, raw } = await bothPaths(open, q)
      expect(rolled.overall.n, JSON.stringify(q)).toBeGreaterThan(0)
      expect(rolled, JSON.stringify(q)).toEqual(raw)
    }
  })
})

describe('summing shared cells', () => {
  // [period, question, value, band, tag, channel, touchpoint, stage, location, language, segment, owner, n]
  const cell = (period: number, value: number, channel: number, n: number) => [period, 1, value, 1, 0, channel, 0, 0, 0, 0, 0, 0, n]
  const selection = { questionIds: [1], groupBy: 'channel' as const, fromPeriod: 0, toPeriod: 100 }
  const sorted = (rows: number[][]) => rows.map((r) => r.join(',')).sort()

  it('sums cells of the same period, group, value and band, whether the keys fit a number or not', () => {
    for (const big of [10, 2 ** 45]) {
      const cells = [cell(1, 5, 2, 3), cell(1, 5, 2, 4), cell(1, big, 2, 1), cell(2, 5, 2, 1), cell(1, 5, 3, 2), cell(200, 5, 2, 9)]
      expect(sorted(groupCells(cells, selection)), String(big)).toEqual(sorted([[1, 2, 1, 5, 1, 7], [1, 2, 1, big, 1, 1], [2, 2, 1, 5, 1, 1], [1, 3, 1, 5, 1, 2]]))
    }
  })
})

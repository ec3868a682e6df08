import { describe, expect, it } from 'vitest'
import { freshWorkspace } from '../../helpers/db'
import { foldAll } from '../../../src-main/metrics/rollups/jobs'
import { metricSeries, type SeriesQuery } from '../../../src-main/metrics/series'
import { sliceSeriesCells } from '../../../src-main/metrics/rollups/sliceSeries'
import { readSnapshot } from '../../../src-main/metrics/rollups/rollupSnapshotRepository'
import { responseAdder, sourceOf } from './helpers'

const DAY = 86_400_000

describe('series read straight from the slice packs', () => {
  it('answer only what one folded slice holds, with the numbers of the general path', async () => {
    const open = await freshWorkspace('Asia/Bangkok')
    const add = responseAdder(open)
    // Six weeks of answers at three touchpoints, scores all over each scale (CES 1–7, so means and distributions differ).
    for (let i = 0; i < 120; i++) {
      const metric = (['nps', 'csat', 'ces'] as const)[i % 3]
      add(metric, metric === 'nps' ? (i * 7) % 11 : metric === 'csat' ? 1 + (i % 5) : 1 + (i % 7), { at: Date.UTC(2025, 2, 3, 3) + (i % 42) * DAY, touchpoint: `T${i % 3}` })
    }
    foldAll(open.ws.sqlite)
    const src = sourceOf(open)
    const sliced = (q: SeriesQuery) => readSnapshot(open.ws.sqlite, () => sliceSeriesCells(open.ws.sqlite, q))

    for (const q of [
      { metric: 'csat', by: 'week', dim: 'touchpoint' },
      { metric: 'ces', by: 'month' },
      { metric: 'nps' },
      // Whole ISO weeks (Monday 3 March to Sunday 30 March 2025).
      { metric: 'nps', by: 'week', dim: 'touchpoint', filter: { from: '2025-03-03', to: '2025-03-30' } },
    ] satisfies SeriesQuery[]) {
      expect(sliced(q), JSON.stringify(q)).not.toBeNull()
      // A metric filter naming the series' own metric changes nothing but sends it down the general path.
      const general = await metricSeries(src, { ...q, filter: { ...q.filter, metric: [q.metric] } })
      expect(sliced({ ...q, filter: { ...q.filter, metric: [q.metric] } })).toBeNull()
      const packed = await metricSeries(src, q)
      expect(packed).toEqual(general)
      expect(packed.rows.length).toBeGreaterThan(0)
      expect(packed).toEqual({ ...(await metricSeries(src, q, 'raw')), source: 'rollups' })
    }

    // What one slice at the series' grain cannot hold goes the general way.
    expect(sliced({ metric: 'nps', by: 'week', filter: { from: '2025-03-04' } })).toBeNull() // starts mid-week: days from the day cube
    expect(sliced({ metric: 'nps', by: 'day' })).toBeNull()
    expect(sliced({ metric: 'nps', by: 'month', filter: { location: ['Bangkok'] } })).toBeNull()
    expect(sliced({ metric: 'nps', by: 'month', dim: 'tag' })).toBeNull()
    // Answers not folded yet are in the journal, which only the general path nets against the summaries.
    add('nps', 10, { at: Date.UTC(2025, 2, 5, 3), touchpoint: 'T0' })
    expect(sliced({ metric: 'nps', by: 'month' })).toBeNull()
    const withJournal = await metricSeries(src, { metric: 'nps', by: 'month' })
    expect(withJournal.overall.n).toBe(41)
    await open.ws.close()
  })
})

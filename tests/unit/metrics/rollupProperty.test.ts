import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { freshWorkspace } from '../../helpers/db'
import { metricSeries, type SeriesQuery } from '../../../src-main/metrics/series'
import { sliceSeriesCells } from '../../../src-main/metrics/rollups/sliceSeries'
import { readSnapshot } from '../../../src-main/metrics/rollups/rollupSnapshotRepository'
import { foldAll, rebuildRollups } from '../../../src-main/metrics/rollups/jobs'
import { suspendRollupTriggers } from '../../../src-main/metrics/rollups/rollupJournalRepository'
import { rollupsCanAnswer } from '../../../src-main/metrics/rollups/rollupCounts'
import { factDerivations } from '../../../src-main/metrics/rollups/derivations'
import { ttrSeries } from '../../../src-main/metrics/ttr'
import { lifecycleSeries } from '../../../src-main/metrics/lifecycle'
import { bandOf } from '../../../src-shared/domain/scores'
import { localDateConverter } from '../../../src-shared/domain/timezone'
import type { OpenWorkspace } from '../../../src-main/db/openWorkspace'
import { dimensions, type FeedbackFilter } from '../../../src-shared/api/filters'
import { periodUnits } from '../../../src-shared/domain/periods'
import { QUESTION, packedCells, responseAdder, sliceCells, sourceOf } from './helpers'

/**
 * The summaries must never disagree with the responses. Random writes of every kind the app and
 * other writers make (inserts, edits, deletes, tags, customers, re-imports, REPLACE), with folds and
 * rebuilds at random points, then the same queries on both paths must give identical figures.
 */
const CHANNELS = ['store', 'app', 'web', null] as const
const LOCATIONS = ['Hà Nội', 'Bangkok', 'Chiang Mai', null] as const
const SEGMENTS = ['Student', 'Office', null] as const
const TAGS = ['price', 'Staff', 'wait'] as const
const STATUSES = ['new', 'in_progress', 'resolved', 'no_action'] as const
const OWNERS = ['Lan', 'Somchai', null] as const
// Lifecycle dates as CRM exports give them: dates, timestamps, a churn before the join, and junk.
const SINCE = [null, '2024-06-01', '2024-12-31', '2025-01-15', '2025-02-01T23:30:00+07:00', '2025-02-28T18:00:00Z', 'soon', '2025-02-30'] as const
const CHURNED = [null, null, '2024-12-01', '2025-01-20', '2025-02-01', '2025-03-01T01:00:00+07:00', 'never'] as const
const DAY = 86_400_000
const HOUR = 3_600_000
// Around month and ISO-week edges, the end of a year and a Thai 23:30.
const START = Date.UTC(2024, 11, 20, 16, 30)

const scoreFor = (metric: keyof typeof QUESTION, u: number) => (metric === 'nps' ? Math.round(u * 10) : metric === 'csat' ? 1 + Math.round(u * 4) : 1 + Math.round(u * 6))

const insertOp = fc.record({ kind: fc.constant('insert' as const), metric: fc.constantFrom('nps', 'csat', 'ces', null) as fc.Arbitrary<keyof typeof QUESTION | null>, u: fc.double({ min: 0, max: 1, noNaN: true }), day: fc.integer({ min: 0, max: 90 }), minute: fc.integer({ min: 0, max: 1439 }), channel: fc.constantFrom(...CHANNELS), location: fc.constantFrom(...LOCATIONS), customer: fc.integer({ min: 0, max: 6 }), language: fc.constantFrom('vi', 'th', null), status: fc.constantFrom(...STATUSES), hours: fc.integer({ min: 0, max: 400 }), owner: fc.constantFrom(...OWNERS) })
const relocateOp = fc.record({ kind: fc.constant('relocate' as const), customer: fc.integer({ min: 1, max: 6 }), location: fc.constantFrom(...LOCATIONS) })
const lifecycleOp = fc.record({ kind: fc.constant('lifecycle' as const), customer: fc.integer({ min: 1, max: 6 }), since: fc.constantFrom(...SINCE), churned: fc.constantFrom(...CHURNED), location: fc.constantFrom(...LOCATIONS) })
const segmentOp = fc.record({ kind: fc.constant('segment' as const), customer: fc.integer({ min: 1, max: 6 }), segment: fc.constantFrom(...SEGMENTS) })

const op = fc.oneof(
  { weight: 8, arbitrary: insertOp },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('status' as const), pick: fc.nat(), status: fc.constantFrom(...STATUSES), hours: fc.integer({ min: 0, max: 400 }) }) },
  // Who follows a response up: assigned, reassigned, taken off.
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('assign' as const), pick: fc.nat(), owner: fc.constantFrom(...OWNERS) }) },
  { weight: 2, arbitrary: relocateOp },
  { weight: 2, arbitrary: lifecycleOp },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('rescore' as const), pick: fc.nat(), u: fc.double({ min: 0, max: 1, noNaN: true }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), channel: fc.constantFrom(...CHANNELS), day: fc.integer({ min: 0, max: 90 }), customer: fc.integer({ min: 0, max: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('tag' as const), pick: fc.nat(), tag: fc.constantFrom(...TAGS), replace: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('untag' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dropTag' as const), tag: fc.constantFrom(...TAGS) }) },
  { weight: 3, arbitrary: segmentOp },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('dropCustomer' as const), customer: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reimport' as const), pick: fc.nat(), replace: fc.boolean(), u: fc.double({ min: 0, max: 1, noNaN: true }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('fold' as const) }) },
  // An import: the triggers are out while it inserts responses (some tagged) and inserts or updates customers.
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('bulk' as const), ops: fc.array(fc.oneof({ weight: 4, arbitrary: insertOp }, segmentOp, lifecycleOp, relocateOp), { maxLength: 10 }), tag: fc.option(fc.constantFrom(...TAGS), { nil: undefined }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rebuild' as const), change: fc.constantFrom('none', 'thresholds', 'timezone', 'businessHours') }) },
)
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never

const filterArb: fc.Arbitrary<FeedbackFilter> = fc.record(
  {
    from: fc.integer({ min: 0, max: 90 }).map((d) => new Date(START + d * DAY).toISOString().slice(0, 10)),
    to: fc.integer({ min: 0, max: 95 }).map((d) => new Date(START + d * DAY).toISOString().slice(0, 10)),
    band: fc.subarray(['good', 'neutral', 'poor'] as const, { minLength: 1 }),
    channel: fc.subarray(['store', 'app', 'web', 'nowhere'], { minLength: 1 }),
    location: fc.subarray(['Hà Nội', 'Bangkok', 'Chiang Mai'], { minLength: 1 }),
    segment: fc.subarray(['Student', 'Office'], { minLength: 1 }),
    language: fc.subarray(['vi', 'th'], { minLength: 1 }),
    tag: fc.constantFrom(['price'], ['STAFF'], ['wait'], ['unknown']),
    owner: fc.subarray(['Lan', 'Somchai', 'Nobody'], { minLength: 1 }),
    metric: fc.subarray(['nps', 'csat', 'ces'] as const, { minLength: 1 }),
  },
  { requiredKeys: [] },
)
const queryArb: fc.Arbitrary<SeriesQuery> = fc.record({
  metric: fc.constantFrom('nps', 'csat', 'ces'),
  by: fc.option(fc.constantFrom(...periodUnits), { nil: undefined }),
  dim: fc.option(fc.constantFrom(...dimensions), { nil: undefined }),
  filter: filterArb,
})

function apply(open: OpenWorkspace, add: ReturnType<typeof responseAdder>, o: Op, seq: { n: number }) {
  const db = open.ws.sqlite
  const ids = () => db.prepare('SELECT id FROM responses ORDER BY id').pluck().all() as number[]
  const pick = (n: number) => {
    const all = ids()
    return all.length ? all[n % all.length] : null
  }
  const customerId = (c: number) => {
    if (c === 0) return null
    db.prepare(`INSERT INTO customers (id, external_ref, created_at, updated_at) VALUES (?, ?, 0, 0) ON CONFLICT (id) DO NOTHING`).run(c, `c${c}`)
    return c
  }
  switch (o.kind) {
    case 'insert': {
      const at = START + o.day * DAY + o.minute * 60_000
      const resolvedAt = o.status === 'resolved' ? at + o.hours * HOUR + 17 * 60_000 : null
      add(o.metric, o.metric ? scoreFor(o.metric, o.u) : null, { at, localDate: open.localDateOf(at), channel: o.channel, location: o.location, language: o.language, customerId: customerId(o.customer), dedupKey: `r${seq.n++}`, status: o.status, resolvedAt, owner: o.owner })
      return
    }
    case 'status': {
      const id = pick(o.pick)
      if (id === null) return
      db.prepare(`UPDATE responses SET status = ?, resolved_at = CASE WHEN ? = 'resolved' THEN submitted_at + ? ELSE NULL END WHERE id = ?`).run(o.status, o.status, o.hours * HOUR + 29 * 60_000, id)
      return
    }
    case 'assign': {
      const id = pick(o.pick)
      if (id !== null) db.prepare('UPDATE responses SET owner = ? WHERE id = ?').run(o.owner, id)
      return
    }
    case 'relocate':
      customerId(o.customer)
      db.prepare('UPDATE customers SET location = ? WHERE id = ?').run(o.location, o.customer)
      return
    case 'lifecycle':
      customerId(o.customer)
      db.prepare('UPDATE customers SET customer_since = ?, churned_at = ?, location = ? WHERE id = ?').run(o.since, o.churned, o.location, o.customer)
      return
    case 'rescore': {
      const id = pick(o.pick)
      if (id === null) return
      const q = db.prepare('SELECT q.metric, q.direction, q.good_threshold AS good, q.poor_threshold AS poor FROM responses r JOIN questions q ON q.id = r.question_id WHERE r.id = ?').get(id) as { metric: keyof typeof QUESTION; direction: 'higher_better'; good: number; poor: number } | undefined
      if (!q) return
      const score = scoreFor(q.metric, o.u)
      db.prepare('UPDATE responses SET score = ?, band = ? WHERE id = ?').run(score, bandOf(score, q.direction, q), id)
      return
    }
    case 'move': {
      const id = pick(o.pick)
      if (id === null) return
      const at = START + o.day * DAY
      db.prepare('UPDATE responses SET channel = ?, submitted_at = ?, local_date = ?, customer_id = ? WHERE id = ?').run(o.channel, at, open.localDateOf(at), customerId(o.customer), id)
      return
    }
    case 'delete': {
      const id = pick(o.pick)
      if (id !== null) db.prepare('DELETE FROM responses WHERE id = ?').run(id)
      return
    }
    case 'tag': {
      const id = pick(o.pick)
      if (id === null) return
      db.prepare('INSERT OR IGNORE INTO tags (name, created_at) VALUES (?, 0)').run(o.tag)
      const tagId = db.prepare('SELECT id FROM tags WHERE name = ?').pluck().get(o.tag)
      db.prepare(`INSERT OR ${o.replace ? 'REPLACE' : 'IGNORE'} INTO response_tags (response_id, tag_id, source, created_at) VALUES (?, ?, 'manual', 0)`).run(id, tagId)
      return
    }
    case 'untag': {
      const row = db.prepare('SELECT response_id, tag_id FROM response_tags ORDER BY response_id, tag_id LIMIT 1 OFFSET ?').get(o.pick % Math.max(1, Number(db.prepare('SELECT count(*) FROM response_tags').pluck().get()))) as { response_id: number; tag_id: number } | undefined
      if (row) db.prepare('DELETE FROM response_tags WHERE response_id = ? AND tag_id = ?').run(row.response_id, row.tag_id)
      return
    }
    case 'dropTag':
      db.prepare('DELETE FROM tags WHERE name = ?').run(o.tag)
      return
    case 'segment':
      customerId(o.customer)
      db.prepare('UPDATE customers SET segment = ? WHERE id = ?').run(o.segment, o.customer)
      return
    case 'dropCustomer':
      db.prepare('DELETE FROM customers WHERE id = ?').run(o.customer)
      return
    case 'reimport': {
      const id = pick(o.pick)
      if (id === null) return
      const r = db.prepare('SELECT * FROM responses WHERE id = ?').get(id) as Record<string, unknown>
      if (!o.replace) {
        // The same file again: the dedup key is known, nothing changes.
        add(null, null, { dedupKey: r.dedup_key as string })
        return
      }
      // A writer that replaces the row (a new id, a possibly different score) instead of skipping it.
      const metric = (Object.entries(QUESTION).find(([, qid]) => qid === r.question_id)?.[0] ?? 'nps') as keyof typeof QUESTION
      const score = r.score === null ? null : scoreFor(metric, o.u)
      const q = db.prepare('SELECT direction, good_threshold AS good, poor_threshold AS poor FROM questions WHERE id = ?').get(r.question_id) as { direction: 'higher_better'; good: number; poor: number } | undefined
      db.prepare(
        `INSERT OR REPLACE INTO responses (dedup_key, question_id, score, band, submitted_at, local_date, channel, touchpoint, stage, location, language, customer_id, status, created_at, updated_at)
         VALUES (@dedup_key, @question_id, @score, @band, @submitted_at, @local_date, @channel, @touchpoint, @stage, @location, @language, @customer_id, 'new', 0, 0)`,
      ).run({ ...r, score, band: score === null || !q ? null : bandOf(score, q.direction, q) })
      return
    }
    case 'fold':
      foldAll(db)
      return
    case 'bulk': {
      const resume = suspendRollupTriggers(db, factDerivations(db))
      const before = db.prepare('SELECT coalesce(max(id), 0) FROM responses').pluck().get() as number
      for (const inner of o.ops) apply(open, add, inner, seq)
      const first = db.prepare('SELECT min(id) FROM responses WHERE id > ?').pluck().get(before) as number | null
      if (o.tag && first !== null) {
        db.prepare('INSERT OR IGNORE INTO tags (name, created_at) VALUES (?, 0)').run(o.tag)
        db.prepare(`INSERT INTO response_tags (response_id, tag_id, source, created_at) SELECT ?, id, 'rule', 0 FROM tags WHERE name = ?`).run(first, o.tag)
      }
      // Both ways an import ends: folded into the summaries, or left in the journal.
      resume({ fold: o.ops.length % 2 === 0 })
      return
    }
    case 'rebuild':
      if (o.change === 'thresholds') {
        const csat = db.prepare('SELECT good_threshold FROM questions WHERE id = 2').pluck().get() as number
        const next = csat === 4 ? { good: 5, poor: 3 } : { good: 4, poor: 2 }
        rebuildRollups(db, { type: 'definitions', questions: [{ id: 2, label: 'CSAT', scale_min: 1, scale_max: 5, direction: 'higher_better', good_threshold: next.good, poor_threshold: next.poor }] })
      } else if (o.change === 'timezone') {
        const tz = open.settings.timezone === 'Asia/Bangkok' ? 'America/New_York' : 'Asia/Bangkok'
        rebuildRollups(db, { type: 'timezone', timezone: tz })
        open.settings = { ...open.settings, timezone: tz }
        open.localDateOf = localDateConverter(tz)
      } else if (o.change === 'businessHours') {
        const on = factDerivations(db).businessHours.enabled
        rebuildRollups(db, { type: 'businessHours', businessHours: { enabled: !on, days: [1, 2, 3, 4, 5], start: '08:00', end: '17:30' } })
      } else rebuildRollups(db, undefined)
      return
  }
}

async function sameOnBothPaths(open: OpenWorkspace, q: SeriesQuery) {
  if (!rollupsCanAnswer(q)) return
  const src = sourceOf(open)
  const raw = await metricSeries(src, q, 'raw')
  const rolled = await metricSeries(src, q, 'rollups')
  expect({ ...rolled, source: undefined }, JSON.stringify(q)).toEqual({ ...raw, source: undefined })
  // The same filter for time to resolution, and (by segment and location) for churn and retention.
  expect(await ttrSeries(src, q, 'rollups'), `ttr ${JSON.stringify(q)}`).toEqual(await ttrSeries(src, q, 'raw'))
  if (q.by && q.by !== 'day') {
    const life = { by: q.by, filter: { from: q.filter?.from, to: q.filter?.to, segment: q.filter?.segment, location: q.filter?.location } }
    const withToday = { ...src, today: '2025-03-31' }
    for (const dim of [undefined, 'segment', 'location'] as const)
      expect(lifecycleSeries(withToday, { ...life, dim }, 'rollups'), `lifecycle ${dim} ${JSON.stringify(life)}`).toEqual(lifecycleSeries(withToday, { ...life, dim }, 'raw'))
  }
}

describe('rollups against the raw responses', () => {
  it('agree after random inserts, edits, deletes, tags, customers, re-imports, folds and rebuilds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 120, size: 'large' }), fc.array(queryArb, { minLength: 12, maxLength: 12 }), async (ops, queries) => {
        const open = await freshWorkspace('Asia/Bangkok')
        try {
          const add = responseAdder(open)
          const seq = { n: 0 }
          for (const [i, o] of ops.entries()) {
            apply(open, add, o, seq)
            // Check part-way too: with the journal unfolded, folded, or half of each.
            if (i === Math.floor(ops.length / 2)) await sameOnBothPaths(open, queries[0])
          }
          for (const q of queries) await sameOnBothPaths(open, q)
          for (const metric of ['nps', 'csat', 'ces'] as const) for (const dim of [undefined, ...dimensions]) await sameOnBothPaths(open, { metric, by: 'month', dim })
          for (const location of LOCATIONS) for (const segment of SEGMENTS) if (location && segment) await sameOnBothPaths(open, { metric: 'nps', by: 'quarter', filter: { location: [location], segment: [segment] } })
          foldAll(open.ws.sqlite)
          for (const q of queries) await sameOnBothPaths(open, q)
          // Folded, unfiltered series come straight from the slice packs (sliceSeries.ts): the same numbers.
          for (const metric of ['nps', 'csat', 'ces'] as const)
            for (const by of [undefined, 'week', 'month', 'year'] as const)
              for (const dim of [undefined, 'touchpoint', 'location'] as const) {
                expect(readSnapshot(open.ws.sqlite, () => sliceSeriesCells(open.ws.sqlite, { metric, by, dim }))).not.toBeNull()
                await sameOnBothPaths(open, { metric, by, dim })
              }
          expect(open.ws.sqlite.prepare('SELECT count(*) FROM rollup_journal').pluck().get()).toBe(0)
          expect(packedCells(open.ws.sqlite)).toEqual(sliceCells(open.ws.sqlite))
        } finally {
          await open.ws.close()
        }
      }),
      { numRuns: 25 },
    )
  })

  it('hold no empty cells after a fold, and nothing at all once every response is gone', async () => {
    const open = await freshWorkspace('Asia/Bangkok')
    const add = responseAdder(open)
    for (let i = 0; i < 20; i++) add('nps', i % 11, { at: START + i * DAY })
    foldAll(open.ws.sqlite)
    open.ws.sqlite.exec('DELETE FROM responses')
    foldAll(open.ws.sqlite)
    for (const table of ['rollup_day', 'rollup_month', 'rollup_slices', 'rollup_slice_packs', 'rollup_journal']) expect(open.ws.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0)
    await open.ws.close()
  })
})

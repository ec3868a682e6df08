import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { ApiClient, Channel } from '../../../src-shared/api/contract'
import type { FeedbackFilter } from '../../../src-shared/api/filters'
import { seededRandom } from '../../../src-main/demo/random'
import { locations, segments, touchpoints } from '../../../src-main/demo/cafeContent'
import { responseWriter } from '../../../src-main/db/responses'
import { foldAll } from '../../../src-main/metrics/rollups/jobs'
import { forgetSnapshotRows } from '../../../src-main/metrics/rollups/rollupSnapshotRepository'
import { localDateConverter } from '../../../src-shared/domain/timezone'
import { createWorkspaceAt } from '../../helpers/files'
import { benchApp, median, middle, takeTurns, timedRun, type BenchSection } from '../harness'
import { writeFeedbackCsv } from '../writeFeedbackCsv'
import { duckdbMirror } from './metricsDuckdb'

const DAY = 86_400_000
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100

/** Customers as a CRM export gives them (segment, home location, lifecycle dates), created before the import links responses to them. */
export function seedCustomers(sqlite: Database.Database, count: number): void {
  const rnd = seededRandom(11)
  const start = Date.UTC(2022, 0, 1)
  const insert = sqlite.prepare('INSERT INTO customers (external_ref, email, segment, location, customer_since, churned_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, 0)')
  sqlite.transaction(() => {
    for (let i = 1; i <= count; i++) {
      const since = start + Math.floor(rnd.next() * 1400 * DAY)
      const churned = rnd.next() < 0.25 ? since + Math.floor((30 + rnd.next() * 600) * DAY) : null
      const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)
      insert.run(`C${String(i).padStart(6, '0')}`, `customer${i}@example.com`, rnd.pick(segments), rnd.pick(locations).name, iso(since), churned ? iso(churned) : null)
    }
  })()
}

/** Follow-ups worked through (85% of the poor answers resolved after hours to weeks, by one of six owners) and themes tagged on a fifth of the responses. */
export function seedFollowUpsAndTags(sqlite: Database.Database): void {
  sqlite.exec(`UPDATE responses SET status = 'resolved', resolved_at = submitted_at + 3600000 * (1 + (id * 7919) % 300), status_changed_at = submitted_at,
      owner = 'Owner ' || (1 + (id * 13) % 6)
    WHERE band = -1 AND id % 20 < 17`)
  sqlite.exec(`INSERT INTO tags (name, created_at) VALUES ('waiting', 0), ('price', 0), ('staff', 0), ('app', 0), ('delivery', 0)`)
  sqlite.exec(`INSERT INTO response_tags (response_id, tag_id, source, created_at) SELECT id, 1 + (id * 31) % 5, 'rule', 0 FROM responses WHERE comment IS NOT NULL AND id % 3 = 0`)
}

/** Writes `n` new responses in one transaction with the importer's own writer, dated in the last month of the data. */
function insertBatch(sqlite: Database.Database, n: number, seed: number): number {
  const rnd = seededRandom(seed)
  const write = responseWriter(sqlite)
  const localDate = localDateConverter('Asia/Bangkok')
  const t0 = performance.now()
  sqlite.transaction(() => {
    for (let i = 0; i < n; i++) {
      const tp = rnd.pick(touchpoints)
      const loc = rnd.pick(locations)
      const r = rnd.next()
      const q = r < 0.6 ? 1 : r < 0.85 ? 2 : 3
      const [min, max] = q === 1 ? [0, 10] : q === 2 ? [1, 5] : [1, 7]
      // Scores spread like the generated data (writeFeedbackCsv), so as many need a follow-up.
      const u = Math.min(1, Math.max(0, 0.78 + tp.bias * 0.08 + rnd.normal() * 0.18))
      const at = Date.UTC(2025, 11, 1) + Math.floor(rnd.next() * 30 * DAY)
      write({
        dedupKey: `bench-insert:${seed}:${i}`, importId: null, externalRef: null, customerId: 1 + Math.floor(rnd.next() * 1000), questionId: q,
        score: min + Math.round(u * (max - min)), submittedAt: at, submittedOffset: 420,
        localDate: localDate(at), channel: tp.channel, touchpoint: tp.touchpoint, stage: tp.stage, location: loc.name, language: 'vi',
        comment: rnd.next() < 0.5 ? 'Giao hàng chậm, đồ uống bị đổ một nửa.' : null, respondentEmail: null, status: 'new', owner: null,
        statusChangedAt: null, resolvedAt: null, now: 0,
      })
    }
  })()
  return performance.now() - t0
}

/** Everything the Scores page asks for when it opens (mirrors features/metrics/ScoresPage.tsx). */
export function dashboardCalls(filter: FeedbackFilter): Array<[Channel, unknown]> {
  return [
    ['metrics.tiles', { by: 'month', compare: 'previous', filter }],
    ...(['nps', 'csat', 'ces'] as const).map((metric): [Channel, unknown] => ['metrics.series', { metric, by: 'month', filter }]),
    ...(['channel', 'touchpoint', 'stage', 'location', 'segment', 'owner'] as const).map((dim): [Channel, unknown] => ['metrics.series', { metric: 'nps', dim, filter }]),
    ['metrics.drivers', { metric: 'nps', filter }],
    ['metrics.ttr', { by: 'month', filter }],
    ['metrics.ttr', { dim: 'owner', filter }],
    ['metrics.lifecycle', { by: 'month', filter }],
    ['metrics.responseRate', { by: 'month', filter }],
  ]
}

async function runDashboard(api: ApiClient, filter: FeedbackFilter): Promise<void> {
  for (const [channel, req] of dashboardCalls(filter)) await api.call(channel, req as never)
}

/**
 * The metrics engine at scale: NPS by month × channel, CSAT by week × touchpoint and the whole
 * Scores page with three filters, each beside DuckDB running the equivalent queries over the same
 * rows in the same run; then what keeping the summaries current costs 10,000 inserts.
 */
export const metrics: BenchSection = {
  name: 'metrics',
  async run({ rows, dir }) {
    const csv = join(dir, 'responses.csv')
    await writeFeedbackCsv(csv, rows)
    const file = join(dir, 'metrics.cxdesk')
    const { ctx, api } = benchApp(dir)
    await createWorkspaceAt({ ctx, api }, file)
    const open = ctx.session.require()
    seedCustomers(open.ws.sqlite, Math.max(50, Math.floor(rows / 8)))
    let t = performance.now()
    await api.call('import.run', { fileId: ctx.files.register(csv).id })
    const importMs = performance.now() - t
    seedFollowUpsAndTags(open.ws.sqlite)
    // Folded here, before any metrics call: a call would start the same fold in a worker, and this
    // fold on the main connection would then wait for it and could fail with "database is locked".
    t = performance.now()
    foldAll(open.ws.sqlite)
    const firstFoldMs = performance.now() - t
    await api.call('metrics.saveSend', { from: '2025-11-01', to: '2025-11-30', channel: 'store', sent: 40_000 })
    const summaryRows = Object.fromEntries(
      ['rollup_day', 'rollup_month', 'rollup_slices'].map((table) => [table, open.ws.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number]),
    )

    const duck = await duckdbMirror(open.ws.sqlite, dir)
    const threeFilters: FeedbackFilter = { from: '2025-01-01', to: '2025-12-31', location: ['Bangkok - Sukhumvit'], channel: ['store', 'app'], segment: ['Loyalty member'] }
    const runs = 15
    const warmUps = 10
    const block = 5
    // Each of our runs starts with nothing remembered (snapshot.ts): what a first page load costs,
    // with only the reuse between the calls of that one load. Both sides are warmed up first (our
    // JavaScript is compiled by V8 after a few calls; DuckDB's first query loads its own caches).
    // The figures come from blocks of five runs of one side, the sides taking turns, so a burst of
    // load from elsewhere on the machine falls on both alike while neither runs just after the
    // other has swept the CPU caches (DuckDB reads ~100 MB per query). For comparison, the same
    // calls strictly alternating one by one are reported as `msCallByCall`: both sides are slower.
    const measure = async (name: string, warm: () => Promise<unknown>, theirs: () => Promise<unknown>) => {
      const ours = () => {
        forgetSnapshotRows(open.ws.sqlite)
        return warm()
      }
      const sides = { ours: timedRun(ours), theirs: timedRun(theirs) }
      const inBlocks = await takeTurns(sides, { warmUps, runs, block })
      const byCall = await takeTurns(sides, { runs })
      const oursMs = middle(inBlocks.ours)
      const duckdbMs = middle(inBlocks.theirs)
      const callByCall = { ms: middle(byCall.ours), duckdbMs: middle(byCall.theirs) }
      return { [name]: { ms: oursMs, duckdbMs, fasterBy: ratio(duckdbMs, oursMs), under20ms: oursMs < 20, msCallByCall: { ...callByCall, fasterBy: ratio(callByCall.duckdbMs, callByCall.ms) } } }
    }
    const figures = {
      ...(await measure('npsByMonthAndChannel', () => api.call('metrics.series', { metric: 'nps', by: 'month', dim: 'channel' }), () => duck.npsByMonthAndChannel())),
      ...(await measure('csatByWeekAndTouchpoint', () => api.call('metrics.series', { metric: 'csat', by: 'week', dim: 'touchpoint' }), () => duck.csatByWeekAndTouchpoint())),
      ...(await measure('dashboardThreeFilters', () => runDashboard(api, threeFilters), () => duck.dashboard(threeFilters))),
      ...(await measure('dashboardNoFilters', () => runDashboard(api, { from: '2025-01-01', to: '2025-12-31' }), () => duck.dashboard({ from: '2025-01-01', to: '2025-12-31' }))),
      rawFallbackStatusFilterMs: await median(3, () => api.call('metrics.series', { metric: 'nps', by: 'month', filter: { status: ['new'] } })),
    }
    await duck.close()
    await ctx.session.close()

    // What keeping the summaries current costs: the same 10,000-row transaction with and without the
    // rollup triggers, alternating, on copies of this workspace.
    const without = join(dir, 'without-rollups.cxdesk')
    copyFileSync(file, without)
    const plain = new Database(without)
    for (const { name } of plain.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rollup%'`).all() as Array<{ name: string }>) plain.exec(`DROP TRIGGER ${name}`)
    const withRollups = new Database(file)
    for (const db of [plain, withRollups]) {
      db.pragma('journal_mode = WAL')
      db.pragma('synchronous = NORMAL')
      db.pragma('foreign_keys = ON')
      db.pragma('temp_store = MEMORY')
      db.pragma('recursive_triggers = ON')
    }
    const insertMs = { with: [] as number[], without: [] as number[], fold: [] as number[] }
    for (let i = 0; i < 7; i++) {
      insertMs.without.push(insertBatch(plain, 10_000, 100 + i))
      insertMs.with.push(insertBatch(withRollups, 10_000, 100 + i))
      t = performance.now()
      foldAll(withRollups)
      insertMs.fold.push(performance.now() - t)
    }
    plain.close()
    withRollups.close()
    const mid = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)])
    return {
      importMs: Math.round(importMs),
      firstFoldMs: Math.round(firstFoldMs),
      summaryRows,
      ...figures,
      insert10k: {
        withoutRollupsMs: mid(insertMs.without),
        withRollupsMs: mid(insertMs.with),
        ratio: ratio(mid(insertMs.with), mid(insertMs.without)),
        foldAfterwardsMs: mid(insertMs.fold),
        ratioIncludingFold: ratio(mid(insertMs.with) + mid(insertMs.fold), mid(insertMs.without)),
        runs: insertMs,
      },
    }
  },
}

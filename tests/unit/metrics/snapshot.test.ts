import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { metricSeries } from '../../../src-main/metrics/series'
import { ttrSeries } from '../../../src-main/metrics/ttr'
import { foldAll } from '../../../src-main/metrics/rollups/jobs'
import { createWorkspaceFile, openWorkerConnection } from '../../../src-main/db/connect'
import { fillNewWorkspace } from '../../../src-main/workspace/opening/fillNewWorkspace'
import { snapshotHits } from '../../../src-main/metrics/rollups/rollupSnapshotRepository'
import type { OpenWorkspace } from '../../../src-main/db/openWorkspace'
import { localDateConverter } from '../../../src-shared/domain/timezone'
import { freshWorkspace } from '../../helpers/db'
import { responseAdder, sourceOf } from './helpers'

/**
 * Summary reads are remembered while the database is unchanged (snapshot.ts). These show that a
 * second identical read is served from memory, and that every kind of write makes the next read go
 * to the database again: this connection's writes, a fold, another connection's commit, and a
 * transaction that wrote and was rolled back.
 */
const folded = async (open: OpenWorkspace) => {
  foldAll(open.ws.sqlite)
  return metricSeries(sourceOf(open), { metric: 'nps', by: 'month', dim: 'channel' }, 'rollups')
}
const npsOf = async (open: OpenWorkspace) => (await metricSeries(sourceOf(open), { metric: 'nps' }, 'rollups')).overall

let cleanup: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const c of cleanup.reverse()) await c()
  cleanup = []
})

describe('remembered summary reads', () => {
  it('answer a repeated read from memory, and never after a write on this connection', async () => {
    const open = await freshWorkspace()
    cleanup.push(() => open.ws.close())
    const add = responseAdder(open)
    add('nps', 10)
    add('nps', 0)
    const first = await folded(open)
    const hits = snapshotHits(open.ws.sqlite)
    expect(await metricSeries(sourceOf(open), { metric: 'nps', by: 'month', dim: 'channel' }, 'rollups')).toEqual(first)
    expect(snapshotHits(open.ws.sqlite)).toBeGreaterThan(hits)
    expect((await npsOf(open)).n).toBe(2)

    // A write (journal only, not folded yet), then a fold: each read sees it.
    add('nps', 10)
    expect(await npsOf(open)).toMatchObject({ n: 3, good: 2 })
    foldAll(open.ws.sqlite)
    expect(await npsOf(open)).toMatchObject({ n: 3, good: 2 })
    // An edit that changes no count of rows in the summaries' tables until folded, and a delete.
    open.ws.sqlite.prepare('UPDATE responses SET score = 3, band = -1 WHERE score = 10').run()
    foldAll(open.ws.sqlite)
    expect(await npsOf(open)).toMatchObject({ n: 3, good: 0, poor: 3 })
    open.ws.sqlite.prepare('DELETE FROM responses').run()
    foldAll(open.ws.sqlite)
    expect((await npsOf(open)).n).toBe(0)
  })

  it('are not remembered inside a transaction that wrote and was rolled back', async () => {
    const open = await freshWorkspace()
    cleanup.push(() => open.ws.close())
    const add = responseAdder(open)
    add('nps', 10)
    foldAll(open.ws.sqlite)
    expect((await npsOf(open)).n).toBe(1)
    const sqlite = open.ws.sqlite
    // A writer's transaction reads the figures (seeing its own write), then rolls back. The counter of
    // changes does not go back: had that read been remembered, the next one would repeat it.
    let inside: Promise<{ n: number }> | null = null
    expect(() =>
      sqlite.transaction(() => {
        add('nps', 0)
        foldAll(sqlite)
        inside = npsOf(open)
        throw new Error('roll back')
      })(),
    ).toThrow('roll back')
    expect((await inside!).n).toBe(2)
    expect(await npsOf(open)).toMatchObject({ n: 1, good: 1 })
  })

  it('are forgotten when another connection commits (the import and fold workers)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxdesk-snapshot-'))
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
    const path = join(dir, 'w.cxdesk')
    // Filled by the app's own code for a new workspace.
    const ws = await createWorkspaceFile(path, (w) => fillNewWorkspace(w, { name: 'Test', timezone: 'Asia/Bangkok', isDemo: false, seed: null, now: 0 }))
    cleanup.push(() => ws.close())
    const open: OpenWorkspace = { ws, db: ws.db, settings: { name: 'Test', timezone: 'Asia/Bangkok', createdAt: 0, isDemo: false }, localDateOf: localDateConverter('Asia/Bangkok') }
    const add = responseAdder(open)
    add('nps', 10, { at: Date.UTC(2025, 2, 10, 5) })
    add('nps', 9, { at: Date.UTC(2025, 2, 11, 5) })
    foldAll(ws.sqlite)
    const query = { filter: { from: '2025-03-01', to: '2025-03-31' } }
    expect((await npsOf(open)).n).toBe(2)
    expect((await ttrSeries(sourceOf(open), query, 'rollups')).overall.needed).toBe(0)

    // The other connection writes a poor answer and folds it: a score and a follow-up, in the summaries only.
    const other = openWorkerConnection(path)
    cleanup.push(() => void other.close())
    other.transaction(() => {
      other
        .prepare(
          `INSERT INTO responses (dedup_key, question_id, score, band, submitted_at, local_date, channel, status, created_at, updated_at)
           VALUES ('other', 1, 2, -1, ?, '2025-03-12', 'app', 'new', 0, 0)`,
        )
        .run(Date.UTC(2025, 2, 12, 5))
    })()
    foldAll(other)
    expect(ws.sqlite.prepare('SELECT count(*) FROM rollup_journal').pluck().get()).toBe(0)
    expect(await npsOf(open)).toMatchObject({ n: 3, poor: 1 })
    expect((await ttrSeries(sourceOf(open), query, 'rollups')).overall).toMatchObject({ needed: 1, stillOpen: 1 })
  })
})

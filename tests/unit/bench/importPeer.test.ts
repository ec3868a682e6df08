import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { importPeerBench, verdict } from '../../bench/sections/importPeer'

/**
 * The import-against-its-peer bench (npm run bench -- --only importpeer) on a tiny file: both loaders
 * store every row of the same CSV, the app's figure ends with folded summaries, and the JSON carries
 * what the README and docs/import-speed.md quote. The figures themselves are not asserted.
 */
let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxdesk-importpeer-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the importpeer bench section', () => {
  it('loads the same rows with the app and the Python sqlite3 peer, alternating, and reports medians with the load', async () => {
    const r = await importPeerBench({ rows: 600, dir }, 1)
    expect(r.app).toHaveLength(1)
    expect(r.peer).toHaveLength(1)
    expect(r.app[0].imported).toBe(600)
    expect(r.peer[0]).toMatchObject({ rows: 600, imported: 600 })
    // 600 new rows are folded by the import itself: nothing left for a first read.
    expect(r.app[0].pendingAfterImport).toBe(0)
    expect(r.app[0].threads.map((t) => t.thread).sort()).toEqual(['reader', 'writer'])
    expect(r.appMs).toBeGreaterThan(0)
    expect(r.peerMs).toBeGreaterThan(0)
    expect(r.loadAverage.max).toBeGreaterThanOrEqual(0)
    // The medians of the writer's phases and of the peer's, beside the wall-time ratio.
    expect(r.phasesMedianMs.writer).toHaveProperty('writeRows')
    expect(r.phasesMedianMs.reader).toHaveProperty('parseAndMap')
    expect(r.phasesMedianMs.peer).toHaveProperty('rows')
  }, 300_000)

  it('says the medians, the ratio, who is faster and the load in one line', () => {
    const line = verdict({ runs: 3, appMs: 30_000, peerMs: 40_000, appOverPeer: 0.75, appCpuMs: 52_000, peerCpuMs: 39_000, loadAverage: { min: 0.5, max: 1.2 } })
    expect(line).toBe('importpeer: app 30.0 s vs peer 40.0 s (median wall of 3 alternated runs each): app/peer 0.75, app faster; CPU app 52.0 s vs peer 39.0 s; load average 0.5–1.2')
    expect(verdict({ runs: 1, appMs: 50_000, peerMs: 40_000, appOverPeer: 1.25, appCpuMs: null, peerCpuMs: null, loadAverage: { min: 3, max: 4 } })).toContain('app/peer 1.25, peer faster; CPU app ? vs peer ?')
  })
})

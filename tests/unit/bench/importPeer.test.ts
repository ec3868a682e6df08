import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { importPeerBench } from '../../bench/sections/importPeer'

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
  }, 300_000)
})

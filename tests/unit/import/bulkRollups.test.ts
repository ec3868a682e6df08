import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import type { OpenWorkspace } from '../../../src-main/db/openWorkspace'
import { foldAll } from '../../../src-main/metrics/rollups/jobs'
import { rollupTriggers } from '../../../src-main/metrics/rollups/rollupMaintainRepository'
import { freshWorkspace } from '../../helpers/db'
import { importFile, inspect } from '../../helpers/importing'
import { writeFeedbackCsv } from '../../bench/writeFeedbackCsv'
import { summariesAndRebuild } from '../../helpers/rollupSummaries'

/**
 * An import takes the rollup triggers out and folds what it wrote into the summaries at the end, in
 * a few grouped statements of its own transaction: nothing is left in the journal for a later read or
 * the rollup worker to fold. Its summaries must be exactly those a rebuild from the raw rows gives.
 */
let dir: string
let open: OpenWorkspace
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cxdesk-bulk-rollups-'))
  open = await freshWorkspace('Asia/Bangkok')
})
afterEach(async () => {
  await open.ws.close()
  rmSync(dir, { recursive: true, force: true })
})

function expectSameAsRebuild(db: Database.Database, { folded }: { folded: boolean }) {
  const journal = db.prepare('SELECT count(*) FROM rollup_journal').pluck().get()
  // Many rows are folded by the import itself (the Scores page then reads summaries only, nothing left
  // to fold); a few are left in the journal for the reads.
  if (folded) expect(journal).toBe(0)
  else expect(journal).toBeGreaterThan(0)
  const { incremental, rebuilt } = summariesAndRebuild(db)
  expect(incremental.day.length).toBeGreaterThan(0)
  expect(incremental).toEqual(rebuilt)
}

const header = 'Date,Score,Comment,Customer ID,Segment,Channel,Location,Status\n'

describe('the rollups of an import', () => {
  // A few rows leave the journal to the reads; 500 or more are folded by the import (importJob.ts).
  it.each([
    { rows: 'a few new rows', extra: 0, folded: false },
    { rows: 'enough new rows to fold', extra: 600, folded: true },
  ])('equal a rebuild from the raw rows, with tags, segments filled in and customers who already had responses ($rows)', async ({ extra, folded }) => {
    const db = open.ws.sqlite
    db.prepare(`INSERT INTO tags (id, name, created_at) VALUES (1, 'Delivery', 0)`).run()
    db.prepare(`INSERT INTO tag_rules (tag_id, language, keywords, created_at, updated_at) VALUES (1, NULL, 'late', 0, 0)`).run()
    const triggers = rollupTriggers(db)
    expect(triggers.length).toBeGreaterThan(5)

    const a = join(dir, 'a.csv')
    writeFileSync(
      a,
      header +
        '2025-01-05,9,late delivery again,C1,,app,Hà Nội,new\n' +
        '2025-01-06,3,very late,C2,Office,store,Bangkok,in_progress\n' +
        '2025-01-31,6,,C3,,web,,resolved\n' +
        '2025-02-01,10,great,C1,,app,Hà Nội,new\n',
    )
    const mapping = (await inspect(open, a)).mapping
    expect(mapping.columns.map((c) => c.role)).toEqual(['date', 'score', 'comment', 'customerId', 'segment', 'channel', 'location', 'status'])
    expect(await importFile(open, a, mapping)).toMatchObject({ imported: 4 })
    // The customer of the third row joins (a lifecycle fact), through the ordinary triggers, and part of it is folded.
    db.prepare(`UPDATE customers SET customer_since = '2025-01-10' WHERE external_ref = 'C3'`).run()
    foldAll(db)

    const b = join(dir, 'b.csv')
    writeFileSync(
      b,
      header +
        '2025-02-10,2,late and cold,C1,Student,app,Hà Nội,new\n' + // C1's segment is filled in: its earlier responses move
        '2025-01-05,9,late delivery again,C1,,app,Hà Nội,new\n' + // already imported
        '2025-02-11,8,,C3,Office,store,Bangkok,resolved\n' + // C3 gets a segment: its lifecycle facts move too
        '2025-02-12,7,ok,C2,Student,web,,new\n' + // C2 keeps the segment it has
        '2025-03-01,0,late late late,C4,Student,app,Bangkok,in_progress\n' + // a new customer
        Array.from({ length: extra }, (_, i) => `2025-03-${String(2 + (i % 27)).padStart(2, '0')},${i % 11},,X${i},Office,web,Bangkok,new\n`).join(''),
    )
    expect(await importFile(open, b, mapping)).toMatchObject({ imported: 4 + extra, duplicates: 1 })
    expect(rollupTriggers(db)).toEqual(triggers)
    expect(db.prepare(`SELECT segment FROM customers WHERE external_ref LIKE 'C%' ORDER BY external_ref`).pluck().all()).toEqual(['Student', 'Office', 'Office', 'Student'])
    expect(db.prepare('SELECT count(*) FROM response_tags').pluck().get()).toBe(4)
    expectSameAsRebuild(db, { folded })
  })

  it('equal a rebuild after a large import that also rebuilds the indexes', async () => {
    const path = join(dir, 'big.csv')
    await writeFeedbackCsv(path, 60_000)
    const db = open.ws.sqlite
    const indexes = () => db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name`).all()
    const settings = () => ({
      threads: db.pragma('threads', { simple: true }),
      cacheSize: db.pragma('cache_size', { simple: true }),
      foreignKeys: db.pragma('foreign_keys', { simple: true }),
    })
    const [indexesBefore, settingsBefore] = [indexes(), settings()]
    expect(settingsBefore.foreignKeys).toBe(1)
    expect(await importFile(open, path)).toMatchObject({ imported: 60_000 })
    expectSameAsRebuild(db, { folded: true })
    // The indexes are back as they were, and the import's settings (sort, key checks) did not outlive it.
    expect(indexes()).toEqual(indexesBefore)
    expect(settings()).toEqual(settingsBefore)
    // Written without per-row key checks: every reference still holds.
    expect(db.pragma('foreign_key_check')).toEqual([])
  }, 60_000)
})

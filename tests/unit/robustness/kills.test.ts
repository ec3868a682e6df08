import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runKillRobustness, type KillRobustnessResult } from '../../helpers/robustness/killRobustness'

/**
 * The kill half of the robustness suite, small enough for `npm test`: five imports into one
 * workspace file, each killed with SIGKILL at a moment chosen from the importing process's own
 * progress (rows read by the import worker; BEGIN, the end of the rollup journal, COMMIT as they
 * are announced; just after COMMIT returned). `npm run bench -- --only robustness` runs more, with large imports that rebuild
 * their indexes.
 */
let dir: string
let result: KillRobustnessResult
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cxdesk-robust-kills-'))
  result = await runKillRobustness({ dir, seed: 12, kills: 5, rows: [1_500, 3_500], bulkEvery: 0 })
}, 300_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('SIGKILL of an import at random moments', () => {
  it('leaves the old rows or the old rows and all of the file, never part; quick_check ok; summaries equal a rebuild', () => {
    expect(result.examples).toEqual([])
    expect(result.faults).toMatchObject({ half: 0, lost: 0, damaged: 0, rollups: 0 })
    expect(result.old + result.all).toBe(result.kills)
    // Both sides are seen: a kill before COMMIT leaves the old rows, one after it returned leaves them all.
    expect(result.byMoment.begin).toMatchObject({ kills: 1, old: 1 })
    expect(result.byMoment.committed).toMatchObject({ kills: 1, all: 1 })
  })

  it('lets the app open the workspace and import the same file again, adding exactly what the kill left out', () => {
    expect(result.faults).toMatchObject({ reopen: 0, nextImport: 0 })
  })

  it('killed each import at its moment: after rows read, at BEGIN, at the end of the journal, at COMMIT, after COMMIT', () => {
    expect(result.faults).toMatchObject({ hung: 0, crashed: 0 })
    expect(result.kills).toBe(5)
    expect(Object.keys(result.byMoment).sort()).toEqual(['begin', 'commit', 'committed', 'journal', 'rows'])
    expect(result.failures).toBe(0)
  })
})

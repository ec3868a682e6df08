import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runFileRobustness, type FileRobustnessResult } from '../../helpers/robustness/fileRobustness'
import { byteMutations, textMutations, workbookMutations } from '../../helpers/robustness/mutations'

/**
 * The file half of the robustness suite, in a size that keeps `npm test` within its budget; the
 * same code runs longer in `npm run bench -- --only robustness`. The app runs in a process of its
 * own (a file that aborts V8 ends that process, seen here as a crash), importing through the
 * dispatcher into a workspace file, so the reader threads and the import worker do the work.
 */
let dir: string
let result: FileRobustnessResult
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cxdesk-robust-files-'))
  result = await runFileRobustness({ dir, seed: 12, files: 32 })
}, 300_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('mutated CSV and .xlsx files imported by the app in its own process', () => {
  it('each ends with a result or a clear refusal, within the bound, and the process lives', () => {
    expect(result.examples).toEqual([])
    expect({ crashes: result.crashes, hangs: result.hangs, unclearErrors: result.unclearErrors }).toEqual({ crashes: 0, hangs: 0, unclearErrors: 0 })
  })

  it('leaves the workspace intact: quick_check ok, the old rows or the old rows plus the reported ones, summaries equal to a rebuild', () => {
    expect(result.workspaceFaults).toBe(0)
  })

  it('accounts for every row it read: imported, a duplicate, or rejected, once', () => {
    expect(result.accountingFaults).toBe(0)
  })

  it('tried what it says: text and workbook mutations, files that imported and files that were refused', () => {
    expect(result.files).toBe(32)
    const tried = Object.keys(result.byMutation)
    expect(tried.filter((m) => (workbookMutations as readonly string[]).includes(m)).length).toBeGreaterThanOrEqual(6)
    expect(tried.filter((m) => ([...byteMutations, ...textMutations] as readonly string[]).includes(m)).length).toBeGreaterThanOrEqual(6)
    expect(result.imported).toBeGreaterThan(0)
    expect(result.refused).toBeGreaterThan(0)
    expect(result.failures).toBe(0)
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { testApp, type TestApp } from '../../helpers/context'
import { writeGeneratorCsv } from '../../helpers/csv'
import type { ImportProgress } from '../../../src-shared/api/imports'

let app: TestApp
beforeEach(async () => {
  app = testApp({ timezone: 'Asia/Bangkok' })
  // A workspace file: the import runs on its worker and reader threads, as in the app.
  await app.api.call('workspace.create', { name: 'Progress' })
})
afterEach(() => app.cleanup())

describe('import progress from the first moment', () => {
  it('says it is starting before the threads start, reads with bytes and rows, and says it is finishing', async () => {
    const path = join(app.dir, 'small.csv')
    writeGeneratorCsv(path, Array.from({ length: 50 }, (_, i) => ({ response_id: i + 1, score: i % 11 })))
    const ref = app.ctx.files.register(path)
    for (const dryRun of [true, false]) {
      const seen: ImportProgress[] = []
      const off = app.ctx.events.subscribe((e) => e.name === 'import.progress' && seen.push(e.payload as ImportProgress))
      await app.api.call('import.run', { fileId: ref.id, dryRun, remember: false })
      off?.()
      const stages = seen.map((p) => p.stage)
      // Starting first (the worker's start-up and its look at the file are not silent), then reading from 0, finishing last.
      expect(stages[0]).toBe('starting')
      expect(seen[0]).toMatchObject({ bytesRead: 0, rowsRead: 0, phase: dryRun ? 'checking' : 'importing' })
      expect(seen[0].totalBytes).toBeGreaterThan(0)
      expect(seen[1]).toMatchObject({ stage: 'reading', bytesRead: 0, rowsRead: 0 })
      expect(stages.at(-1)).toBe('finishing')
      expect(seen.at(-1)).toMatchObject({ rowsRead: 50 })
      expect(seen.at(-1)!.bytesRead).toBe(seen.at(-1)!.totalBytes)
      expect(stages.filter((s) => s === 'starting')).toHaveLength(1)
    }
  })
})

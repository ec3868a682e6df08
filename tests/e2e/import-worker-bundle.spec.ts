import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect, ROOT } from './fixtures'
import type { ImportMapping } from '../../src-shared/api/imports'
import { startImportWorker } from '../../src-main/import/worker/runInWorker'
import { mapInThisThread } from '../../src-main/import/mappedTable'
import { openTable } from '../../src-main/import/openTable'

/** The desktop app runs imports in the bundled worker (out/main/importWorker.js): it must load and work under plain Node. */
test('the bundled import worker loads and imports', async () => {
  const entry = join(ROOT, 'out/main/importWorker.js')
  expect(existsSync(entry)).toBe(true)
  const dir = mkdtempSync(join(tmpdir(), 'cxdesk-bundle-'))
  try {
    const ws = join(dir, 'w.cxdesk')
    execFileSync(process.execPath, [join(ROOT, 'src-main/cli/cxdesk.cjs'), 'init', ws], { env: { ...process.env, CXDESK_HOME: dir } })
    const columns = ['responseId', 'customerId', 'email', 'date', 'channel', 'touchpoint', 'stage', 'metric', 'score', 'comment', 'language', 'status', 'resolvedAt', 'location'].map((role, index) => ({ index, role }))
    const mapping = { kind: 'responses', format: 'cxdesk-generator', headerRows: 1, columns, dateOrder: null, timezone: null, defaults: {} } as unknown as ImportMapping
    const file = join(ROOT, 'tests/fixtures/generator-400.csv')
    // The main process reads and maps the file and sends it to the bundled worker, which writes.
    const readMapped = async () => mapInThisThread((await openTable(file, 'generator-400.csv')).source, { mapping, sourceKey: 'cxdesk-generator', timezone: 'Asia/Bangkok' })
    const job = startImportWorker({ dbPath: ws, fileName: 'generator-400.csv', mapping, dryRun: false, now: Date.now() }, readMapped, () => undefined, entry)
    expect(await job.done).toMatchObject({ imported: 400 })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

import { Worker } from 'node:worker_threads'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect, ROOT } from './fixtures'

/** The desktop app runs imports in the bundled worker (out/main/importWorker.js): it must load and work under plain Node. */
test('the bundled import worker loads and imports', async () => {
  const entry = join(ROOT, 'out/main/importWorker.js')
  expect(existsSync(entry)).toBe(true)
  const dir = mkdtempSync(join(tmpdir(), 'cxdesk-bundle-'))
  try {
    const ws = join(dir, 'w.cxdesk')
    execFileSync(process.execPath, [join(ROOT, 'src-main/cli/cxdesk.cjs'), 'init', ws], { env: { ...process.env, CXDESK_HOME: dir } })
    const columns = ['responseId', 'customerId', 'email', 'date', 'channel', 'touchpoint', 'stage', 'metric', 'score', 'comment', 'language', 'status', 'resolvedAt', 'location'].map((role, index) => ({ index, role }))
    const worker = new Worker(entry, {
      workerData: {
        dbPath: ws,
        path: join(ROOT, 'tests/fixtures/generator-400.csv'),
        fileName: 'generator-400.csv',
        kind: 'responses',
        inspect: {},
        dryRun: false,
        timezone: 'Asia/Bangkok',
        now: Date.now(),
        cancel: new SharedArrayBuffer(4),
      },
    })
    const mapping = { kind: 'responses', format: 'cxdesk-generator', headerRows: 1, columns, dateOrder: null, timezone: null, defaults: {} }
    const result = await new Promise<{ type: string; summary?: { imported: number } }>((resolve, reject) => {
      worker.on('message', (m: { type: string; inspection?: { headers: string[] } }) => {
        // Its reader thread (the bundled readerWorker.js) inspects the file first; the main thread answers with the mapping.
        if (m.type === 'inspected') {
          expect(m.inspection?.headers).toHaveLength(columns.length)
          worker.postMessage({ type: 'mapping', mapping, sourceKey: 'cxdesk-generator' })
        } else if (m.type !== 'progress') resolve(m)
      })
      worker.on('error', reject)
    })
    expect(result).toMatchObject({ type: 'done', summary: { imported: 400 } })
    await worker.terminate()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

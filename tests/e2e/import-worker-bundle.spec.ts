import { Worker } from 'node:worker_threads'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { test, expect, ROOT } from './fixtures'

/** Runs one job in a bundled worker as the desktop app starts it (src-main/workers/startJob.ts), to its answer. */
async function runBundled(entry: string, workerData: Record<string, unknown>): Promise<{ type: string; result?: unknown; error?: unknown }> {
  const worker = new Worker(entry, { workerData: { ...workerData, cancel: new SharedArrayBuffer(4) } })
  try {
    return await new Promise((resolve, reject) => {
      worker.on('message', (m: { type: string }) => {
        if (m.type !== 'progress') resolve(m)
      })
      worker.on('error', reject)
    })
  } finally {
    await worker.terminate()
  }
}

function initWorkspace(dir: string): string {
  const ws = join(dir, 'w.cxdesk')
  execFileSync(process.execPath, [join(ROOT, 'src-main/cli/cxdesk.cjs'), 'init', ws], { env: { ...process.env, CXDESK_HOME: dir } })
  return ws
}

/** The desktop app runs imports in the bundled worker (out/main/importWorker.js): it must load and work under plain Node. */
test('the bundled import worker loads and imports', async () => {
  const entry = join(ROOT, 'out/main/importWorker.js')
  expect(existsSync(entry)).toBe(true)
  const dir = mkdtempSync(join(tmpdir(), 'cxdesk-bundle-'))
  try {
    const ws = initWorkspace(dir)
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

/** …and a large workspace's open-time work in out/main/openWorker.js: here a file one migration behind, from before names were recorded. */
test('the bundled open worker loads, backs up and migrates', async () => {
  const entry = join(ROOT, 'out/main/openWorker.js')
  expect(existsSync(entry)).toBe(true)
  const dir = mkdtempSync(join(tmpdir(), 'cxdesk-bundle-'))
  try {
    const ws = initWorkspace(dir)
    const db = new Database(ws)
    db.exec('DROP TABLE schema_migrations')
    db.pragma('user_version = 10')
    db.close()
    const backupPath = join(dir, 'w.cxdesk.v10.bak')
    const result = await runBundled(entry, { kind: 'open', path: ws, backupPath, appVersion: 'bundle-test', now: Date.UTC(2026, 0, 2) })
    expect(result).toMatchObject({ type: 'done', result: { applied: ['2026-11-27-month-cube-tag-indexes'], backupPath } })
    expect(existsSync(backupPath)).toBe(true)
    const after = new Database(ws, { readonly: true })
    expect(after.prepare('SELECT count(*) n FROM schema_migrations').get()).toEqual({ n: 11 })
    expect(after.prepare(`SELECT applied_at, app_version FROM schema_migrations WHERE name = '2026-11-27-month-cube-tag-indexes'`).get()).toEqual({
      applied_at: Date.UTC(2026, 0, 2),
      app_version: 'bundle-test',
    })
    after.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

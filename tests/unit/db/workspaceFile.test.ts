import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { CXDESK_APPLICATION_ID } from '../../../src-main/db/connect'
import { LATEST_SCHEMA_VERSION } from '../../../src-main/db/migrations/index'
import { testApp, type TestApp } from '../../helpers/context'
import { createWorkspaceAt, destination, openWorkspaceAt } from '../../helpers/files'

let app: TestApp
let dir: string
beforeEach(() => {
  app = testApp()
  dir = mkdtempSync(join(tmpdir(), 'cxdesk-files-'))
})
afterEach(async () => {
  await app.cleanup()
  rmSync(dir, { recursive: true, force: true })
})

const fingerprint = (folder: string) =>
  Object.fromEntries(readdirSync(folder).map((f) => [f, createHash('sha256').update(readFileSync(join(folder, f))).digest('hex')]))

/** Opening must fail with `code`, and leave the folder byte-for-byte as it was (no side files either). */
async function expectRefused(path: string, code: string) {
  const before = fingerprint(dir)
  await expect(openWorkspaceAt(app, path)).rejects.toMatchObject({ code })
  expect(fingerprint(dir)).toEqual(before)
  expect(app.ctx.session.open).toBeNull()
}

describe('workspace files', () => {
  it('creates a single self-contained file and reopens it with its data', async () => {
    const path = join(dir, 'Client A.cxdesk')
    const created = await createWorkspaceAt(app, path, { timezone: 'Asia/Ho_Chi_Minh' })
    expect(created).toMatchObject({ path, name: 'Client A', timezone: 'Asia/Ho_Chi_Minh', schemaVersion: LATEST_SCHEMA_VERSION, responseCount: 0 })
    await app.api.call('workspace.close', {})
    expect(readdirSync(dir)).toEqual(['Client A.cxdesk'])
    const reopened = await openWorkspaceAt(app, path)
    expect(reopened).toMatchObject({ name: 'Client A', timezone: 'Asia/Ho_Chi_Minh' })
  })

  it('refuses to overwrite an existing file', async () => {
    const path = join(dir, 'x.cxdesk')
    writeFileSync(path, 'precious')
    await expect(createWorkspaceAt(app, path)).rejects.toMatchObject({ code: 'FILE_EXISTS' })
    expect(readFileSync(path, 'utf8')).toBe('precious')
  })

  it('keeps the current workspace open when opening another one fails', async () => {
    const good = join(dir, 'good.cxdesk')
    await createWorkspaceAt(app, good)
    writeFileSync(join(dir, 'junk.cxdesk'), 'not a database at all'.repeat(50))
    await expect(openWorkspaceAt(app, join(dir, 'junk.cxdesk'))).rejects.toMatchObject({ code: 'NOT_A_WORKSPACE' })
    expect((await app.api.call('workspace.current', {}))?.path).toBe(good)
  })

  it('refuses a random file without changing it', async () => {
    const path = join(dir, 'random.cxdesk')
    writeFileSync(path, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 256)))
    await expectRefused(path, 'NOT_A_WORKSPACE')
  })

  it('refuses an SQLite database from another application without changing it', async () => {
    const path = join(dir, 'other.cxdesk')
    const other = new Database(path)
    other.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)')
    other.close()
    await expectRefused(path, 'NOT_A_WORKSPACE')
  })

  it('refuses a truncated workspace without changing it', async () => {
    const path = join(dir, 'full.cxdesk')
    await createWorkspaceAt(app, path)
    await app.api.call('workspace.close', {})
    const bytes = readFileSync(path)
    rmSync(path)
    const cut = join(dir, 'cut.cxdesk')
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2) + 100))
    await expectRefused(cut, 'CORRUPT_WORKSPACE')
    writeFileSync(cut, bytes.subarray(0, 4096))
    await expectRefused(cut, 'CORRUPT_WORKSPACE')
  })

  it('refuses a file written by a newer version without changing it', async () => {
    const path = join(dir, 'future.cxdesk')
    await createWorkspaceAt(app, path)
    await app.api.call('workspace.close', {})
    const db = new Database(path)
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
    db.close()
    await expectRefused(path, 'NEWER_WORKSPACE')
  })

  it('says the file is missing when it is', async () => {
    await expect(openWorkspaceAt(app, join(dir, 'gone.cxdesk'))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' })
  })

  it('backs up an older workspace before migrating it, then opens it migrated', async () => {
    // A workspace from before the first migration ran (version 0): the oldest file this app can meet.
    const path = join(dir, 'old.cxdesk')
    const db = new Database(path)
    db.pragma(`application_id = ${CXDESK_APPLICATION_ID}`)
    db.exec("CREATE TABLE legacy_note (text TEXT); INSERT INTO legacy_note VALUES ('kept')")
    db.close()
    const original = readFileSync(path)
    const info = await openWorkspaceAt(app, path)
    expect(info?.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    const backups = readdirSync(dir).filter((f) => f.endsWith('.bak'))
    expect(backups).toHaveLength(1)
    expect(backups[0]).toMatch(/^old\.cxdesk\.v0-\d{8}T\d{6}\.bak$/)
    // The backup holds the old content, readable as it was.
    const backup = new Database(join(dir, backups[0]), { readonly: true })
    expect(backup.prepare('SELECT text FROM legacy_note').all()).toEqual([{ text: 'kept' }])
    expect(backup.pragma('user_version', { simple: true })).toBe(0)
    backup.close()
    expect(original.length).toBeGreaterThan(0)
  })

  it('saves a consistent copy that opens on its own', async () => {
    const path = join(dir, 'src.cxdesk')
    await createWorkspaceAt(app, path)
    const copy = await app.api.call('workspace.saveCopy', { fileId: destination(app, join(dir, 'copy'), 'workspaceCopy') })
    expect(copy?.path).toBe(join(dir, 'copy.cxdesk'))
    expect(existsSync(join(dir, 'copy.cxdesk-wal'))).toBe(false)
    await app.api.call('workspace.close', {})
    expect(await openWorkspaceAt(app, join(dir, 'copy.cxdesk'))).toMatchObject({ name: 'src' })
  })

  it('remembers recent workspaces and the last one opened', async () => {
    const a = join(dir, 'a.cxdesk')
    const b = join(dir, 'b.cxdesk')
    await createWorkspaceAt(app, a)
    await createWorkspaceAt(app, b)
    const list = await app.api.call('workspace.list', {})
    expect(list.recent.map((r) => r.path)).toEqual([b, a])
    expect(app.ctx.prefs?.get().lastWorkspace).toBe(b)
  })

  it('creates named workspaces in the workspaces folder with a safe file name', async () => {
    const info = await app.api.call('workspace.create', { name: 'Phở Hà Nội: 2026/Q1?' })
    expect(info?.path).toBe(join(app.ctx.paths.workspacesDir, 'Phở Hà Nội 2026 Q1.cxdesk'))
    expect(info?.name).toBe('Phở Hà Nội: 2026/Q1?')
    const again = app.api.call('workspace.create', { name: 'Phở Hà Nội: 2026/Q1?' })
    await expect(again).rejects.toMatchObject({ code: 'FILE_EXISTS' })
  })

  it('recomputes local dates when the time zone changes', async () => {
    await createWorkspaceAt(app, join(dir, 'tz.cxdesk'), { timezone: 'UTC' })
    const sqlite = app.ctx.session.require().ws.sqlite
    sqlite
      .prepare(`INSERT INTO responses (dedup_key, question_id, score, submitted_at, local_date, status, created_at, updated_at) VALUES ('k', 1, 9, ?, ?, 'new', 0, 0)`)
      .run(Date.UTC(2025, 0, 31, 20, 0), '2025-01-31')
    await app.api.call('workspace.setTimezone', { timezone: 'Asia/Bangkok' })
    expect(sqlite.prepare('SELECT local_date FROM responses').get()).toEqual({ local_date: '2025-02-01' })
    await expect(app.api.call('workspace.setTimezone', { timezone: 'Mars/Olympus' })).rejects.toMatchObject({ code: 'VALIDATION' })
  })
})

describe('a version 1 workspace (fixture kept from the first release of the schema)', () => {
  it('is backed up, migrated to the latest version, and keeps its data with bands computed', async () => {
    const path = join(dir, 'v1.cxdesk')
    writeFileSync(path, readFileSync(join(__dirname, '../../fixtures/workspace-v1.cxdesk')))
    const info = await openWorkspaceAt(app, path)
    expect(info).toMatchObject({ name: 'Version 1 client', timezone: 'Asia/Bangkok', schemaVersion: LATEST_SCHEMA_VERSION, responseCount: 8 })
    expect(readdirSync(dir).some((f) => /^v1\.cxdesk\.v1-.*\.bak$/.test(f))).toBe(true)
    const sqlite = app.ctx.session.require().ws.sqlite
    // NPS 10, 9 good; 7 neutral; 3 poor. CSAT 5 good, 2 poor. CES 6 good, 2 poor.
    expect(sqlite.prepare('SELECT score, band FROM responses ORDER BY id').all()).toEqual([
      { score: 10, band: 1 },
      { score: 9, band: 1 },
      { score: 7, band: 0 },
      { score: 3, band: -1 },
      { score: 5, band: 1 },
      { score: 2, band: -1 },
      { score: 6, band: 1 },
      { score: 2, band: -1 },
    ])
    const nps = await app.api.call('metrics.series', { metric: 'nps' })
    expect(nps.overall).toMatchObject({ value: 25, n: 4 })
  })
})

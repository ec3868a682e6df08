import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { testApp, type TestApp } from '../../helpers/context'
import { createWorkspaceAt, openWorkspaceAt } from '../../helpers/files'

let app: TestApp
let dir: string
beforeEach(() => {
  app = testApp()
  dir = mkdtempSync(join(tmpdir(), 'cxdesk-badfiles-'))
})
afterEach(async () => {
  await app.cleanup()
  rmSync(dir, { recursive: true, force: true })
})

const fingerprint = () =>
  Object.fromEntries(readdirSync(dir, { withFileTypes: true }).map((f) => [f.name, f.isFile() ? createHash('sha256').update(readFileSync(join(dir, f.name))).digest('hex') : 'folder']))

/** Opening fails with `code` and a message matching `says`, and leaves the folder as it was. */
async function expectRefused(path: string, code: string, says: RegExp) {
  const before = fingerprint()
  const failure = await openWorkspaceAt(app, path).then(
    () => null,
    (e: unknown) => e as { code: string; message: string; details?: Record<string, unknown> },
  )
  expect(failure).toMatchObject({ code, message: expect.stringMatching(says) })
  expect(fingerprint()).toEqual(before)
  expect(app.ctx.session.open).toBeNull()
  return failure
}

async function workspaceFile(name: string): Promise<string> {
  const path = join(dir, name)
  await createWorkspaceAt(app, path)
  await app.api.call('workspace.close', {})
  return path
}

describe('opening what is not a healthy workspace says so in plain words', () => {
  it('a folder', async () => {
    const path = join(dir, 'Folder.cxdesk')
    mkdirSync(path)
    const e = await expectRefused(path, 'NOT_A_WORKSPACE', /is a folder, not a workspace file/)
    expect(e?.message).not.toMatch(/EISDIR/)
  })

  it('an empty file', async () => {
    const path = join(dir, 'empty.cxdesk')
    writeFileSync(path, '')
    await expectRefused(path, 'NOT_A_WORKSPACE', /is empty \(0 bytes\)/)
  })

  it('a zero-filled file', async () => {
    const path = join(dir, 'zeros.cxdesk')
    writeFileSync(path, Buffer.alloc(64 * 1024))
    await expectRefused(path, 'CORRUPT_WORKSPACE', /holds only zero bytes .* damaged.* Nothing was changed/)
  })

  it("a workspace's write-ahead log", async () => {
    const path = await workspaceFile('w.cxdesk')
    // A connection left open in WAL mode with a commit in its log, as the app leaves it while running.
    const live = new Database(path)
    live.pragma('journal_mode = WAL')
    live.prepare(`INSERT INTO meta (key, value) VALUES ('note', 'in the log')`).run()
    try {
      await expectRefused(`${path}-wal`, 'NOT_A_WORKSPACE', /is the write-ahead log of a workspace .* not a workspace itself\. Open w\.cxdesk instead\./)
    } finally {
      live.close()
    }
  })

  it('a damaged file: what was checked and that nothing changed, with SQLite’s own report kept in the details', async () => {
    const path = await workspaceFile('damaged.cxdesk')
    // Overwrite the start of a b-tree page (page 5): the header still looks right, the structure does not.
    const fd = openSync(path, 'r+')
    writeSync(fd, Buffer.alloc(64, 0xee), 0, 64, 4 * 4096)
    closeSync(fd)
    const e = await expectRefused(path, 'CORRUPT_WORKSPACE', /is damaged: SQLite's check of the file's structure .* found errors, so CX Desk did not open it\. Nothing was changed\./)
    expect(e?.message).not.toMatch(/\*\*\*|btree|error code/)
    expect(String(e?.details?.check)).toMatch(/Page 5|page 5|btree/i)
  })

  it('a file it may not read', async () => {
    const path = await workspaceFile('locked.cxdesk')
    chmodSync(path, 0o000)
    chmodSync(dir, 0o755)
    if (process.getuid?.() === 0) {
      // Root reads any file: ask as an unprivileged user, through the same check.
      const tsx = join(__dirname, '../../../node_modules/tsx/dist/cli.mjs')
      const run = spawnSync(process.execPath, [tsx, join(__dirname, '../../helpers/checkWorkspaceFile.ts'), path], {
        uid: 65534,
        gid: 65534,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: tmpdir() },
      })
      expect(run.stderr).toBe('')
      expect(JSON.parse(run.stdout)).toMatchObject({ code: 'IO', message: expect.stringMatching(/CX Desk is not allowed to read .*locked\.cxdesk\. Check the file's permissions/) })
    } else await expectRefused(path, 'IO', /CX Desk is not allowed to read .*locked\.cxdesk\. Check the file's permissions/)
  })
})

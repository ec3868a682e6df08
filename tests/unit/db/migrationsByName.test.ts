import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, SqliteDialect, sql, type Migration } from 'kysely'
import { migrateToLatest, planMigrations, readMigrationState } from '../../../src-main/db/migrate'
import { LATEST_SCHEMA_VERSION, migrations, POSITIONAL_MIGRATIONS } from '../../../src-main/db/migrations/index'
import { APP_VERSION } from '../../../src-main/common/version'
import { testApp, type TestApp } from '../../helpers/context'
import { createWorkspaceAt, openWorkspaceAt } from '../../helpers/files'
import { positionalWorkspace } from '../../helpers/legacyWorkspace'

let app: TestApp
let dir: string
beforeEach(() => {
  app = testApp()
  dir = mkdtempSync(join(tmpdir(), 'cxdesk-migrations-'))
})
afterEach(async () => {
  await app.cleanup()
  rmSync(dir, { recursive: true, force: true })
})

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')
const folder = () => Object.fromEntries(readdirSync(dir).map((f) => [f, sha(join(dir, f))]))

function records(path: string) {
  const db = new Database(path, { readonly: true })
  try {
    return {
      version: db.pragma('user_version', { simple: true }) as number,
      rows: db.prepare('SELECT name, applied_at, app_version FROM schema_migrations ORDER BY rowid').all() as Array<{ name: string; applied_at: number | null; app_version: string | null }>,
    }
  } finally {
    db.close()
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema
function kyselyOver(sqlite: Database.Database): Kysely<any> {
  return new Kysely({ dialect: new SqliteDialect({ database: sqlite }) })
}

/** A migration that creates one table, named after it, so a test can see which ones ran. */
const creates = (table: string): Migration => ({ up: async (db) => void (await sql.raw(`CREATE TABLE ${table} (x)`).execute(db)) })

describe('migrations recorded by name', () => {
  it('keeps the positional names frozen: user_version N of an older file means the first N of them', () => {
    expect(migrations.slice(0, POSITIONAL_MIGRATIONS.length).map(([name]) => name)).toEqual(POSITIONAL_MIGRATIONS)
    expect(POSITIONAL_MIGRATIONS).toHaveLength(11)
    expect(new Set(migrations.map(([name]) => name)).size).toBe(migrations.length)
  })

  it('opens a file at the last positional version, recording the names it has and applying only the ones after them', async () => {
    const path = join(dir, 'today.cxdesk')
    await positionalWorkspace(path, 11)
    const info = await openWorkspaceAt(app, path)
    expect(info?.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    await app.api.call('workspace.close', {})
    const now = app.ctx.clock.now()
    expect(records(path)).toEqual({
      version: LATEST_SCHEMA_VERSION,
      rows: [
        ...POSITIONAL_MIGRATIONS.map((name) => ({ name, applied_at: null, app_version: null })),
        ...migrations.slice(POSITIONAL_MIGRATIONS.length).map(([name]) => ({ name, applied_at: now, app_version: APP_VERSION })),
      ],
    })
    // The positional ones were not applied again: the only backup is the one from before the new ones.
    expect(readdirSync(dir).filter((f) => f.endsWith('.bak'))).toEqual([expect.stringMatching(/^today\.cxdesk\.v11-\d{8}T\d{6}\.bak$/)])
  })

  it('gives a file at version 5 the rest, backed up first, each recorded with when and by which version', async () => {
    const path = join(dir, 'five.cxdesk')
    await positionalWorkspace(path, 5)
    const info = await openWorkspaceAt(app, path)
    expect(info?.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    await app.api.call('workspace.close', {})
    const now = app.ctx.clock.now()
    expect(records(path)).toEqual({
      version: LATEST_SCHEMA_VERSION,
      rows: [
        ...POSITIONAL_MIGRATIONS.slice(0, 5).map((name) => ({ name, applied_at: null, app_version: null })),
        ...migrations.slice(5).map(([name]) => ({ name, applied_at: now, app_version: APP_VERSION })),
      ],
    })
    const backups = readdirSync(dir).filter((f) => f.endsWith('.bak'))
    expect(backups).toEqual([expect.stringMatching(/^five\.cxdesk\.v5-\d{8}T\d{6}\.bak$/)])
    const backup = new Database(join(dir, backups[0]), { readonly: true })
    expect(backup.pragma('user_version', { simple: true })).toBe(5)
    backup.close()
  })

  it('refuses, unchanged, a file that has had a migration this app does not know (even when its version does not say so)', async () => {
    const path = join(dir, 'branch.cxdesk')
    await createWorkspaceAt(app, path)
    await app.api.call('workspace.close', {})
    const db = new Database(path)
    db.prepare(`INSERT INTO schema_migrations (name, applied_at, app_version) VALUES ('2027-01-01-from-a-newer-app', 0, '9.9.9')`).run()
    db.close()
    const before = folder()
    await expect(openWorkspaceAt(app, path)).rejects.toMatchObject({
      code: 'NEWER_WORKSPACE',
      message: expect.stringContaining('2027-01-01-from-a-newer-app'),
    })
    expect(folder()).toEqual(before)
    expect(app.ctx.session.open).toBeNull()
  })

  it('refuses from the header alone a file whose version counts more migrations than this app has', async () => {
    const path = join(dir, 'newer.cxdesk')
    await createWorkspaceAt(app, path)
    await app.api.call('workspace.close', {})
    const db = new Database(path)
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
    db.close()
    const before = folder()
    await expect(openWorkspaceAt(app, path)).rejects.toMatchObject({ code: 'NEWER_WORKSPACE' })
    expect(folder()).toEqual(before)
  })

  it('applies a migration that landed before others it had been written after (the branch scenario)', async () => {
    const sqlite = new Database(':memory:')
    const db = kyselyOver(sqlite)
    const base = migrations
    // The branch's app: its own two after the base.
    await migrateToLatest(db, { migrations: [...base, ['2027-01-02-b', creates('b')], ['2027-01-03-c', creates('c')]] })
    expect(sqlite.pragma('user_version', { simple: true })).toBe(base.length + 2)
    // Main merged another branch's migration first: it lands before them.
    const merged = [...base, ['2027-01-01-a', creates('a')], ['2027-01-02-b', creates('b')], ['2027-01-03-c', creates('c')]] as const
    expect(planMigrations(await readMigrationState(db), merged.map(([n]) => n)).pending).toEqual(['2027-01-01-a'])
    const outcome = await migrateToLatest(db, { migrations: merged })
    expect(outcome).toEqual({ applied: ['2027-01-01-a'], version: base.length + 3 })
    expect(sqlite.prepare(`SELECT name FROM sqlite_master WHERE name IN ('a', 'b', 'c') ORDER BY name`).all()).toEqual([{ name: 'a' }, { name: 'b' }, { name: 'c' }])
    // And the app without the branch's migrations refuses the file rather than guess.
    await expect(migrateToLatest(db, { migrations: base })).rejects.toMatchObject({ code: 'NEWER_WORKSPACE' })
    await db.destroy()
  })

  it('refuses a file numbered past the frozen list without names (an app that counted by position on a branch)', async () => {
    const sqlite = new Database(':memory:')
    const db = kyselyOver(sqlite)
    sqlite.pragma(`user_version = ${POSITIONAL_MIGRATIONS.length + 1}`)
    expect(planMigrations(await readMigrationState(db), [...POSITIONAL_MIGRATIONS, 'x'])).toMatchObject({ unnamed: 1 })
    await expect(migrateToLatest(db, { migrations: [...migrations, ['x', creates('x')]] })).rejects.toMatchObject({ code: 'NEWER_WORKSPACE' })
    expect(sqlite.prepare(`SELECT count(*) n FROM sqlite_master`).get()).toEqual({ n: 0 })
    await db.destroy()
  })

  it('reads the version as a position again when an app from before names were recorded migrated the file since', async () => {
    const state = { userVersion: 8, recorded: POSITIONAL_MIGRATIONS.slice(0, 5) }
    expect(planMigrations(state, POSITIONAL_MIGRATIONS)).toMatchObject({ record: POSITIONAL_MIGRATIONS.slice(5, 8), pending: POSITIONAL_MIGRATIONS.slice(8), unknown: [], unnamed: 0 })
  })

  it('rolls back a cancelled migration, keeping the ones before it whole and recorded', async () => {
    const sqlite = new Database(':memory:')
    const db = kyselyOver(sqlite)
    let cancelled = false
    const list = [
      ['one', creates('one')],
      [
        'two',
        {
          up: async (trx: Kysely<unknown>) => {
            await sql`CREATE TABLE two (x)`.execute(trx)
            cancelled = true
            await sql`CREATE TABLE two_more (x)`.execute(trx)
          },
        },
      ],
    ] as const
    await expect(migrateToLatest(db, { migrations: list, isCancelled: () => cancelled })).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(sqlite.prepare(`SELECT name FROM sqlite_master WHERE name IN ('one', 'two', 'two_more')`).all()).toEqual([{ name: 'one' }])
    expect(sqlite.prepare('SELECT name FROM schema_migrations').all()).toEqual([{ name: 'one' }])
    expect(sqlite.pragma('user_version', { simple: true })).toBe(1)
    await db.destroy()
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { migrations, POSITIONAL_MIGRATIONS } from '../../../src-main/db/migrations/index'
import { migrateToLatest } from '../../../src-main/db/migrate'
import { EventBus } from '../../../src-main/common/events'
import { WorkspaceSession } from '../../../src-main/workspace/workspaceSession'
import { prepareWorkspaceFile } from '../../../src-main/workspace/opening/prepareFile'
import type { OpenFileRequest, StageProgress } from '../../../src-main/workspace/opening/job'
import type { OpeningProgress } from '../../../src-shared/api/workspaceOpening'
import { fakeClock } from '../../helpers/clock'
import { positionalWorkspace } from '../../helpers/legacyWorkspace'
import { SENTIMENT_VERSION } from '../../../src-main/feedback/derivedData'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxdesk-opening-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

const folder = () => Object.fromEntries(readdirSync(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]))

/** A file from before names were recorded, with one commented response, its sentiment scored by an older rule. */
async function scoredByOldRule(path: string): Promise<void> {
  await positionalWorkspace(path, 11, oneOldScoredResponse)
}

/** A file of today's schema, names recorded, whose one commented response was scored by an older rule: only the re-score is pending. */
async function currentScoredByOldRule(path: string): Promise<void> {
  await positionalWorkspace(path, 11)
  const sqlite = new Database(path)
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) })
  await migrateToLatest(db)
  oneOldScoredResponse(sqlite)
  await db.destroy()
}

function oneOldScoredResponse(sqlite: Database.Database): void {
  sqlite.exec(`INSERT INTO questions (id, key, metric, label, scale_min, scale_max, direction) VALUES (1, 'nps', 'nps', 'How likely…', 0, 10, 'higher_better')`)
  sqlite
    .prepare(`INSERT INTO responses (dedup_key, question_id, score, submitted_at, local_date, status, created_at, updated_at, comment, language) VALUES ('k', 1, 9, 0, '1970-01-01', 'new', 0, 0, 'Great coffee', 'en')`)
    .run()
  sqlite.exec(`INSERT INTO meta (key, value) VALUES ('search_index_version', '1'), ('sentiment_version', '1')`)
}

function request(path: string): OpenFileRequest {
  return { kind: 'open', path, backupPath: join(dir, 'backup.bak'), appVersion: 'test', now: 1 }
}

/** Runs the open-time work on this thread, cancelling when `when` first holds for a progress report. */
async function openCancelling(path: string, when: (p: StageProgress) => boolean) {
  let cancelled = false
  const seen: StageProgress[] = []
  const failure = await prepareWorkspaceFile(request(path), {
    isCancelled: () => cancelled,
    progress: (p) => {
      seen.push(p)
      if (when(p)) cancelled = true
    },
  }).then(
    () => null,
    (e: unknown) => e as { code: string; message: string },
  )
  return { failure, seen }
}

describe('cancelling the open-time work', () => {
  it('while backing up: the partial copy goes, the file is untouched', async () => {
    const path = join(dir, 'w.cxdesk')
    await positionalWorkspace(path, 9)
    const before = folder()
    const { failure } = await openCancelling(path, (p) => p.stage === 'backingUp')
    expect(failure).toMatchObject({ code: 'CANCELLED', message: 'Opening w.cxdesk was cancelled. The file was not changed.' })
    expect(folder()).toEqual(before)
  })

  it('before the first migration commits: byte for byte as before, and no backup left', async () => {
    const path = join(dir, 'w.cxdesk')
    await positionalWorkspace(path, 9)
    const before = folder()
    const { failure } = await openCancelling(path, (p) => p.stage === 'migrating' && p.done === 0)
    expect(failure).toMatchObject({ code: 'CANCELLED', message: expect.stringContaining('The file was not changed') })
    expect(folder()).toEqual(before)
  })

  it('after a migration committed: that one stays, whole and recorded, with the backup from before it', async () => {
    const path = join(dir, 'w.cxdesk')
    await positionalWorkspace(path, 9)
    const { failure } = await openCancelling(path, (p) => p.stage === 'migrating' && p.done === 1)
    expect(failure).toMatchObject({ code: 'CANCELLED', message: expect.stringMatching(new RegExp(`cancelled after 1 of ${migrations.length - 9} updates .* A copy from before them is at .*backup\\.bak`)) })
    const db = new Database(path, { readonly: true })
    expect(db.pragma('user_version', { simple: true })).toBe(10)
    expect((db.prepare('SELECT name FROM schema_migrations ORDER BY rowid').all() as Array<{ name: string }>).map((r) => r.name)).toEqual(POSITIONAL_MIGRATIONS.slice(0, 10))
    db.close()
    expect(readdirSync(dir).sort()).toEqual(['backup.bak', 'w.cxdesk'])
    // The next open carries on from there.
    const { failure: none, seen } = await openCancelling(path, () => false)
    expect(none).toBeNull()
    expect(seen.filter((p) => p.migration).map((p) => p.migration)).toEqual(migrations.slice(10).map(([name]) => name))
  })

  it('while re-scoring comments: rolled back, and the names are not recorded either', async () => {
    const path = join(dir, 'w.cxdesk')
    await currentScoredByOldRule(path)
    const before = folder()
    const { failure, seen } = await openCancelling(path, (p) => p.stage === 'updating' && p.total > 0)
    expect(seen.map((p) => p.stage)).toContain('updating')
    expect(failure).toMatchObject({ code: 'CANCELLED', message: expect.stringContaining('The file was not changed') })
    expect(folder()).toEqual(before)
  })
})

describe('opening in a worker thread', () => {
  let session: WorkspaceSession
  let events: EventBus
  beforeEach(() => {
    events = new EventBus()
    session = new WorkspaceSession({ clock: fakeClock(), events, sqlite: {}, prefs: null, defaultTimezone: 'Asia/Bangkok', openInWorker: { fromBytes: 0 } })
  })
  afterEach(async () => {
    await session.close()
  })
  const watch = () => {
    const seen: OpeningProgress[] = []
    events.subscribe((e) => {
      if (e.name === 'workspace.opening') seen.push(e.payload)
    })
    return seen
  }

  it('reports each stage and opens the upgraded workspace', async () => {
    const path = join(dir, 'w.cxdesk')
    await scoredByOldRule(path)
    const db = new Database(path)
    db.pragma('user_version = 10')
    db.close()
    const seen = watch()
    const info = await session.openFile(path)
    expect(info).toMatchObject({ schemaVersion: migrations.length, responseCount: 1 })
    const stages = seen.map((p) => p.stage).filter((s, i, all) => s !== all[i - 1])
    expect(stages).toEqual(['checking', 'backingUp', 'migrating', 'updating'])
    expect(seen.find((p) => p.migration)).toMatchObject({ kind: 'open', name: 'w', migration: POSITIONAL_MIGRATIONS[10] })
    expect(seen.at(-1)).toMatchObject({ state: 'done' })
    expect(session.opening).toBeNull()
    // Re-scored by the worker: the app's connection finds it done.
    expect(session.require().ws.sqlite.prepare(`SELECT value FROM meta WHERE key = 'sentiment_version'`).get()).toEqual({ value: SENTIMENT_VERSION })
  })

  it('cancels from the first report: the file untouched, the workspace open before stays open', async () => {
    const first = join(dir, 'first.cxdesk')
    await session.create(first)
    const path = join(dir, 'w.cxdesk')
    await positionalWorkspace(path, 9)
    const before = folder()
    const seen = watch()
    events.subscribe((e) => {
      if (e.name === 'workspace.opening' && e.payload.state === 'running') session.cancelOpening()
    })
    await expect(session.openFile(path)).rejects.toMatchObject({ code: 'CANCELLED', message: 'Opening w.cxdesk was cancelled. The file was not changed.' })
    expect(seen.at(-1)).toMatchObject({ state: 'cancelled' })
    // The first workspace was open (its WAL beside it): compare the other files only.
    const files = (f: Record<string, string>) => Object.fromEntries(Object.entries(f).filter(([name]) => !name.startsWith('first.')))
    expect(files(folder())).toEqual(files(before))
    expect(session.require().ws.path).toBe(first)
  })

  it('creates the demo in the worker, and a cancel leaves nothing behind', async () => {
    const path = join(dir, 'demo.cxdesk')
    const seen = watch()
    events.subscribe((e) => {
      if (e.name === 'workspace.opening' && e.payload.state === 'running') session.cancelOpening()
    })
    await expect(session.create(path, { name: 'Demo', isDemo: true, seed: 'cafeDemo' })).rejects.toMatchObject({
      code: 'CANCELLED',
      message: 'Creating Demo was cancelled. Nothing was created.',
    })
    expect(seen[0]).toMatchObject({ kind: 'create', stage: 'creating', name: 'Demo' })
    expect(readdirSync(dir)).toEqual([])
    expect(session.open).toBeNull()
  })
})

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { chmodSync, closeSync, copyFileSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createWorkspaceAt, openWorkspaceAt } from '../../helpers/files'
import Database from 'better-sqlite3'
import { createAppContext } from '../../../src-main/app/createAppContext'
import { createDispatcher } from '../../../src-main/app/dispatch'
import { handlers } from '../../../src-main/handlers/index'
import { clientFromInvoke } from '../../../src-shared/api/client'
import { fileIntegrityMemo, type IntegrityMemo } from '../../../src-main/db/integrityMemo'
import { foldAll } from '../../../src-main/metrics/rollups/jobs'
import { FOLD_FROM } from '../../../src-main/metrics/rollups/keeper'
import { fakeClock } from '../../helpers/clock'
import { writeGeneratorCsv } from '../../helpers/csv'

let dir: string
let templates: string
let folded300: string
let unfolded: string
beforeAll(async () => {
  // Made once (an import starts worker threads), copied for each test.
  templates = mkdtempSync(join(tmpdir(), 'cxdesk-readonly-templates-'))
  folded300 = await workspace(templates, 'folded', 300)
  unfolded = await workspace(templates, 'unfolded', FOLD_FROM + 20, false)
}, 120_000)
afterAll(() => rmSync(templates, { recursive: true, force: true }))
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxdesk-readonly-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const copyOf = (template: string) => {
  const path = join(dir, 'w.cxdesk')
  copyFileSync(template, path)
  return path
}

/** An app context as the CLI builds one, with the read-only preference and an integrity memo of the test's choosing. */
function app(opts: { readOnly: boolean; integrity?: IntegrityMemo }, folder = dir) {
  const ctx = createAppContext({
    platform: { kind: 'cli', systemLocales: () => [] },
    paths: { dataDir: join(folder, 'data'), workspacesDir: folder, uploadsDir: join(folder, 'data', 'uploads') },
    clock: fakeClock(),
    usePreferences: false,
    defaultTimezone: 'Asia/Bangkok',
    readOnly: opts.readOnly,
    sqlite: { integrity: opts.integrity },
  })
  return { ctx, api: clientFromInvoke(createDispatcher(handlers, ctx, { validateResponses: true })) }
}

/**
 * A workspace with `rows` NPS answers over two months, its summaries folded as after any large import;
 * or, unfolded, left in the rollup journal: imported in parts, each too small for the import to fold
 * itself (it folds from 500 new rows), which together make a journal that reads must fold.
 */
async function workspace(folder: string, name: string, rows: number, fold = true): Promise<string> {
  const path = join(folder, `${name}.cxdesk`)
  const all = Array.from({ length: rows }, (_, i) => ({
    response_id: i + 1,
    customer_id: `C${String(i + 1).padStart(6, '0')}`,
    customer_email: `c${i + 1}@example.com`,
    submitted_at: `2025-0${1 + (i % 2)}-1${i % 9}T03:00:00Z`,
    score: i % 11,
    channel: i % 3 ? 'app' : 'store',
  }))
  const parts = fold ? [all] : [all.slice(0, Math.ceil(rows / 2)), all.slice(Math.ceil(rows / 2))]
  const { ctx, api } = app({ readOnly: false }, folder)
  await createWorkspaceAt({ ctx, api }, path)
  for (const [k, part] of parts.entries()) {
    const csv = join(folder, `${name}-${k}.csv`)
    writeGeneratorCsv(csv, part)
    await api.call('import.run', { fileId: ctx.files.register(csv).id })
  }
  if (fold) foldAll(ctx.session.require().ws.sqlite)
  else expect(ctx.session.require().ws.sqlite.prepare('SELECT count(*) FROM rollup_journal').pluck().get()).toBeGreaterThanOrEqual(FOLD_FROM)
  await ctx.session.close()
  return path
}

const stamp = (path: string) => {
  const st = statSync(path, { bigint: true })
  return { size: st.size, mtimeNs: st.mtimeNs, ctimeNs: st.ctimeNs, ino: st.ino }
}
const npsByMonthAndChannel = { metric: 'nps', by: 'month', dim: 'channel' } as const

/** Overwrites every page of the named tables and indexes with garbage, as a bad disk or a careless tool would. */
function damagePages(path: string, names: (name: string) => boolean): number {
  const db = new Database(path, { readonly: true })
  const pageSize = db.pragma('page_size', { simple: true }) as number
  const pages = (db.prepare('SELECT name, pageno FROM dbstat').all() as Array<{ name: string; pageno: number }>).filter((p) => names(p.name)).map((p) => p.pageno)
  db.close()
  const fd = openSync(path, 'r+')
  for (const page of pages) writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize)
  closeSync(fd)
  return pages.length
}

describe('opening a workspace to read only', () => {
  it('reads without writing a byte: no WAL switch, no checkpoint, the file times unchanged', async () => {
    const path = copyOf(folded300)
    const before = stamp(path)
    const { ctx, api } = app({ readOnly: true })
    await openWorkspaceAt({ ctx, api }, path)
    expect(ctx.session.require().ws.sqlite.readonly).toBe(true)
    const series = await api.call('metrics.series', npsByMonthAndChannel)
    expect(series.overall.n).toBe(300)
    await ctx.session.close()
    expect(stamp(path)).toEqual(before)
  })

  it('gives the same figures as a read-write open', async () => {
    const path = copyOf(folded300)
    const reader = app({ readOnly: true })
    await openWorkspaceAt(reader, path)
    const read = await reader.api.call('metrics.series', npsByMonthAndChannel)
    await reader.ctx.session.close()
    const writer = app({ readOnly: false })
    await openWorkspaceAt(writer, path)
    expect(writer.ctx.session.require().ws.sqlite.readonly).toBe(false)
    expect(await writer.api.call('metrics.series', npsByMonthAndChannel)).toEqual(read)
    await writer.ctx.session.close()
  })

  it('opens read-write when the journal waits to be folded, so the fold still happens once', async () => {
    const path = copyOf(unfolded)
    const { ctx, api } = app({ readOnly: true })
    await openWorkspaceAt({ ctx, api }, path)
    expect(ctx.session.require().ws.sqlite.readonly).toBe(false)
    expect((await api.call('metrics.series', npsByMonthAndChannel)).overall.n).toBe(FOLD_FROM + 20)
    await ctx.session.close()
  })

  it('opens read-write when the file needs migrating (and backs it up first)', async () => {
    const path = join(dir, 'old.cxdesk')
    copyFileSync(join(__dirname, '../../fixtures/workspace-v1.cxdesk'), path)
    const { ctx, api } = app({ readOnly: true })
    const info = await openWorkspaceAt({ ctx, api }, path)
    expect(ctx.session.require().ws.sqlite.readonly).toBe(false)
    expect(info?.schemaVersion).toBeGreaterThan(1)
    await ctx.session.close()
  })

  it('opens read-write when another process has the file open in WAL mode', async () => {
    const path = copyOf(folded300)
    const other = new Database(path)
    other.pragma('journal_mode = WAL')
    other.prepare("UPDATE meta SET value = value WHERE key = 'name'").run()
    const { ctx, api } = app({ readOnly: true })
    await openWorkspaceAt({ ctx, api }, path)
    expect(ctx.session.require().ws.sqlite.readonly).toBe(false)
    await ctx.session.close()
    other.close()
  })
})

describe('the integrity memo', () => {
  const memoFile = () => join(dir, 'data', 'integrity-checks.json')

  it('remembers a passed check of a file at rest, and forgets it at any write, touch, chmod or replacement', () => {
    const file = join(dir, 'f.bin')
    writeFileSync(file, 'x'.repeat(4096))
    const memo = fileIntegrityMemo(memoFile(), { racyMs: 0 })
    const remembered = () => {
      const s = memo.stateOf(file)!
      memo.remember(file, s, Date.now())
      return s
    }
    const s = remembered()
    expect(memo.isVerified(file, memo.stateOf(file)!)).toBe(true)
    expect(JSON.parse(readFileSync(memoFile(), 'utf8')).files[file]).toMatchObject({ size: '4096' })

    // The same size, one byte different.
    const fd = openSync(file, 'r+')
    writeSync(fd, 'y', 100)
    closeSync(fd)
    expect(memo.isVerified(file, memo.stateOf(file)!)).toBe(false)

    remembered()
    utimesSync(file, new Date(2020, 0, 1), new Date(2020, 0, 1))
    expect(memo.isVerified(file, memo.stateOf(file)!)).toBe(false)

    remembered()
    chmodSync(file, 0o600)
    expect(memo.isVerified(file, memo.stateOf(file)!)).toBe(false)

    remembered()
    writeFileSync(join(dir, 'g.bin'), 'x'.repeat(4096))
    renameSync(join(dir, 'g.bin'), file)
    expect(memo.isVerified(file, memo.stateOf(file)!)).toBe(false)
    expect(s.ino).not.toBe(memo.stateOf(file)!.ino)
  })

  it('does not remember a file that changed during its check, or just before it', () => {
    const file = join(dir, 'f.bin')
    writeFileSync(file, 'a')
    const racy = fileIntegrityMemo(memoFile())
    racy.remember(file, racy.stateOf(file)!, Date.now())
    expect(racy.isVerified(file, racy.stateOf(file)!)).toBe(false)

    const memo = fileIntegrityMemo(memoFile(), { racyMs: 0 })
    const before = memo.stateOf(file)!
    writeFileSync(file, 'b')
    memo.remember(file, before, Date.now())
    expect(memo.isVerified(file, before)).toBe(false)
    expect(memo.isVerified(file, memo.stateOf(file)!)).toBe(false)
  })

  it('knows no state for a file with a -wal or -journal beside it', () => {
    const file = join(dir, 'f.bin')
    writeFileSync(file, 'a')
    const memo = fileIntegrityMemo(memoFile(), { racyMs: 0 })
    for (const side of ['-wal', '-journal']) {
      writeFileSync(file + side, '')
      expect(memo.stateOf(file)).toBeNull()
      rmSync(file + side)
    }
    expect(memo.stateOf(file)).not.toBeNull()
  })

  it('skips quick_check for a remembered file, and checks again once the file was written: a damaged file is refused', async () => {
    const path = copyOf(folded300)
    const memo = fileIntegrityMemo(memoFile(), { racyMs: 0 })
    const quickChecks = vi.spyOn(Database.prototype, 'pragma')
    const open = async () => {
      const { ctx, api } = app({ readOnly: true, integrity: memo })
      try {
        await openWorkspaceAt({ ctx, api }, path)
        return (await api.call('metrics.series', npsByMonthAndChannel)).overall.n
      } finally {
        await ctx.session.close()
      }
    }
    const checks = () => quickChecks.mock.calls.filter(([p]) => p === 'quick_check').length
    expect(await open()).toBe(300)
    expect(checks()).toBe(1)
    expect(await open()).toBe(300)
    expect(checks()).toBe(1)
    expect(damagePages(path, (name) => name === 'rollup_slice_packs')).toBeGreaterThan(0)
    await expect(open()).rejects.toMatchObject({ code: 'CORRUPT_WORKSPACE' })
    expect(checks()).toBe(2)
    quickChecks.mockRestore()
  })

  it('never turns a damaged page into a number, even when the check is skipped', async () => {
    const path = copyOf(folded300)
    // Damage in the summaries a read goes through, under a memo that (wrongly) vouches for the file.
    expect(damagePages(path, (name) => name.startsWith('rollup_') && name !== 'rollup_journal')).toBeGreaterThan(0)
    const trusting: IntegrityMemo = { stateOf: () => ({ dev: '0', ino: '0', size: '0', mtimeNs: '0', ctimeNs: '0' }), isVerified: () => true, remember: () => undefined }
    const { ctx, api } = app({ readOnly: true, integrity: trusting })
    await openWorkspaceAt({ ctx, api }, path)
    await expect(api.call('metrics.series', npsByMonthAndChannel)).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/malformed/) })
    await ctx.session.close()
  })
})

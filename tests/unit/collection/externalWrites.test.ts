import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testApp, type TestApp } from '../../helpers/context'
import { externalWriteCheck, watchExternalWrites } from '../../../src-main/workspace/externalWrites'
import { runJobInWorker } from '../../../src-main/metrics/rollups/worker/runInWorker'
import { ownWriterStarted, ownWriters } from '../../../src-main/workers/ownWriters'
import type { AppEvent } from '../../../src-shared/api/events'

let app: TestApp
let path: string
let written: number

beforeEach(async () => {
  app = testApp()
  path = join(app.dir, 'shop.cxdesk')
  await app.ctx.session.create(path, { name: 'Shop', inWorker: false })
  written = 0
  app.ctx.events.subscribe((e: AppEvent) => void (e.name === 'workspace.written' && written++))
})
afterEach(() => app.cleanup())

/** Another process's write: its own connection to the same file, as `cxdesk collect` has. */
function writeFromElsewhere(): void {
  const other = new Database(path)
  try {
    other.prepare(`INSERT INTO tags (name, color, created_at) VALUES (?, '#888888', 0)`).run(`tag ${Math.random()}`)
  } finally {
    other.close()
  }
}

describe('writes by another process to the open workspace', () => {
  it('are noticed at the next look; the app’s own writes and quiet looks are not', async () => {
    const check = externalWriteCheck({ workspace: () => app.ctx.session.open, events: app.ctx.events })
    check()
    await app.api.call('tags.saveRule', { tag: 'Own write', language: null, keywords: ['own'] })
    check()
    check()
    expect(written).toBe(0)
    writeFromElsewhere()
    check()
    expect(written).toBe(1)
    check()
    expect(written).toBe(1)
    writeFromElsewhere()
    writeFromElsewhere()
    check()
    expect(written).toBe(2)
  })

  it('say nothing for a workspace just opened, or when none is open', async () => {
    const check = externalWriteCheck({ workspace: () => app.ctx.session.open, events: app.ctx.events })
    check()
    await app.ctx.session.close()
    check()
    writeFromElsewhere()
    await app.ctx.session.openFile(path)
    check()
    expect(written).toBe(0)
  })

  it('are told by the running watcher without anybody asking', async () => {
    const stop = watchExternalWrites({ workspace: () => app.ctx.session.open, events: app.ctx.events, intervalMs: 10 })
    try {
      const seen = new Promise<void>((resolve) => app.ctx.events.subscribe((e) => e.name === 'workspace.written' && resolve()))
      writeFromElsewhere()
      await seen
      expect(written).toBeGreaterThanOrEqual(1)
    } finally {
      stop()
    }
  })

  it('leave out this process’s own worker threads: a rollup rebuild in its thread is not another process’s write', async () => {
    const check = externalWriteCheck({ workspace: () => app.ctx.session.open, events: app.ctx.events })
    check()
    const before = (app.ctx.session.require().ws.sqlite.pragma('data_version', { simple: true }) as number)
    const job = runJobInWorker({ path }, { kind: 'rebuild' }, () => check())
    check()
    await job.done
    check()
    // The thread's 'exit' comes after its answer (under tsx, most of a second later): looks until
    // then and the first one after are its own. Wait for the exit itself, not for a guessed time.
    await expect.poll(() => ownWriters().running, { timeout: 20_000 }).toBe(0)
    check()
    expect(app.ctx.session.require().ws.sqlite.pragma('data_version', { simple: true })).not.toBe(before)
    expect(written).toBe(0)
    writeFromElsewhere()
    check()
    expect(written).toBe(1)
  }, 30_000)

  it('count a write that lands while an own writer runs, or just before a look after it ended, as its own', () => {
    const check = externalWriteCheck({ workspace: () => app.ctx.session.open, events: app.ctx.events })
    check()
    const ended = ownWriterStarted()
    writeFromElsewhere()
    check()
    writeFromElsewhere()
    ended()
    ended()
    check()
    expect(written).toBe(0)
    writeFromElsewhere()
    check()
    expect(written).toBe(1)
  })
})

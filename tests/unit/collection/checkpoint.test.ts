import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testApp, type TestApp } from '../../helpers/context'
import { fakeRendererDir } from '../../helpers/kioskBuild'
import { startCheckpointer } from '../../../src-main/collection/checkpoint/checkpointer'
import { recordAnswers } from '../../../src-main/collection/answerService'
import { externalWriteCheck } from '../../../src-main/workspace/externalWrites'
import type { CheckpointProgress } from '../../../src-main/collection/checkpoint/protocol'

let app: TestApp
let pageDir: string
let token: string
let path: string

beforeEach(async () => {
  pageDir = mkdtempSync(join(tmpdir(), 'cxdesk-kiosk-'))
  app = testApp({ platform: { kind: 'web', systemLocales: () => ['en'], rendererDir: fakeRendererDir(pageDir) } })
  path = join(app.dir, 'shop.cxdesk')
  await app.ctx.session.create(path, { name: 'Shop', inWorker: false })
  const survey = await app.api.call('collection.saveSurvey', { name: 'Counter', metric: 'csat', askComment: true, askContact: false, shopName: 'Shop', colour: '#2f6f5e', location: null, touchpoint: null })
  token = survey.links[0].token
})
afterEach(async () => {
  await app.ctx.collection.stop()
  await app.cleanup()
  rmSync(pageDir, { recursive: true, force: true })
})

const sqlite = () => app.ctx.session.require().ws.sqlite
const autoCheckpoint = () => sqlite().pragma('wal_autocheckpoint', { simple: true })
let n = 0
const answers = (count: number) =>
  recordAnswers(
    app.ctx.session.require(),
    Array.from({ length: count }, () => ({ token, body: { id: `checkpoint-${String(++n).padStart(6, '0')}`, score: 1 + (n % 5), language: 'th' as const, comment: `บริการดีมาก ${n} `.repeat(20) }, now: 1_800_000_000_000 + n })),
  )

describe('WAL checkpoints while collecting', () => {
  it('run in a thread of their own: the serving connection stops checkpointing, and gets it back at the stop', async () => {
    let written = 0
    app.ctx.events.subscribe((e) => void (e.name === 'workspace.written' && written++))
    const look = externalWriteCheck({ workspace: () => app.ctx.session.open, events: app.ctx.events })
    look()
    const copied: CheckpointProgress[] = []
    let notify = () => {}
    const checkpointer = startCheckpointer(sqlite(), { path }, { intervalMs: 20, onCheckpoint: (p) => (copied.push(p), notify()) })
    expect(checkpointer).not.toBeNull()
    expect(autoCheckpoint()).toBe(0)
    const firstCopy = new Promise<void>((r) => (notify = r))
    for (let i = 0; i < 10; i++) answers(20)
    await firstCopy
    expect(copied[0].checkpointed).toBeGreaterThan(0)
    look()
    const summary = await checkpointer!.stop()
    expect(summary!.framesCopied).toBeGreaterThan(0)
    expect(autoCheckpoint()).toBe(1000)
    // A checkpoint copies pages, it commits nothing: not taken for another process's write.
    look()
    expect(written).toBe(0)
  }, 30_000)

  it('move off the serving thread when the survey server starts on a file, and back when it stops', async () => {
    expect(autoCheckpoint()).toBe(1000)
    await app.api.call('collection.start', { host: '127.0.0.1', port: 0 })
    expect(autoCheckpoint()).toBe(0)
    await app.api.call('collection.stop', {})
    expect(autoCheckpoint()).toBe(1000)
  }, 30_000)
})

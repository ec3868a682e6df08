import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { testApp, testAppInMemory, type TestApp } from '../../helpers/context'
import { fakeRendererDir } from '../../helpers/kioskBuild'
import { AnswerBatcher, MAX_BATCH } from '../../../src-main/collection/answerBatch'
import { recordAnswers, type BatchOutcome, type IncomingAnswer } from '../../../src-main/collection/answerService'
import type { AnswerBatchOptions } from '../../../src-main/collection/answerBatch'
import type { OpenWorkspace } from '../../../src-main/db/openWorkspace'
import type { AnswerBody } from '../../../src-shared/domain/collection'

let app: TestApp
let pageDir: string
let token: string

async function setUp(where: 'memory' | 'file', batch?: AnswerBatchOptions): Promise<void> {
  pageDir = mkdtempSync(join(tmpdir(), 'cxdesk-kiosk-'))
  const platform = { kind: 'web' as const, systemLocales: () => ['en'], rendererDir: fakeRendererDir(pageDir) }
  if (where === 'memory') app = await testAppInMemory({ platform })
  else {
    app = testApp({ platform })
    await app.ctx.session.create(join(app.dir, 'shop.cxdesk'), { name: 'Shop', inWorker: false })
  }
  const deps = (app.ctx.collection as unknown as { deps: { limits?: unknown; batch?: AnswerBatchOptions } }).deps
  deps.limits = { phone: 1e9, kiosk: 1e9, survey: 1e9 }
  deps.batch = batch
  const survey = await app.api.call('collection.saveSurvey', { name: 'Counter', metric: 'nps', askComment: true, askContact: true, shopName: 'Phở Hà Nội', colour: '#aa3300', location: 'Hà Nội', touchpoint: 'counter' })
  const withKiosk = await app.api.call('collection.addLink', { surveyId: survey.id, kind: 'kiosk' })
  token = withKiosk.links.find((l) => l.kind === 'kiosk')!.token
}

afterEach(async () => {
  await app.ctx.collection.stop()
  await app.cleanup()
  rmSync(pageDir, { recursive: true, force: true })
})

const open = (): OpenWorkspace => app.ctx.session.require()
const sqlite = () => open().ws.sqlite
const body = (n: number, extra: Partial<AnswerBody> = {}): AnswerBody => ({ id: `group-commit-${String(n).padStart(5, '0')}`, score: n % 11, language: 'vi', comment: n % 2 ? `Cà phê ngon ${n}` : undefined, ...extra })
const incoming = (n: number, extra: Partial<AnswerBody> = {}): IncomingAnswer => ({ token, body: body(n, extra), now: 1_800_000_000_000 + n })
const stored = () => (sqlite().prepare('SELECT count(*) AS n, count(DISTINCT client_id) AS ids FROM survey_answers').get() as { n: number; ids: number })
const responses = () => (sqlite().prepare(`SELECT count(*) AS n FROM responses WHERE dedup_key LIKE 'collect:%'`).get() as { n: number }).n

async function startServer(): Promise<string> {
  const status = await app.api.call('collection.start', { host: '127.0.0.1', port: 0 })
  return `${status.baseUrl}/s/${token}/answers`
}
const post = (url: string, b: AnswerBody) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) })

describe('the answers’ group commit', () => {
  it('writes the answers that arrive together in transactions of at most 32, answering each after its batch committed', async () => {
    const sizes: number[] = []
    await setUp('memory')
    const batcher = new AnswerBatcher({ onBatch: (size) => sizes.push(size) })
    const seenAtAnswer: Array<{ inTransaction: boolean; present: boolean }> = []
    const outcomes = await Promise.all(
      Array.from({ length: 70 }, (_, i) =>
        batcher.submit(open(), incoming(i)).then((o) => {
          // Resolved after the commit: no transaction open any more, and the row is there.
          const present = sqlite().prepare('SELECT 1 FROM survey_answers WHERE client_id = ?').get(body(i).id) !== undefined
          seenAtAnswer.push({ inTransaction: sqlite().inTransaction, present })
          return o
        }),
      ),
    )
    expect(MAX_BATCH).toBe(32)
    expect(sizes).toEqual([32, 32, 6])
    expect(outcomes.every((o) => o.kind === 'stored')).toBe(true)
    expect(seenAtAnswer.every((s) => !s.inTransaction && s.present)).toBe(true)
    expect(stored()).toEqual({ n: 70, ids: 70 })
    expect(responses()).toBe(70)
  })

  it('stores concurrent posts from many kiosks once each, in fewer transactions than answers', async () => {
    const sizes: number[] = []
    await setUp('file', { onBatch: (size) => sizes.push(size) })
    const url = await startServer()
    const replies = await Promise.all(Array.from({ length: 120 }, (_, i) => post(url, body(i))))
    expect(replies.map((r) => r.status)).toEqual(Array.from({ length: 120 }, () => 201))
    expect(stored()).toEqual({ n: 120, ids: 120 })
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(120)
    expect(Math.max(...sizes)).toBeLessThanOrEqual(32)
    expect(sizes.length).toBeLessThan(120)
    const inbox = await app.api.call('feedback.list', { limit: 200 })
    expect(inbox.total).toBe(120)
  })

  it('is idempotent on replay: an id twice in one batch, and a whole batch sent again, are stored once', async () => {
    await setUp('memory')
    const first = recordAnswers(open(), [incoming(1), incoming(2), incoming(1), incoming(3)])
    expect(first.map((o) => o.kind)).toEqual(['stored', 'stored', 'duplicate', 'stored'])
    const again = recordAnswers(open(), [incoming(3), incoming(2), incoming(1)])
    expect(again.map((o) => o.kind)).toEqual(['duplicate', 'duplicate', 'duplicate'])
    expect(stored()).toEqual({ n: 3, ids: 3 })
    expect(responses()).toBe(3)

    const url = await startServer()
    const replay = await Promise.all([post(url, body(1)), post(url, body(1)), post(url, body(4)), post(url, body(4))])
    expect(replay.map((r) => r.status).sort()).toEqual([200, 200, 200, 201])
    expect(stored()).toEqual({ n: 4, ids: 4 })
  })

  it('answers 503 with Retry-After when a batch fails, and stores the answers once when the page sends them again', async () => {
    let failing = true
    const write = vi.fn((o: OpenWorkspace, answers: readonly IncomingAnswer[]): BatchOutcome[] => {
      if (failing) throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' })
      return recordAnswers(o, answers)
    })
    await setUp('memory', { write })
    const url = await startServer()
    const failed = await Promise.all(Array.from({ length: 5 }, (_, i) => post(url, body(i))))
    for (const r of failed) {
      expect(r.status).toBe(503)
      expect(r.headers.get('retry-after')).toBe('2')
      expect(await r.json()).toEqual({ ok: false, error: 'retry' })
    }
    expect(stored().n).toBe(0)
    failing = false
    const retried = await Promise.all(Array.from({ length: 5 }, (_, i) => post(url, body(i))))
    expect(retried.map((r) => r.status)).toEqual([201, 201, 201, 201, 201])
    expect(stored()).toEqual({ n: 5, ids: 5 })
    expect(responses()).toBe(5)
  })

  it('keeps the rest of a batch when one of its answers fails alone (its own savepoint)', async () => {
    await setUp('memory')
    // One answer the database refuses (as a constraint or a full disk would): only it is not stored.
    sqlite().exec(`CREATE TEMP TRIGGER refuse_one BEFORE INSERT ON survey_answers WHEN NEW.client_id = '${body(2).id}' BEGIN SELECT RAISE(ABORT, 'refused'); END`)
    const outcomes = recordAnswers(open(), [incoming(1), incoming(2), incoming(3)])
    expect(outcomes.map((o) => o.kind)).toEqual(['stored', 'failed', 'stored'])
    // Nothing of the failed one is left half-written: neither its response nor its search text.
    expect(stored()).toEqual({ n: 2, ids: 2 })
    expect(responses()).toBe(2)
    sqlite().exec('DROP TRIGGER refuse_one')
    expect(recordAnswers(open(), [incoming(2)]).map((o) => o.kind)).toEqual(['stored'])
    expect(responses()).toBe(3)
  })

  it('prepares no statement per answer once the connection has written one', async () => {
    await setUp('memory')
    recordAnswers(open(), [incoming(0)])
    const prepare = vi.spyOn(sqlite(), 'prepare')
    const outcomes = recordAnswers(open(), Array.from({ length: 20 }, (_, i) => incoming(i + 1)))
    for (let i = 21; i < 30; i++) recordAnswers(open(), [incoming(i)])
    expect(outcomes.every((o) => o.kind === 'stored')).toBe(true)
    expect(prepare).not.toHaveBeenCalled()
    prepare.mockRestore()
  })
})

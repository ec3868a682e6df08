import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testAppInMemory, type TestApp } from '../../helpers/context'
import { fakeRendererDir } from '../../helpers/kioskBuild'
import { channelNames } from '../../../src-shared/api/contract'

let app: TestApp
let pageDir: string
let base: string
let token: string

beforeAll(async () => {
  pageDir = mkdtempSync(join(tmpdir(), 'cxdesk-fuzz-'))
  app = await testAppInMemory({ platform: { kind: 'web', systemLocales: () => ['en'], rendererDir: fakeRendererDir(pageDir) } })
  // No rate limit in the way of a fuzzer.
  ;(app.ctx.collection as unknown as { deps: { limits?: unknown } }).deps.limits = { phone: 1e6, kiosk: 1e6, survey: 1e6 }
  const s = await app.api.call('collection.saveSurvey', { name: 'Fuzz', metric: 'nps', askComment: true, askContact: true, shopName: 'Shop', colour: '#123456', location: null, touchpoint: null })
  token = s.links[0].token
  base = (await app.api.call('collection.start', { host: '127.0.0.1', port: 0 })).baseUrl!
})
afterAll(async () => {
  await app.ctx.collection.stop()
  await app.cleanup()
  rmSync(pageDir, { recursive: true, force: true })
})

const count = () => (app.ctx.session.require().ws.sqlite.prepare('SELECT count(*) AS n FROM responses').get() as { n: number }).n

const validish = fc.record(
  {
    id: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/), fc.string(), fc.integer()),
    score: fc.oneof(fc.integer({ min: -2, max: 12 }), fc.double(), fc.string(), fc.constant(null)),
    language: fc.oneof(fc.constantFrom('en', 'vi', 'th'), fc.string()),
    comment: fc.oneof(fc.string({ maxLength: 3000 }), fc.integer()),
    consent: fc.oneof(fc.boolean(), fc.string()),
    contact: fc.oneof(fc.record({ name: fc.string(), email: fc.string(), phone: fc.string() }, { requiredKeys: [] }), fc.anything()),
    extra: fc.anything(),
  },
  { requiredKeys: [] },
)

describe('fuzzing the collection server (fixed seed)', () => {
  it('answers every answer body with a refusal or a stored answer, never an error, and stores only valid ones', async () => {
    let stored = 0
    await fc.assert(
      fc.asyncProperty(fc.oneof(validish, fc.anything(), fc.json().map((j) => ({ raw: j }))), async (body) => {
        const raw = typeof body === 'object' && body !== null && 'raw' in body && typeof body.raw === 'string' ? body.raw : JSON.stringify(body) ?? 'undefined'
        const res = await fetch(`${base}/s/${token}/answers`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw })
        expect([200, 201, 400, 413]).toContain(res.status)
        const text = await res.text()
        expect(text.length).toBeLessThan(200)
        if (res.status === 201) {
          stored++
          const b = JSON.parse(raw)
          expect(Object.keys(b).every((k) => ['id', 'score', 'language', 'comment', 'consent', 'contact'].includes(k))).toBe(true)
          expect(Number.isInteger(b.score) && b.score >= 0 && b.score <= 10).toBe(true)
        }
      }),
      { seed: 18, numRuns: 300 },
    )
    expect(count()).toBe(stored)
  })

  it('answers random paths and methods with 404 (or 400), never an error nor a file of the app', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'), fc.webPath(), async (method, path) => {
        const res = await fetch(`${base}/${path.replace(/^\/+/, '')}`, { method })
        expect([400, 404, 405, 415]).toContain(res.status)
      }),
      { seed: 18, numRuns: 300 },
    )
  })

  it('answers no channel of the app, nor any route of the app’s host', async () => {
    for (const channel of channelNames) {
      for (const path of [`/api/invoke/${channel}`, `/api/${channel}`, `/${channel}`]) {
        const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
        expect(res.status, path).toBe(404)
      }
    }
    for (const path of ['/api/events', '/api/files', '/api/workspace/copy', '/api/reports/download', '/index.html', '/print.html', '/', '/?token=x'])
      for (const method of ['GET', 'POST']) expect((await fetch(`${base}${path}`, { method })).status, `${method} ${path}`).toBe(404)
  })
})

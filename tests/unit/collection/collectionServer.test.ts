import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testAppInMemory, type TestApp } from '../../helpers/context'
import { fakeRendererDir } from '../../helpers/kioskBuild'
import type { AppEvent } from '../../../src-shared/api/events'
import type { Survey } from '../../../src-shared/api/collection'

let app: TestApp
let events: AppEvent[]
let pageDir: string

async function setUp(limits?: Record<string, number>): Promise<void> {
  pageDir = mkdtempSync(join(tmpdir(), 'cxdesk-kiosk-'))
  app = await testAppInMemory({ platform: { kind: 'web', systemLocales: () => ['en'], rendererDir: fakeRendererDir(pageDir) } })
  // Small limits to reach them in a test: the controller's own options, as createAppContext passes them.
  if (limits) (app.ctx.collection as unknown as { deps: { limits?: unknown } }).deps.limits = limits
  events = []
  app.ctx.events.subscribe((e) => events.push(e))
}

async function survey(metric: 'nps' | 'csat' | 'ces' = 'nps'): Promise<Survey> {
  return app.api.call('collection.saveSurvey', { name: `Counter ${metric}`, metric, askComment: true, askContact: true, shopName: 'Phở Hà Nội', colour: '#aa3300', location: 'Hà Nội', touchpoint: 'counter' })
}

async function start(): Promise<string> {
  const status = await app.api.call('collection.start', { host: '127.0.0.1', port: 0 })
  return status.baseUrl!
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) })

const answer = (id: string, extra: Record<string, unknown> = {}) => ({ id: id.padEnd(16, '0'), score: 9, language: 'vi', ...extra })

const answersRows = () => app.ctx.session.require().ws.sqlite.prepare('SELECT * FROM survey_answers ORDER BY response_id').all() as Array<Record<string, unknown>>

describe('the collection server', () => {
  beforeEach(() => setUp())
  afterEach(async () => {
    await app.ctx.collection.stop()
    await app.cleanup()
    rmSync(pageDir, { recursive: true, force: true })
  })

  it('is off until started, and serves the page, its own assets and nothing else of the app', async () => {
    expect((await app.api.call('collection.status', {})).running).toBe(false)
    const s = await survey()
    const base = await start()
    const token = s.links[0].token
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/)
    const page = await fetch(`${base}/s/${token}`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('src="/s/assets/kiosk-abc.js"')
    const csp = page.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('upgrade-insecure-requests')
    expect(page.headers.get('strict-transport-security')).toBeNull()
    expect(page.headers.get('set-cookie')).toBeNull()
    expect((await fetch(`${base}/s/assets/kiosk-abc.js`)).status).toBe(200)
    expect((await fetch(`${base}/s/assets/kiosk-abc.css`)).status).toBe(200)
    for (const path of ['/s/assets/index-app.js', '/assets/index-app.js', '/index.html', '/', '/s/assets/..%2Findex.html', `/s/${token}/../../index.html`])
      expect((await fetch(`${base}${path}`)).status, path).toBe(404)
    const config = await (await fetch(`${base}/s/${token}/survey`)).json()
    expect(config).toEqual({ kind: 'qr', metric: 'nps', min: 0, max: 10, shopName: 'Phở Hà Nội', colour: '#aa3300', hasLogo: false, askComment: true, askContact: true })
  })

  it('stores an answer once through the feedback writer, however often it is sent, and says so live', async () => {
    const s = await survey()
    const base = await start()
    const url = `${base}/s/${s.links[0].token}/answers`
    const body = answer('retry-me', { score: 3, comment: 'Chờ lâu quá', consent: true, contact: { name: 'Lan', email: 'LAN@example.com', phone: '0901234567' } })
    expect((await post(url, body)).status).toBe(201)
    const again = await post(url, body)
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual({ ok: true, duplicate: true })
    const inbox = await app.api.call('feedback.list', {})
    expect(inbox.total).toBe(1)
    expect(inbox.items[0]).toMatchObject({ score: 3, comment: 'Chờ lâu quá', location: 'Hà Nội', touchpoint: 'counter', channel: 'store' })
    const rows = answersRows()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ survey_id: s.id, language: 'vi', contact_name: 'Lan', contact_email: 'lan@example.com', contact_phone: '0901234567', consent: 1 })
    const live = events.filter((e) => e.name === 'collection.answer')
    expect(live).toHaveLength(1)
    expect(live[0].payload).toMatchObject({ surveyId: s.id, score: 3, alert: true, contactable: true, location: 'Hà Nội' })
    expect((await app.api.call('collection.status', {})).answers).toBe(1)
    expect((await app.api.call('collection.surveys', {})).surveys[0].answers).toBe(1)
  })

  it('keeps no contact details without the consent tick, and never refuses the answer for it', async () => {
    const s = await survey()
    const base = await start()
    const res = await post(`${base}/s/${s.links[0].token}/answers`, answer('no-consent', { score: 10, contact: { email: 'x@example.com' } }))
    expect(res.status).toBe(201)
    expect(answersRows()[0]).toMatchObject({ consent: 0, contact_email: null, contact_name: null, contact_phone: null, consent_at: null })
    expect((await app.api.call('feedback.list', {})).items[0].score).toBe(10)
    expect(events.find((e) => e.name === 'collection.answer')?.payload).toMatchObject({ alert: false, contactable: false })
  })

  it('refuses scores off the survey’s scale, cross-site posts, other content types, extra fields and large bodies', async () => {
    const s = await survey('csat')
    const base = await start()
    const url = `${base}/s/${s.links[0].token}/answers`
    expect((await post(url, answer('off-scale', { score: 9 }))).status).toBe(400)
    expect((await post(url, answer('zero-csat', { score: 0 }))).status).toBe(400)
    expect((await post(url, answer('cross-site'), { origin: 'http://evil.example' })).status).toBe(403)
    expect((await post(url, answer('cross-site-2'), { 'sec-fetch-site': 'cross-site' })).status).toBe(403)
    expect((await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(answer('as-text')) })).status).toBe(415)
    expect((await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'id=aaaaaaaaaaaaaaaa&score=3' })).status).toBe(415)
    expect((await post(url, answer('extra-field', { admin: true }))).status).toBe(400)
    expect((await post(url, answer('string-score', { score: '3' }))).status).toBe(400)
    expect((await post(url, answer('big', { comment: 'x'.repeat(9_000) }))).status).toBe(413)
    expect((await post(url, answer('same-origin', { score: 4 }), { origin: new URL(base).origin })).status).toBe(201)
    expect((await app.api.call('feedback.list', {})).total).toBe(1)
  })

  it('answers 404 for a revoked link, page and answers alike, and again after undo', async () => {
    const s = await survey()
    const base = await start()
    const token = s.links[0].token
    await app.api.call('collection.revokeLink', { linkId: s.links[0].id, revoked: true })
    expect((await fetch(`${base}/s/${token}`)).status).toBe(404)
    expect((await fetch(`${base}/s/${token}/survey`)).status).toBe(404)
    expect((await post(`${base}/s/${token}/answers`, answer('revoked'))).status).toBe(404)
    await app.api.call('collection.revokeLink', { linkId: s.links[0].id, revoked: false })
    expect((await post(`${base}/s/${token}/answers`, answer('restored'))).status).toBe(201)
    expect((await fetch(`${base}/s/AAAAAAAAAAAAAAAAAAAAAAAA/survey`)).status).toBe(404)
  })

  it('stops when another workspace is opened, and says where it listened', async () => {
    await survey()
    const base = await start()
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    await app.ctx.session.createInMemory({ name: 'Other' })
    await new Promise((r) => setTimeout(r, 0))
    expect((await app.api.call('collection.status', {})).running).toBe(false)
    await expect(fetch(`${base}/`)).rejects.toThrow()
  })

  it('listens only on an address of this computer', async () => {
    await expect(app.api.call('collection.start', { host: '8.8.8.8', port: 0 })).rejects.toThrow(/not an address of this computer/)
  })
})

describe('rate limits', () => {
  beforeEach(() => setUp({ phone: 3, kiosk: 6, survey: 8, windowMs: 60_000 }))
  afterEach(async () => {
    await app.ctx.collection.stop()
    await app.cleanup()
    rmSync(pageDir, { recursive: true, force: true })
  })

  it('limits a phone per link, a paired kiosk higher, and the survey as a whole, with Retry-After', async () => {
    const s = await survey()
    const withKiosk = await app.api.call('collection.addLink', { surveyId: s.id, kind: 'kiosk' })
    const qr = withKiosk.links.find((l) => l.kind === 'qr')!.token
    const kiosk = withKiosk.links.find((l) => l.kind === 'kiosk')!.token
    const base = await start()
    const statuses = async (token: string, n: number, prefix: string) => {
      const out: number[] = []
      for (let i = 0; i < n; i++) out.push((await post(`${base}/s/${token}/answers`, answer(`${prefix}${i}`))).status)
      return out
    }
    expect(await statuses(qr, 4, 'qr')).toEqual([201, 201, 201, 429])
    const refused = await post(`${base}/s/${qr}/answers`, answer('qr-late'))
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    // The kiosk has its own, higher limit; the survey's limit (8) stops it after 5 more.
    expect(await statuses(kiosk, 6, 'k')).toEqual([201, 201, 201, 201, 201, 429])
    expect((await app.api.call('feedback.list', {})).total).toBe(8)
  })
})

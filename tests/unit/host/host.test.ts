import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { startHost, type RunningHost } from '../../../src-main/host/server'
import { testApp, type TestApp } from '../../helpers/context'

let app: TestApp
let host: RunningHost
const TOKEN = 'test-token-0123456789abcdef'

/** Raw HTTP, so tests can send the headers a browser never would (a wrong Host, no token). */
function send(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, method: opts.method ?? 'GET', path: opts.path, headers: { host: `127.0.0.1:${host.port}`, ...opts.headers } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', reject)
    req.end(opts.body)
  })
}
const invoke = (channel: string, payload: unknown, headers: Record<string, string> = {}) =>
  send({ method: 'POST', path: `/api/invoke/${channel}`, body: JSON.stringify(payload), headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, ...headers } })

beforeEach(async () => {
  app = testApp()
  await app.api.call('workspace.create', { name: 'Host' })
  const staticDir = join(app.dir, 'renderer')
  mkdirSync(staticDir)
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>CX Desk</title>')
  writeFileSync(join(app.dir, 'secret.txt'), 'do not serve')
  host = await startHost({ ctx: app.ctx, invoke: app.invoke, token: TOKEN, staticDir })
})
afterEach(async () => {
  await host.close()
  await app.cleanup()
})

describe('the HTTP host', () => {
  it('listens on the loopback interface only and prints a URL with the token', () => {
    const address = host.server.address()
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1')
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${TOKEN}`)
  })

  it('answers API calls that carry the token', async () => {
    const res = await invoke('workspace.current', {})
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, data: { name: 'Host' } })
  })

  it('refuses API calls without the token, or with a wrong one, with 401', async () => {
    expect((await invoke('workspace.current', {}, { authorization: '' })).status).toBe(401)
    expect((await invoke('workspace.current', {}, { authorization: `Bearer ${TOKEN}x` })).status).toBe(401)
    expect((await send({ path: `/api/events?token=${TOKEN}` })).status).toBe(401)
  })

  it('refuses a request whose Host header is not ours (DNS rebinding)', async () => {
    const res = await invoke('workspace.current', {}, { host: `attacker.example:${host.port}` })
    expect(res.status).toBe(421)
    expect((await send({ path: '/', headers: { host: 'evil.test' } })).status).toBe(421)
  })

  it('refuses cross-origin and cross-site requests even with the token', async () => {
    expect((await invoke('workspace.current', {}, { origin: 'https://evil.test' })).status).toBe(403)
    expect((await invoke('workspace.current', {}, { 'sec-fetch-site': 'cross-site' })).status).toBe(403)
    expect((await invoke('workspace.current', {}, { origin: `http://127.0.0.1:${host.port}`, 'sec-fetch-site': 'same-origin' })).status).toBe(200)
  })

  it('requires JSON for API calls and refuses oversized bodies', async () => {
    expect((await invoke('workspace.current', {}, { 'content-type': 'text/plain' })).status).toBe(415)
    const huge = await invoke('workspace.create', { name: 'x'.repeat(2 * 1024 * 1024) })
    expect(huge.status).toBe(413)
  })

  it('returns validation errors as values', async () => {
    const res = await invoke('feedback.list', { limit: 'many' })
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('serves the app with a Content-Security-Policy, and nothing outside its folder', async () => {
    const page = await send({ path: '/' })
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toContain("default-src 'self'")
    expect(page.headers['x-content-type-options']).toBe('nosniff')
    const escape = await send({ path: '/..%2fsecret.txt' })
    expect(escape.body).not.toContain('do not serve')
  })

  it('accepts an upload and imports it through the same dispatcher', async () => {
    const csv = readFileSync(join(__dirname, '../../fixtures/generator-400.csv'))
    const up = await send({ method: 'POST', path: '/api/files?name=responses.csv', body: csv, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/csv' } })
    const ref = JSON.parse(up.body)
    expect(ref).toMatchObject({ ok: true, data: { name: 'responses.csv', size: csv.length } })
    const res = await invoke('import.run', { fileId: ref.data.id })
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, data: { imported: 400 } })
  })

  it('streams push events to a token holder', async () => {
    const events: string[] = []
    await new Promise<void>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: '/api/events', headers: { host: `127.0.0.1:${host.port}`, authorization: `Bearer ${TOKEN}` } }, (res) => {
        res.on('data', (c) => {
          events.push(String(c))
          if (events.join('').includes('workspace.changed')) {
            req.destroy()
            resolve()
          }
        })
        // Once connected, cause an event.
        setTimeout(() => void app.api.call('workspace.close', {}), 50)
      })
      req.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'ECONNRESET' ? resolve() : reject(e)))
      req.end()
    })
    expect(events.join('')).toContain('"name":"workspace.changed"')
  })

  it('downloads a copy of the open workspace', async () => {
    const res = await send({ path: '/api/workspace/copy', headers: { authorization: `Bearer ${TOKEN}` } })
    expect(res.status).toBe(200)
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''Host.cxdesk")
    expect(res.body.startsWith('SQLite format 3')).toBe(true)
  })
})

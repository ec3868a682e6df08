import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fake } from '../../helpers/fakeElectron'
import { APP_SCHEME, registerAppScheme, serveRenderer } from '../../../src-main/electron/protocol'
import { RENDERER_CSP } from '../../../src-main/app/csp'

vi.mock('electron', () => import('../../helpers/fakeElectron'))

let dir: string
let rendererDir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxdesk-protocol-'))
  rendererDir = join(dir, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>CX Desk</title>')
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(dir, 'secret.txt'), 'do not serve')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))
beforeEach(() => {
  fake.reset()
  serveRenderer(rendererDir)
})

const get = (url: string) => Promise.resolve(fake.protocolHandlers.get(APP_SCHEME)!(new Request(url)))

describe('the app:// protocol', () => {
  it('is registered as a standard, secure scheme', () => {
    registerAppScheme()
    expect(fake.privilegedSchemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }])
  })

  it('serves the page with the renderer’s Content-Security-Policy', async () => {
    for (const url of ['app://cxdesk/', 'app://cxdesk/index.html']) {
      const res = await get(url)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-security-policy')).toBe(RENDERER_CSP)
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    }
    expect(RENDERER_CSP).toContain("default-src 'self'")
    expect(RENDERER_CSP).toContain("script-src 'self'")
    expect(RENDERER_CSP).toContain("object-src 'none'")
    expect(RENDERER_CSP).toContain("frame-ancestors 'none'")
    expect(RENDERER_CSP).not.toMatch(/unsafe-(inline|eval)/)
  })

  it('serves assets with their type, and nothing outside the renderer folder or another host', async () => {
    const js = await get('app://cxdesk/assets/app.js')
    expect(js.headers.get('content-type')).toContain('text/javascript')
    for (const url of ['app://cxdesk/..%2fsecret.txt', 'app://cxdesk/%2e%2e/secret.txt', 'app://cxdesk/assets/..%2f..%2fsecret.txt', 'app://other/index.html']) {
      const res = await get(url)
      expect(res.status, url).toBeGreaterThanOrEqual(400)
      expect(await res.text(), url).not.toContain('do not serve')
    }
  })

  it('answers a bad %-escape with 400 instead of throwing', async () => {
    expect((await get('app://cxdesk/%E0%A4%A')).status).toBe(400)
  })
})

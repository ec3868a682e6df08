import { protocol } from 'electron'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { RENDERER_CSP } from '../app/csp'

export const APP_SCHEME = 'app'
export const APP_ORIGIN = 'app://cxdesk'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
}

/** Must run before the app is ready: app:// behaves like a secure, standard origin (fetch, storage). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
}

/** Serves the built renderer from app://cxdesk/ with the CSP header; nothing outside the folder. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    if (url.host !== 'cxdesk') return new Response('Not found', { status: 404 })
    let rel: string
    try {
      rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)
    } catch {
      return new Response('Bad request', { status: 400 })
    }
    const file = normalize(join(rendererDir, rel))
    if (!file.startsWith(rendererDir + sep)) return new Response('Forbidden', { status: 403 })
    try {
      const body = await readFile(file)
      const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'x-content-type-options': 'nosniff' }
      if (extname(file) === '.html') headers['content-security-policy'] = RENDERER_CSP
      return new Response(body, { headers })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  })
}

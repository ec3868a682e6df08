import { createReadStream, existsSync, statSync } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { ServerResponse } from 'node:http'
import { RENDERER_CSP } from '../app/csp'
import { HttpError } from './respond'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
}

/** Serves the built renderer; any path outside the folder is refused, unknown paths get index.html. */
export async function serveStatic(root: string, urlPath: string, res: ServerResponse): Promise<void> {
  let rel: string
  try {
    rel = decodeURIComponent(urlPath.split('?')[0])
  } catch {
    throw new HttpError(400, 'The request path has an invalid %-escape.')
  }
  let file = normalize(join(root, rel))
  if (!file.startsWith(root + sep) && file !== root) throw new HttpError(403, 'Outside the app folder')
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html')
  if (!existsSync(file)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('The app has not been built yet. Run: npm run build')
    return
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream'
  const headers: Record<string, string> = { 'content-type': type }
  if (type.startsWith('text/html')) {
    headers['content-security-policy'] = RENDERER_CSP
    headers['cache-control'] = 'no-store'
  } else if (rel.startsWith('/assets/')) headers['cache-control'] = 'public, max-age=31536000, immutable'
  res.writeHead(200, headers)
  await pipeline(createReadStream(file), res)
}

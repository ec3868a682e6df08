import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RawInvoke } from '../../src-shared/api/contract'
import type { AppContext } from '../app/context'
import { readBody } from './body'
import type { HostLimits } from './limits'
import { HttpError, sendJson } from './respond'
import { checkHost, checkOrigin, checkToken, type Refusal } from './security'
import { serveStatic } from './staticFiles'
import { streamEvents } from './eventStream'
import { receiveUpload, sendDownload, sendWorkspaceCopy } from './transfers'

export interface RouteDeps {
  ctx: AppContext
  invoke: RawInvoke
  token: string
  staticDir: string
  limits: HostLimits
  /** Known only once the server listens (port 0 picks one). */
  port(): number
}

const refused = (r: Refusal) => new HttpError(r.status, r.message)

/** Request targets are origin-form (/path) or absolute-form (http://host/path); anything URL cannot read is a bad request. */
function parseTarget(raw: string | undefined, port: number): URL {
  try {
    return new URL(raw ?? '/', `http://127.0.0.1:${port}`)
  } catch {
    throw new HttpError(400, 'The request target is not a valid URL.')
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    throw new HttpError(400, 'The request path has an invalid %-escape.')
  }
}

/**
 * One request, from checks to answer. Everything it throws is answered by the caller
 * (answerFailure): HttpErrors with their status, anything else with 500.
 */
export async function route(req: IncomingMessage, res: ServerResponse, deps: RouteDeps): Promise<void> {
  const { ctx, invoke, token, staticDir, limits } = deps
  const port = deps.port()
  const hostRefusal = checkHost(req, port)
  if (hostRefusal) throw refused(hostRefusal)
  const url = parseTarget(req.url, port)
  if (!url.pathname.startsWith('/api/')) {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Method not allowed')
    return serveStatic(staticDir, url.pathname, res)
  }
  const refusal = checkOrigin(req, port) ?? checkToken(req, token)
  if (refusal) throw refused(refusal)
  if (req.method === 'POST' && url.pathname.startsWith('/api/invoke/')) {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) throw new HttpError(415, 'Send application/json')
    const channel = decodeSegment(url.pathname.slice('/api/invoke/'.length))
    const payload = await readJson(req, res, limits)
    return sendJson(res, 200, await invoke(channel, payload))
  }
  if (req.method === 'GET' && url.pathname === '/api/events') return streamEvents(ctx, req, res)
  if (req.method === 'POST' && url.pathname === '/api/files') return receiveUpload(ctx, url, req, res, limits)
  if (req.method === 'GET' && url.pathname === '/api/workspace/copy') return sendWorkspaceCopy(ctx, res)
  if (req.method === 'GET' && (url.pathname === '/api/reports/download' || url.pathname === '/api/export/download')) return sendDownload(url, res)
  throw new HttpError(404, 'No such API route')
}

async function readJson(req: IncomingMessage, res: ServerResponse, limits: HostLimits): Promise<unknown> {
  const chunks: Buffer[] = []
  await readBody(req, { maxBytes: limits.maxJsonBytes, idleMs: limits.bodyIdleTimeoutMs, totalMs: limits.jsonBodyTimeoutMs }, (chunk) => void chunks.push(chunk))
  // The whole body is in: this connection can carry the next request.
  res.removeHeader('connection')
  const text = Buffer.concat(chunks).toString('utf8')
  if (!text) return undefined
  try {
    return JSON.parse(text)
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.')
  }
}

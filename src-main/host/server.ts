import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createReadStream, createWriteStream, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { pipeline } from 'node:stream/promises'
import type { RawInvoke } from '../../src-shared/api/contract'
import type { AppContext } from '../app/context'
import { writeSnapshot } from '../services/workspaceActions'
import { takeDownload } from '../reports/downloads'
import { checkHost, checkOrigin, checkToken, type Refusal } from './security'
import { serveStatic } from './staticFiles'

const MAX_JSON_BYTES = 1 << 20
const MAX_UPLOAD_BYTES = 4 * 1024 ** 3

export interface HostOptions {
  ctx: AppContext
  invoke: RawInvoke
  token: string
  staticDir: string
  port?: number
}

export interface RunningHost {
  server: Server
  port: number
  url: string
  close(): Promise<void>
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body))
}

function refuse(res: ServerResponse, r: Refusal): void {
  sendJson(res, r.status, { ok: false, error: { code: r.status === 401 ? 'UNAUTHORIZED' : 'VALIDATION', message: r.message } })
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_JSON_BYTES) throw Object.assign(new Error('Request body too large'), { status: 413 })
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (!text) return undefined
  try {
    return JSON.parse(text)
  } catch {
    throw Object.assign(new Error('Request body is not JSON'), { status: 400 })
  }
}

/**
 * The browser transport: the same dispatcher as the desktop's IPC, over HTTP on 127.0.0.1.
 * Static files are public (they hold no data); every /api call needs the per-launch token and a
 * same-origin request.
 */
export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const { ctx, invoke, token, staticDir } = opts
  let port = opts.port ?? 0

  const server = createServer(async (req, res) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v)
    const hostRefusal = checkHost(req, port)
    if (hostRefusal) return refuse(res, hostRefusal)
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, { status: 405, message: 'Method not allowed' })
      return serveStatic(staticDir, url.pathname, res)
    }
    const refusal = checkOrigin(req, port) ?? checkToken(req, token)
    if (refusal) return refuse(res, refusal)
    try {
      if (req.method === 'POST' && url.pathname.startsWith('/api/invoke/')) {
        if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
          return refuse(res, { status: 415, message: 'Send application/json' })
        const channel = decodeURIComponent(url.pathname.slice('/api/invoke/'.length))
        const result = await invoke(channel, await readJson(req))
        return sendJson(res, 200, result)
      }
      if (req.method === 'GET' && url.pathname === '/api/events') return streamEvents(ctx, req, res)
      if (req.method === 'POST' && url.pathname === '/api/files') return await receiveUpload(ctx, url, req, res)
      if (req.method === 'GET' && url.pathname === '/api/workspace/copy') return await sendWorkspaceCopy(ctx, res)
      if (req.method === 'GET' && url.pathname === '/api/reports/download') return await sendReport(url, res)
      return refuse(res, { status: 404, message: 'No such API route' })
    } catch (e) {
      const status = (e as { status?: number }).status ?? 500
      if (!res.headersSent) sendJson(res, status, { ok: false, error: { code: status === 500 ? 'INTERNAL' : 'VALIDATION', message: (e as Error).message } })
      else res.destroy()
    }
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  port = typeof address === 'object' && address ? address.port : port
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function streamEvents(ctx: AppContext, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' })
  res.write(': connected\n\n')
  const unsubscribe = ctx.events.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`))
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 25_000)
  req.on('close', () => {
    clearInterval(heartbeat)
    unsubscribe()
  })
}

async function receiveUpload(ctx: AppContext, url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const name = (url.searchParams.get('name') ?? 'upload.csv').slice(0, 255)
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > MAX_UPLOAD_BYTES) return refuse(res, { status: 413, message: 'File too large' })
  mkdirSync(ctx.paths.uploadsDir, { recursive: true })
  const path = join(ctx.paths.uploadsDir, randomBytes(12).toString('hex'))
  try {
    await pipeline(req, createWriteStream(path))
  } catch (e) {
    rmSync(path, { force: true })
    throw e
  }
  sendJson(res, 200, { ok: true, data: ctx.files.register(path, name) })
}

async function sendWorkspaceCopy(ctx: AppContext, res: ServerResponse): Promise<void> {
  const open = ctx.session.open
  if (!open) return sendJson(res, 409, { ok: false, error: { code: 'NO_WORKSPACE', message: 'No workspace is open.' } })
  mkdirSync(ctx.paths.uploadsDir, { recursive: true })
  const tmp = join(ctx.paths.uploadsDir, `copy-${randomBytes(8).toString('hex')}.cxdesk`)
  await writeSnapshot(open.ws.sqlite, tmp, ctx.sqlite.nativeBinding)
  const fileName = `${open.settings.name}.cxdesk`
  res.writeHead(200, {
    'content-type': 'application/vnd.sqlite3',
    'content-disposition': `attachment; filename="workspace.cxdesk"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    'cache-control': 'no-store',
  })
  try {
    await pipeline(createReadStream(tmp), res)
  } finally {
    rmSync(tmp, { force: true })
  }
}

/** A finished PDF report, once: the file is deleted after it has been sent. */
async function sendReport(url: URL, res: ServerResponse): Promise<void> {
  let download: ReturnType<typeof takeDownload>
  try {
    download = takeDownload(url.searchParams.get('id') ?? '')
  } catch (e) {
    return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: (e as Error).message } })
  }
  res.writeHead(200, {
    'content-type': 'application/pdf',
    'content-disposition': `attachment; filename="report.pdf"; filename*=UTF-8''${encodeURIComponent(download.fileName)}`,
    'cache-control': 'no-store',
  })
  try {
    await pipeline(createReadStream(download.path), res)
  } finally {
    download.done()
  }
}

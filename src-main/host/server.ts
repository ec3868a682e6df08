import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import type { RawInvoke } from '../../src-shared/api/contract'
import type { AppContext } from '../app/context'
import { DEFAULT_HOST_LIMITS, type HostLimits } from './limits'
import { answerFailure } from './respond'
import { route } from './routes'

export interface HostOptions {
  ctx: AppContext
  invoke: RawInvoke
  token: string
  staticDir: string
  port?: number
  /** Tests shorten the timeouts and caps; production uses the defaults. */
  limits?: Partial<HostLimits>
  /** Where defects of ours are reported (a request that failed with something other than an HttpError). */
  log?: (message: string, error: unknown) => void
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

/** A body the route may never read: if it does not, the connection is closed after the answer instead of waiting for it. */
const carriesBody = (req: IncomingMessage) => req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0

/**
 * The browser transport: the same dispatcher as the desktop's IPC, over HTTP on 127.0.0.1.
 * Static files are public (they hold no data); every /api call needs the per-launch token and a
 * same-origin request. No request can end or hold the host: each runs inside one error boundary
 * that answers whatever escapes, unparsable requests are answered by `clientError`, and slow or
 * silent clients are cut by the limits (limits.ts).
 */
export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const limits: HostLimits = { ...DEFAULT_HOST_LIMITS, ...opts.limits }
  const log = opts.log ?? ((message, error) => console.error(message, error))
  let port = opts.port ?? 0
  const deps = { ctx: opts.ctx, invoke: opts.invoke, token: opts.token, staticDir: opts.staticDir, limits, port: () => port }

  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      // Bodies are timed by the routes that read them (an upload may rightly take minutes; the event stream has no end).
      requestTimeout: 0,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.checkIntervalMs,
      maxHeaderSize: limits.maxHeaderBytes,
    },
    (req: IncomingMessage, res: ServerResponse) => {
      // Errors on the streams themselves (a reset mid-answer) must not become uncaught exceptions.
      req.on('error', () => undefined)
      res.on('error', () => undefined)
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v)
      if (carriesBody(req)) res.setHeader('connection', 'close')
      route(req, res, deps).catch((e: unknown) => {
        try {
          answerFailure(res, e, log)
        } catch (last) {
          log('[host] could not answer a failed request', last)
          res.destroy()
        }
      })
    },
  )
  // A client that sends its request and then shuts its side (nc, some scripts) still gets its
  // answer; by default Node drops such requests unanswered. (Long-standing, if undocumented.)
  ;(server as Server & { httpAllowHalfOpen: boolean }).httpAllowHalfOpen = true
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => answerClientError(err, socket))

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  port = typeof address === 'object' && address ? address.port : port
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}/?token=${opts.token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

const CLIENT_ERROR_STATUS: Record<string, number> = {
  HPE_HEADER_OVERFLOW: 431,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
}
const CLIENT_ERROR_MESSAGE: Record<number, string> = {
  400: 'The request could not be read as HTTP.',
  408: 'The request did not arrive in time.',
  413: 'The request is too large.',
  431: 'The request headers are too large.',
}

/**
 * What Node's parser could not read (a broken request line, bad headers, chunked garbage) or a
 * client too slow to send its headers: a plain answer written to the socket, then it is closed.
 */
function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  // A reset peer is gone; an answer already started on this socket cannot be replaced by another.
  const answering = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent
  if (err.code === 'ECONNRESET' || !socket.writable || answering) return void socket.destroy()
  const status = CLIENT_ERROR_STATUS[err.code ?? ''] ?? 400
  const body = JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: CLIENT_ERROR_MESSAGE[status] } })
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
      `cache-control: no-store\r\nconnection: close\r\n\r\n${body}`,
  )
  // The server keeps sockets half-open; one that never closes its side must not linger.
  socket.once('finish', () => socket.destroy())
}

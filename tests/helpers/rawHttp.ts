import { connect, type Socket } from 'node:net'

export interface RawAnswer {
  /** Null when the host sent nothing that reads as a response. */
  status: number | null
  headers: Record<string, string>
  body: string
  /** The host closed the connection (by the time the call returned). */
  closed: boolean
  /** From the first byte written to the answer (or to the close, with until: 'close'). */
  ms: number
}

export interface RawOptions {
  /** Resolve once a whole response is in ('response'), or once the host closed the socket ('close'). */
  until?: 'response' | 'close'
  /** A guard so a host that hangs fails the test with a message rather than the test timeout. */
  deadlineMs?: number
  /** Writes the request; may keep writing slowly (a slowloris) until the socket closes. */
  write?: (socket: Socket) => void | Promise<void>
  /** Bytes to send at once (instead of `write`). */
  send?: string | Buffer
}

function parse(buffer: Buffer): { status: number | null; headers: Record<string, string>; body: string; complete: boolean } {
  const text = buffer.toString('latin1')
  const cut = text.indexOf('\r\n\r\n')
  if (cut < 0) return { status: null, headers: {}, body: '', complete: false }
  const [statusLine, ...lines] = text.slice(0, cut).split('\r\n')
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? NaN)
  const headers: Record<string, string> = {}
  for (const line of lines) {
    const i = line.indexOf(':')
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim()
  }
  const raw = buffer.subarray(cut + 4)
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) return { status: Number.isNaN(status) ? null : status, headers, ...unchunk(raw) }
  const length = headers['content-length'] === undefined ? null : Number(headers['content-length'])
  const complete = length !== null && raw.length >= length
  return { status: Number.isNaN(status) ? null : status, headers, body: raw.subarray(0, length ?? raw.length).toString('utf8'), complete }
}

function unchunk(raw: Buffer): { body: string; complete: boolean } {
  const parts: Buffer[] = []
  let at = 0
  for (;;) {
    const eol = raw.indexOf('\r\n', at)
    if (eol < 0) return { body: Buffer.concat(parts).toString('utf8'), complete: false }
    const size = parseInt(raw.subarray(at, eol).toString('latin1'), 16)
    if (size === 0) return { body: Buffer.concat(parts).toString('utf8'), complete: true }
    if (raw.length < eol + 2 + size) return { body: Buffer.concat([...parts, raw.subarray(eol + 2)]).toString('utf8'), complete: false }
    parts.push(raw.subarray(eol + 2, eol + 2 + size))
    at = eol + 2 + size + 2
  }
}

/**
 * One exchange over a raw TCP socket, so a test can send what no HTTP client would: broken request
 * lines, lying lengths, chunked garbage, bytes trickling in, a socket closed half-way.
 */
export function rawRequest(port: number, opts: RawOptions): Promise<RawAnswer> {
  const until = opts.until ?? 'response'
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    let closed = false
    let done = false
    const t0 = performance.now()
    const finish = () => {
      if (done) return
      done = true
      clearTimeout(deadline)
      const answer = parse(Buffer.concat(chunks))
      resolve({ status: answer.status, headers: answer.headers, body: answer.body, closed, ms: performance.now() - t0 })
      if (!closed) socket.destroy()
    }
    const deadline = setTimeout(() => {
      if (done) return
      done = true
      socket.destroy()
      reject(new Error(`no ${until} within ${opts.deadlineMs ?? 10_000} ms; received: ${JSON.stringify(Buffer.concat(chunks).toString('latin1').slice(0, 300))}`))
    }, opts.deadlineMs ?? 10_000)
    socket.on('data', (d: Buffer) => {
      chunks.push(d)
      if (until === 'response' && parse(Buffer.concat(chunks)).complete) finish()
    })
    socket.on('error', () => undefined)
    socket.on('close', () => {
      closed = true
      finish()
    })
    socket.on('connect', () => {
      if (opts.send !== undefined) socket.write(opts.send)
      if (opts.write) Promise.resolve(opts.write(socket)).catch(() => undefined)
    })
  })
}

/** Waits until the socket has closed or `ms` passed; resolves true when it closed. */
export function closedWithin(socket: Socket, ms: number): Promise<boolean> {
  if (socket.destroyed) return Promise.resolve(true)
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms)
    socket.once('close', () => {
      clearTimeout(timer)
      resolve(true)
    })
  })
}

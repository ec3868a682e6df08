import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startHost, type RunningHost } from '../../../src-main/host/server'
import { DEFAULT_HOST_LIMITS, type HostLimits } from '../../../src-main/host/limits'
import { testApp, type TestApp } from '../../helpers/context'
import { rawRequest } from '../../helpers/rawHttp'
import { AppError } from '../../../src-shared/api/result'

const TOKEN = 'test-token-0123456789abcdef'
/** Short limits, so the timing cases take a fraction of a second; the defaults are checked separately. */
const FAST: Partial<HostLimits> = {
  headersTimeoutMs: 300,
  checkIntervalMs: 50,
  bodyIdleTimeoutMs: 300,
  jsonBodyTimeoutMs: 600,
  maxUploadBytes: 64 * 1024,
  maxJsonBytes: 32 * 1024,
}

let app: TestApp
let host: RunningHost
const logged: unknown[] = []

async function start(limits: Partial<HostLimits>) {
  host = await startHost({ ctx: app.ctx, invoke: app.invoke, token: TOKEN, staticDir: join(app.dir, 'renderer'), limits, log: (_m, e) => logged.push(e) })
}

// One workspace for the file: creating one costs seconds, and no case here may change it anyway.
beforeAll(async () => {
  app = testApp()
  await app.api.call('workspace.create', { name: 'Limits' })
  mkdirSync(join(app.dir, 'renderer'))
  writeFileSync(join(app.dir, 'renderer', 'index.html'), '<!doctype html><title>CX Desk</title>')
  await start(FAST)
})
afterAll(async () => {
  await host.close()
  await app.cleanup()
})

const head = (lines: string[]) => `${lines.join('\r\n')}\r\n\r\n`
const hostHeader = () => `Host: 127.0.0.1:${host.port}`
const auth = `Authorization: Bearer ${TOKEN}`
const json = (text: string) => JSON.parse(text) as { ok: boolean; data?: unknown; error?: { code: string; message: string } }

/** A valid call over a fresh connection: the proof, after each case, that the host still serves. */
async function stillServes() {
  const body = '{}'
  const res = await rawRequest(host.port, {
    send: head(['POST /api/invoke/workspace.current HTTP/1.1', hostHeader(), auth, 'Content-Type: application/json', `Content-Length: ${body.length}`]) + body,
  })
  expect(res.status).toBe(200)
  expect(json(res.body)).toMatchObject({ ok: true, data: { name: 'Limits' } })
}

describe('the host answers every request and survives (defect 2)', () => {
  it('answers an absolute-form target URL cannot parse with 400, and keeps serving', async () => {
    const res = await rawRequest(host.port, { send: head(['GET http://[ HTTP/1.1', hostHeader()]) })
    expect(res.status).toBe(400)
    expect(json(res.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    await stillServes()
  })

  it('answers a request line the parser cannot read with 400 JSON and closes (clientError)', async () => {
    for (const line of ['GARBAGE', 'GET / HTTP/9.9', 'GET  HTTP/1.1', '\u0000\u0001\u0002 / HTTP/1.1']) {
      const res = await rawRequest(host.port, { send: head([line, hostHeader()]), until: 'close' })
      expect(res.status, line).toBe(400)
      expect(json(res.body), line).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
    await stillServes()
  })

  it('answers headers over the limit with 431', async () => {
    const res = await rawRequest(host.port, { send: head(['GET / HTTP/1.1', hostHeader(), `X-Big: ${'a'.repeat(DEFAULT_HOST_LIMITS.maxHeaderBytes + 10)}`]), until: 'close' })
    expect(res.status).toBe(431)
    await stillServes()
  })

  it('answers a bad %-escape in the channel with 400, not 500 (defect 5)', async () => {
    const res = await rawRequest(host.port, {
      send: head(['POST /api/invoke/feedback.%E0%A4%A HTTP/1.1', hostHeader(), auth, 'Content-Type: application/json', 'Content-Length: 2']) + '{}',
    })
    expect(res.status).toBe(400)
    expect(json(res.body).error?.message).toMatch(/%-escape/)
    expect(logged).toEqual([])
  })

  it('answers a bad %-escape in a static path with 400', async () => {
    const res = await rawRequest(host.port, { send: head(['GET /%zz HTTP/1.1', hostHeader()]) })
    expect(res.status).toBe(400)
  })

  it('answers 500 JSON and keeps serving when a handler throws something unexpected', async () => {
    const failing = await startHost({
      ctx: app.ctx,
      invoke: () => Promise.reject(new TypeError('boom')),
      token: TOKEN,
      staticDir: join(app.dir, 'renderer'),
      limits: FAST,
      log: (_m, e) => logged.push(e),
    })
    try {
      const call = head(['POST /api/invoke/workspace.current HTTP/1.1', `Host: 127.0.0.1:${failing.port}`, auth, 'Content-Type: application/json', 'Content-Length: 2']) + '{}'
      const res = await rawRequest(failing.port, { send: call })
      expect(res.status).toBe(500)
      expect(json(res.body)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
      expect(logged).toEqual([new TypeError('boom')])
      const again = await rawRequest(failing.port, { send: head(['GET / HTTP/1.1', `Host: 127.0.0.1:${failing.port}`]) })
      expect(again.status).toBe(200)
    } finally {
      await failing.close()
      logged.length = 0
    }
  })
})

describe('failures of the app itself', () => {
  it('answers an AppError that escapes a route with its own code and words, without logging it as a defect', async () => {
    const failing = await startHost({
      ctx: app.ctx,
      invoke: () => Promise.reject(new AppError('IO', 'Could not save the copy: disk full')),
      token: TOKEN,
      staticDir: join(app.dir, 'renderer'),
      limits: FAST,
      log: (_m, e) => logged.push(e),
    })
    try {
      const res = await rawRequest(failing.port, {
        send: head(['POST /api/invoke/workspace.current HTTP/1.1', `Host: 127.0.0.1:${failing.port}`, auth, 'Content-Type: application/json', 'Content-Length: 2']) + '{}',
      })
      expect(res.status).toBe(500)
      expect(json(res.body)).toEqual({ ok: false, error: { code: 'IO', message: 'Could not save the copy: disk full' } })
      expect(logged).toEqual([])
    } finally {
      await failing.close()
    }
  })
})

describe('bodies are capped and timed (defect 5)', () => {
  it('answers 413 to an oversized JSON body on a keep-alive connection and closes it at once', async () => {
    const size = 40 * 1024
    const res = await rawRequest(host.port, {
      send: head(['POST /api/invoke/workspace.create HTTP/1.1', hostHeader(), auth, 'Content-Type: application/json', 'Connection: keep-alive', `Content-Length: ${size}`]) + 'x'.repeat(size),
      until: 'close',
      deadlineMs: 3_000,
    })
    expect(res.status).toBe(413)
    expect(res.headers.connection).toBe('close')
    expect(res.closed).toBe(true)
    expect(res.ms).toBeLessThan(1_000)
    await stillServes()
  })

  it('answers 413 to a declared length over the cap before reading any of it', async () => {
    const res = await rawRequest(host.port, {
      send: head(['POST /api/invoke/workspace.create HTTP/1.1', hostHeader(), auth, 'Content-Type: application/json', `Content-Length: ${10 * 1024 ** 3}`]),
      until: 'close',
      deadlineMs: 3_000,
    })
    expect(res.status).toBe(413)
  })

  it('caps a chunked JSON body (no content-length) while it streams', async () => {
    const res = await rawRequest(host.port, {
      write: async (socket) => {
        socket.write(head(['POST /api/invoke/workspace.create HTTP/1.1', hostHeader(), auth, 'Content-Type: application/json', 'Transfer-Encoding: chunked']))
        const chunk = 'a'.repeat(4096)
        for (let i = 0; i < 64 && !socket.destroyed; i++) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`)
      },
      until: 'close',
      deadlineMs: 3_000,
    })
    expect(res.status).toBe(413)
    await stillServes()
  })

  it('caps a chunked upload while it streams and removes the partial file', async () => {
    const before = uploads()
    const res = await rawRequest(host.port, {
      write: async (socket) => {
        socket.write(head(['POST /api/files?name=big.csv HTTP/1.1', hostHeader(), auth, 'Content-Type: text/csv', 'Transfer-Encoding: chunked']))
        const chunk = 'b'.repeat(8192)
        for (let i = 0; i < 64 && !socket.destroyed; i++) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`)
      },
      until: 'close',
      deadlineMs: 3_000,
    })
    expect(res.status).toBe(413)
    expect(uploads()).toEqual(before)
    await stillServes()
  })

  it('accepts a chunked upload under the cap', async () => {
    const before = uploads()
    const res = await rawRequest(host.port, {
      send:
        head(['POST /api/files?name=small.csv HTTP/1.1', hostHeader(), auth, 'Content-Type: text/csv', 'Transfer-Encoding: chunked']) + '5\r\na,b\r\n\r\n0\r\n\r\n',
    })
    expect(res.status).toBe(200)
    expect(json(res.body)).toMatchObject({ ok: true, data: { name: 'small.csv', size: 5 } })
    expect(uploads()).toHaveLength(before.length + 1)
  })

  it('answers 408 to a body shorter than its content-length, and removes a partial upload', async () => {
    const before = uploads()
    const json408 = await rawRequest(host.port, {
      send: head(['POST /api/invoke/workspace.current HTTP/1.1', hostHeader(), auth, 'Content-Type: application/json', 'Content-Length: 100']) + '{',
      until: 'close',
    })
    expect(json408.status).toBe(408)
    const upload408 = await rawRequest(host.port, {
      send: head(['POST /api/files?name=cut.csv HTTP/1.1', hostHeader(), auth, 'Content-Type: text/csv', 'Content-Length: 1000']) + 'a,b\n1,2\n',
      until: 'close',
    })
    expect(upload408.status).toBe(408)
    expect(uploads()).toEqual(before)
  })

  it('answers 408 to a JSON body trickling in too slowly, even though bytes keep coming', async () => {
    const res = await rawRequest(host.port, {
      write: async (socket) => {
        socket.write(head(['POST /api/invoke/workspace.current HTTP/1.1', hostHeader(), auth, 'Content-Type: application/json', 'Content-Length: 1000']))
        // The slow writer under test: a byte every 100 ms, never idle for the idle limit, never done.
        while (!socket.destroyed) await new Promise<void>((r) => socket.write(' ', () => setTimeout(r, 100)))
      },
      until: 'close',
    })
    expect(res.status).toBe(408)
    expect(res.ms).toBeLessThan(FAST.jsonBodyTimeoutMs! + 1_000)
  })

  it('removes an upload whose client went away mid-body', async () => {
    const before = uploads()
    await rawRequest(host.port, {
      write: (socket) => {
        socket.write(head(['POST /api/files?name=gone.csv HTTP/1.1', hostHeader(), auth, 'Content-Type: text/csv', 'Content-Length: 100000']) + 'a,b\n')
        socket.destroy()
      },
      until: 'close',
    })
    await stillServes()
    // The host notices the close on its own time; wait for that, not for a fixed delay.
    await expect.poll(uploads, { timeout: 3_000 }).toEqual(before)
  })
})

describe('slow, silent and half-closed clients', () => {
  it('closes a silent connection and a slowloris (headers trickling in) with 408, within the header limit', async () => {
    const silent = rawRequest(host.port, { until: 'close' })
    const slowloris = rawRequest(host.port, {
      write: async (socket) => {
        socket.write(`GET / HTTP/1.1\r\n${hostHeader()}\r\n`)
        // The client under test: a header line every 50 ms, never finishing.
        for (let i = 0; !socket.destroyed; i++) await new Promise<void>((r) => socket.write(`X-${i}: a\r\n`, () => setTimeout(r, 50)))
      },
      until: 'close',
    })
    for (const res of await Promise.all([silent, slowloris])) {
      expect(res.status).toBe(408)
      expect(res.closed).toBe(true)
      expect(res.ms).toBeLessThan(FAST.headersTimeoutMs! + FAST.checkIntervalMs! + 500)
    }
    await stillServes()
  })

  it('answers a client that half-closed its side after sending, and writes nothing from a body cut short', async () => {
    const page = await rawRequest(host.port, { write: (socket) => void socket.end(head(['GET / HTTP/1.1', hostHeader()])), until: 'close', deadlineMs: 3_000 })
    expect(page.status).toBe(200)
    const call = await rawRequest(host.port, {
      write: (socket) => void socket.end(head(['POST /api/invoke/workspace.current HTTP/1.1', hostHeader(), auth, 'Content-Type: application/json', 'Content-Length: 2']) + '{}'),
      until: 'close',
      deadlineMs: 3_000,
    })
    expect(call.status).toBe(200)
    expect(json(call.body)).toMatchObject({ ok: true })
    const before = uploads()
    const cut = await rawRequest(host.port, {
      write: (socket) => void socket.end(head(['POST /api/files?name=cut.csv HTTP/1.1', hostHeader(), auth, 'Content-Type: text/csv', 'Content-Length: 500']) + 'a,b\n'),
      until: 'close',
      deadlineMs: 3_000,
    })
    expect(cut.status).toBe(400)
    await expect.poll(uploads, { timeout: 3_000 }).toEqual(before)
    await stillServes()
  })

  it('keeps the event stream open past every timeout, delivers events, and cleans up when it closes', async () => {
    const unsubscribed = vi.fn()
    const subscribe = app.ctx.events.subscribe.bind(app.ctx.events)
    const spy = vi.spyOn(app.ctx.events, 'subscribe').mockImplementation((listener) => {
      const off = subscribe(listener)
      return () => {
        unsubscribed()
        return off()
      }
    })
    try {
      let stream = ''
      let socketOf: import('node:net').Socket | undefined
      const streamed = rawRequest(host.port, {
        write: (socket) => {
          socketOf = socket
          socket.on('data', (d: Buffer) => (stream += d.toString('utf8')))
          socket.write(head(['GET /api/events HTTP/1.1', hostHeader(), auth]))
        },
        until: 'close',
        deadlineMs: 10_000,
      })
      await expect.poll(() => stream, { timeout: 3_000 }).toContain(': connected')
      // Let the host's own timeouts fire on other connections (the signal that enough time passed).
      const silent = await rawRequest(host.port, { until: 'close' })
      expect(silent.status).toBe(408)
      const idleBody = await rawRequest(host.port, {
        send: head(['POST /api/invoke/workspace.current HTTP/1.1', hostHeader(), auth, 'Content-Type: application/json', 'Content-Length: 10']) + '{',
        until: 'close',
      })
      expect(idleBody.status).toBe(408)
      app.ctx.events.emit('app.command', { command: 'import' })
      await expect.poll(() => stream, { timeout: 3_000 }).toContain('"name":"app.command"')
      expect(unsubscribed).not.toHaveBeenCalled()
      socketOf!.destroy()
      await streamed
      await expect.poll(() => unsubscribed.mock.calls.length, { timeout: 3_000 }).toBe(1)
    } finally {
      spy.mockRestore()
    }
  })
})

describe('the default limits', () => {
  it('answer or close a slow or silent client within 5 s', () => {
    const d = DEFAULT_HOST_LIMITS
    expect(d.headersTimeoutMs + d.checkIntervalMs).toBeLessThan(5_000)
    expect(d.bodyIdleTimeoutMs).toBeLessThan(5_000)
    expect(d.jsonBodyTimeoutMs).toBeLessThan(5_000)
  })

  it('close a silent connection within 5 s on a host started with them', async () => {
    const plain = await startHost({ ctx: app.ctx, invoke: app.invoke, token: TOKEN, staticDir: join(app.dir, 'renderer') })
    try {
      const res = await rawRequest(plain.port, { until: 'close', deadlineMs: 6_000 })
      expect(res.status).toBe(408)
      expect(res.ms).toBeLessThan(5_000)
    } finally {
      await plain.close()
    }
  })
})

function uploads(): string[] {
  try {
    return readdirSync(app.ctx.paths.uploadsDir).sort()
  } catch {
    return []
  }
}

import type { Socket } from 'node:net'
import { seededRandom } from '../../src-main/demo/random'
import type { RawOptions } from './rawHttp'

export interface Outcome {
  status: number | null
  closed: boolean
  body: string
}

/** One hostile or broken exchange: what to send, and whether the answer is acceptable. */
export interface RawCase {
  name: string
  request: RawOptions
  /** Beyond "answered or closed within the time limit, never 5xx". */
  accept?: (o: Outcome) => boolean
}

export interface Target {
  port: number
  token: string
}

const crlf = (lines: string[]) => `${lines.join('\r\n')}\r\n\r\n`
/** A refusal: a 4xx answer, a contract error as a value (`ok: false`), or (for bytes that are not HTTP at all) the connection closed. */
export function refused(o: Outcome): boolean {
  if (o.status === null) return o.closed
  if (o.status >= 400 && o.status < 500) return true
  if (o.status !== 200) return false
  try {
    return (JSON.parse(o.body) as { ok?: unknown }).ok === false
  } catch {
    return false
  }
}
/** Any answer but a 5xx: for requests that are odd but harmless (a static page may be served). */
export const notBroken = (o: Outcome) => (o.status !== null ? o.status < 500 : o.closed)

/** Request lines and targets no client should send. */
export function requestLineCases(t: Target): RawCase[] {
  const host = `Host: 127.0.0.1:${t.port}`
  const lines = [
    'GET http://[ HTTP/1.1',
    'GET http://[::1 HTTP/1.1',
    'GET http:// HTTP/1.1',
    'GET //evil.test/x HTTP/1.1',
    'GARBAGE',
    'GET / HTTP/9.9',
    'GET  HTTP/1.1',
    'GET / HTTP/1.1 extra',
    '\u0000GET / HTTP/1.1',
    'GET /%zz HTTP/1.1',
    'GET /%E0%A4%A HTTP/1.1',
    'POST /api/invoke/%E0%A4%A HTTP/1.1',
    'POST /api/invoke/%00 HTTP/1.1',
    'POST /api/invoke/..%2f..%2fx HTTP/1.1',
    'BREW /api/invoke/app.info HTTP/1.1',
    'CONNECT 127.0.0.1:1 HTTP/1.1',
    `GET /${'a'.repeat(20_000)} HTTP/1.1`,
    'GET /\u00e9\u0e01 HTTP/1.1',
  ]
  return lines.map((line) => ({
    name: `request line ${JSON.stringify(line.slice(0, 40))}`,
    request: { send: crlf([line, host, `Authorization: Bearer ${t.token}`, 'Content-Type: application/json', 'Content-Length: 2']) + '{}' },
    // A scheme-relative target is read as another host's URL: its path is served like any static page.
    accept: line.startsWith('GET //') ? notBroken : refused,
  }))
}

/** Headers that are too many, too large, contradictory or missing. */
export function headerCases(t: Target): RawCase[] {
  const host = `Host: 127.0.0.1:${t.port}`
  const auth = `Authorization: Bearer ${t.token}`
  const invoke = 'POST /api/invoke/workspace.current HTTP/1.1'
  const cases: Array<[string, string]> = [
    ['no Host', crlf(['GET / HTTP/1.1'])],
    ['a foreign Host', crlf([invoke, 'Host: evil.test', auth, 'Content-Type: application/json', 'Content-Length: 2']) + '{}'],
    ['a huge header', crlf(['GET / HTTP/1.1', host, `X-Big: ${'b'.repeat(40_000)}`])],
    ['thousands of headers', crlf(['GET / HTTP/1.1', host, ...Array.from({ length: 4_000 }, (_, i) => `X-${i}: v`)])],
    ['an invalid header name', crlf(['GET / HTTP/1.1', host, 'Bad Header: x'])],
    ['a header without a colon', crlf(['GET / HTTP/1.1', host, 'NoColon'])],
    ['two different content-lengths', crlf([invoke, host, auth, 'Content-Type: application/json', 'Content-Length: 2', 'Content-Length: 3']) + '{} '],
    ['content-length and chunked', crlf([invoke, host, auth, 'Content-Type: application/json', 'Content-Length: 2', 'Transfer-Encoding: chunked']) + '{}'],
    ['a negative content-length', crlf([invoke, host, auth, 'Content-Type: application/json', 'Content-Length: -5']) + '{}'],
    ['a non-numeric content-length', crlf([invoke, host, auth, 'Content-Type: application/json', 'Content-Length: two']) + '{}'],
    ['a content-length of 2^64', crlf([invoke, host, auth, 'Content-Type: application/json', 'Content-Length: 18446744073709551616']) + '{}'],
    ['an unknown transfer-encoding', crlf([invoke, host, auth, 'Content-Type: application/json', 'Transfer-Encoding: gzip']) + '{}'],
    ['no token', crlf([invoke, host, 'Content-Type: application/json', 'Content-Length: 2']) + '{}'],
    ['a wrong token', crlf([invoke, host, 'Authorization: Bearer nope', 'Content-Type: application/json', 'Content-Length: 2']) + '{}'],
    ['a token in the query only', crlf([`GET /api/events?token=${t.token} HTTP/1.1`, host])],
    ['a foreign Origin', crlf([invoke, host, auth, 'Origin: https://evil.test', 'Content-Type: application/json', 'Content-Length: 2']) + '{}'],
    ['cross-site fetch metadata', crlf([invoke, host, auth, 'Sec-Fetch-Site: cross-site', 'Content-Type: application/json', 'Content-Length: 2']) + '{}'],
    ['a text body', crlf([invoke, host, auth, 'Content-Type: text/plain', 'Content-Length: 2']) + '{}'],
    ['an upload without a token', crlf(['POST /api/files?name=x.csv HTTP/1.1', host, 'Content-Length: 4']) + 'a,b\n'],
    ['a PUT of a static file', crlf(['PUT /index.html HTTP/1.1', host, 'Content-Length: 2']) + 'xx'],
    ['an unknown API route', crlf(['GET /api/nothing HTTP/1.1', host, auth])],
    ['a report that does not exist', crlf(['GET /api/reports/download?id=../../etc/passwd HTTP/1.1', host, auth])],
  ]
  return [
    ...cases.map(([name, send]) => ({ name, request: { send }, accept: refused })),
    // The page is served (its connection then closed): the body it announced is never waited for.
    { name: 'a GET with a body that never comes', request: { send: crlf(['GET / HTTP/1.1', host, 'Content-Length: 100000']) }, accept: notBroken },
  ]
}

/** Bodies: lying lengths, chunked garbage, JSON that is not JSON, more than the caps allow. */
export function bodyCases(t: Target): RawCase[] {
  const head = (path: string, extra: string[]) => crlf([`POST ${path} HTTP/1.1`, `Host: 127.0.0.1:${t.port}`, `Authorization: Bearer ${t.token}`, 'Content-Type: application/json', ...extra])
  const invoke = '/api/invoke/feedback.list'
  const chunked = (body: string) => ({ send: head(invoke, ['Transfer-Encoding: chunked']) + body, until: 'response' as const })
  const json = (body: string | Buffer) => ({ send: Buffer.concat([Buffer.from(head(invoke, [`Content-Length: ${Buffer.byteLength(body)}`])), Buffer.from(body)]), until: 'response' as const })
  const cases: Array<[string, RawOptions, RawCase['accept']?]> = [
    ['a body shorter than its length', { send: head(invoke, ['Content-Length: 50']) + '{"limit":' }],
    // The extra bytes are read as the next request, which is garbage: the first answer may be a 200.
    ['a body longer than its length', { send: head(invoke, ['Content-Length: 2']) + '{}GARBAGE GARBAGE\r\n\r\n', until: 'response' }, notBroken],
    ['a chunk size that is not hex', chunked('zz\r\n{}\r\n0\r\n\r\n')],
    ['a chunk size past any cap', chunked('ffffffffffff\r\n{}')],
    ['a chunk longer than its size', chunked('1\r\n{}\r\n0\r\n\r\n')],
    ['chunks that never end', chunked('2\r\n{}\r\n')],
    ['a chunk extension flood', chunked(`2;${'x=y;'.repeat(5_000)}\r\n{}\r\n0\r\n\r\n`)],
    ['JSON cut short', json('{"limit": 5')],
    ['not JSON at all', json('limit=5')],
    ['invalid UTF-8', json(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))],
    ['a byte-order mark', json('\ufeff{}')],
    ['NaN', json('{"limit": NaN}')],
    ['a number past double range', json('{"limit": 1e999}')],
    ['JSON nested 100,000 deep', json('['.repeat(100_000) + ']'.repeat(100_000))],
    ['a body over the JSON cap', json(`{"x":"${'a'.repeat((1 << 20) + 10)}"}`)],
    ['an upload over its declared cap', { send: head('/api/files?name=big.csv', [`Content-Length: ${5 * 1024 ** 4}`]) }],
    ['an upload with chunked garbage', { send: head('/api/files?name=bad.csv', ['Transfer-Encoding: chunked']) + '5\r\na,b\n\r\nnothex\r\n' }],
    ['an upload cut short', { send: head('/api/files?name=cut.csv', ['Content-Length: 1000']) + 'a,b\n1,2\n' }],
  ]
  return cases.map(([name, request, accept]) => ({ name, request, accept: accept ?? refused }))
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Clients that send slowly, stop, or shut their side: each must be answered or cut within the time limit. */
export function slowCases(t: Target, copies: number): RawCase[] {
  const host = `Host: 127.0.0.1:${t.port}`
  const auth = `Authorization: Bearer ${t.token}`
  // The clients under test pace themselves; the host must not wait for them.
  const trickle = (first: string, piece: () => string, everyMs: number) => async (socket: Socket) => {
    socket.write(first)
    while (!socket.destroyed && socket.writable) {
      await pause(everyMs)
      if (!socket.destroyed && socket.writable) socket.write(piece())
    }
  }
  const one = (i: number): RawCase[] => [
    { name: `silent #${i}`, request: {}, accept: refused },
    { name: `headers a line every 300 ms #${i}`, request: { write: trickle(`GET / HTTP/1.1\r\n${host}\r\n`, () => 'X-Slow: 1\r\n', 300) }, accept: refused },
    { name: `request line a byte every 200 ms #${i}`, request: { write: trickle('G', () => 'E', 200) }, accept: refused },
    {
      name: `JSON body a byte every 200 ms #${i}`,
      request: { write: trickle(crlf(['POST /api/invoke/feedback.list HTTP/1.1', host, auth, 'Content-Type: application/json', 'Content-Length: 500']), () => ' ', 200) },
      accept: refused,
    },
    {
      name: `upload that stops #${i}`,
      request: { send: crlf(['POST /api/files?name=stop.csv HTTP/1.1', host, auth, 'Content-Length: 5000']) + 'a,b\n' },
      accept: refused,
    },
    {
      name: `half-closed after a partial request #${i}`,
      request: { write: (socket) => void socket.end(`GET / HTTP/1.1\r\n${host}\r\n`) },
      accept: refused,
    },
    {
      name: `half-closed mid-upload #${i}`,
      request: { write: (socket) => void socket.end(crlf(['POST /api/files?name=half.csv HTTP/1.1', host, auth, 'Content-Length: 5000']) + 'a,b\n') },
      accept: refused,
    },
    {
      name: `reset mid-body #${i}`,
      request: {
        write: (socket) => {
          socket.write(crlf(['POST /api/files?name=reset.csv HTTP/1.1', host, auth, 'Content-Length: 5000']) + 'a,b\n')
          socket.resetAndDestroy()
        },
        until: 'close',
      },
      accept: () => true,
    },
  ]
  return Array.from({ length: copies }, (_, i) => one(i)).flat()
}

/** Bytes from a seeded generator: pure noise, and noise shaped a little like HTTP. */
export function randomCases(t: Target, count: number, seed: number): RawCase[] {
  const rng = seededRandom(seed)
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(rng.next() * 256)))
  const words = ['GET', 'POST', '/', '/api/invoke/', '/api/files', 'HTTP/1.1', '\r\n', ': ', 'Host', 'Content-Length', 'Transfer-Encoding', 'chunked', '0', '\r\n\r\n', '%', '{', '"', ' ', `127.0.0.1:${t.port}`, `Bearer ${t.token}`]
  const cases: RawCase[] = []
  for (let i = 0; i < count; i++) {
    const send = i % 2 === 0 ? bytes(1 + Math.floor(rng.next() * 3_000)) : Buffer.from(Array.from({ length: 5 + Math.floor(rng.next() * 40) }, () => rng.pick(words)).join(''))
    cases.push({ name: `random #${i}`, request: { send }, accept: notBroken })
  }
  return cases
}

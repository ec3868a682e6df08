import { describe, expect, it } from 'vitest'
import { AnswerQueue, verdictOf, type SendResult } from '../../../src-renderer/src/features/collection/kiosk/answerQueue'
import { newClientId } from '../../../src-renderer/src/features/collection/kiosk/clientId'
import type { AnswerBody } from '../../../src-shared/domain/collection'

function memoryStorage() {
  const data = new Map<string, string>()
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) }
}

/** A server that stores by id (as the real one does) and answers what the test says. */
function fakeServer() {
  const stored = new Map<string, AnswerBody>()
  let answer: (b: AnswerBody) => SendResult | 'down' = () => ({ status: 201 })
  return {
    stored,
    set: (f: typeof answer) => (answer = f),
    send: async (b: AnswerBody): Promise<SendResult> => {
      const r = answer(b)
      if (r === 'down') throw new TypeError('Failed to fetch')
      if (r.status === 201 || r.status === 200) {
        const dup = stored.has(b.id)
        stored.set(b.id, b)
        return { status: dup ? 200 : 201 }
      }
      return r
    },
  }
}

const body = (n: number): AnswerBody => ({ id: `answer-${String(n).padStart(10, '0')}`, score: n % 11, language: 'en' })

describe('the kiosk page’s outbox', () => {
  it('keeps answers while the laptop is away and sends each once when it is back', async () => {
    const server = fakeServer()
    const timers: Array<() => void> = []
    const storage = memoryStorage()
    const q = new AnswerQueue({ storage, key: 'k', send: server.send, later: (_ms, run) => timers.push(run) })
    server.set(() => 'down')
    for (let i = 0; i < 5; i++) await q.add(body(i))
    expect(q.pending()).toHaveLength(5)
    expect(server.stored.size).toBe(0)
    // A page reload meanwhile: a new queue over the same storage still has them.
    const reloaded = new AnswerQueue({ storage, key: 'k', send: server.send, later: (_ms, run) => timers.push(run) })
    expect(reloaded.pending().map((a) => a.id)).toEqual([0, 1, 2, 3, 4].map((i) => body(i).id))
    server.set(() => ({ status: 201 }))
    timers.shift()!()
    await reloaded.flush()
    expect(reloaded.pending()).toHaveLength(0)
    expect([...server.stored.keys()]).toEqual([0, 1, 2, 3, 4].map((i) => body(i).id))
  })

  it('keeps an answer refused with 429 and retries it after Retry-After; a lost reply does not double it', async () => {
    const server = fakeServer()
    const waits: number[] = []
    const timers: Array<() => void> = []
    const q = new AnswerQueue({ storage: memoryStorage(), key: 'k', send: server.send, later: (ms, run) => (waits.push(ms), timers.push(run)) })
    server.set(() => ({ status: 429, retryAfter: 7 }))
    await q.add(body(1))
    expect(q.pending()).toHaveLength(1)
    expect(waits).toEqual([7_000])
    // The server stores it but the reply is lost: the page sends it again, and the server says "already stored".
    let first = true
    server.set((b) => {
      if (first) {
        first = false
        server.stored.set(b.id, b)
        return 'down'
      }
      return { status: 201 }
    })
    timers.shift()!()
    await q.flush()
    expect(q.pending()).toHaveLength(1)
    timers.shift()!()
    await q.flush()
    expect(q.pending()).toHaveLength(0)
    expect(server.stored.size).toBe(1)
  })

  it('drops and reports a refusal that can never succeed (400, 413, any 4xx but 404, 408, 429) without retrying it', async () => {
    const server = fakeServer()
    const refused: Array<[string, number]> = []
    const waits: number[] = []
    const q = new AnswerQueue({ storage: memoryStorage(), key: 'k', send: server.send, later: (ms) => void waits.push(ms), onRefused: (b, code) => void refused.push([b.id, code]) })
    server.set(() => ({ status: 400 }))
    await q.add(body(1))
    server.set(() => ({ status: 413 }))
    await q.add(body(2))
    server.set(() => ({ status: 415 }))
    await q.add(body(3))
    expect(q.pending()).toHaveLength(0)
    expect(refused).toEqual([
      [body(1).id, 400],
      [body(2).id, 413],
      [body(3).id, 415],
    ])
    expect(waits).toEqual([])
  })

  it('keeps answers to a closed link (404) without looping, and sends them at the next flush', async () => {
    const server = fakeServer()
    const waits: number[] = []
    const closed: number[] = []
    const q = new AnswerQueue({ storage: memoryStorage(), key: 'k', send: server.send, later: (ms) => void waits.push(ms), onClosed: (n) => void closed.push(n) })
    server.set(() => ({ status: 404 }))
    await q.add(body(1))
    await q.add(body(2))
    expect(q.pending().map((a) => a.id)).toEqual([body(1).id, body(2).id])
    expect(closed).toEqual([1, 2])
    expect(waits).toEqual([])
    server.set(() => ({ status: 201 }))
    await q.flush()
    expect(q.pending()).toHaveLength(0)
    expect(server.stored.size).toBe(2)
  })

  it('retries what may succeed later: 429, 503, 408, 500 and no network', async () => {
    for (const reply of [{ status: 429, retryAfter: 3 }, { status: 503, retryAfter: 30 }, { status: 408 }, { status: 500 }, 'down' as const]) {
      const server = fakeServer()
      const waits: number[] = []
      const q = new AnswerQueue({ storage: memoryStorage(), key: 'k', send: server.send, later: (ms) => void waits.push(ms), onRefused: () => expect.fail('refused') })
      server.set(() => reply)
      await q.add(body(1))
      expect(q.pending()).toHaveLength(1)
      expect(waits).toHaveLength(1)
    }
  })

  it('tells each reply what it means', () => {
    expect([200, 201, 400, 403, 404, 408, 413, 415, 429, 500, 503, 0].map((c) => `${c}:${verdictOf(c)}`)).toEqual([
      '200:stored',
      '201:stored',
      '400:refused',
      '403:refused',
      '404:closed',
      '408:retry',
      '413:refused',
      '415:refused',
      '429:retry',
      '500:retry',
      '503:retry',
      '0:retry',
    ])
  })

  it('makes ids from getRandomValues (no crypto.randomUUID on plain http) that the server accepts', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newClientId()))
    expect(ids.size).toBe(1000)
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/)
    expect(newClientId((a) => a.fill(255))).toBe('f'.repeat(32))
  })
})

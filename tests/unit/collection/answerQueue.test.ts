import { describe, expect, it } from 'vitest'
import { AnswerQueue, type SendResult } from '../../../src-renderer/src/features/collection/kiosk/answerQueue'
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

  it('drops only what can never succeed (400, 413), keeps 404 and 503', async () => {
    const server = fakeServer()
    const q = new AnswerQueue({ storage: memoryStorage(), key: 'k', send: server.send, later: () => undefined })
    server.set(() => ({ status: 400 }))
    await q.add(body(1))
    expect(q.pending()).toHaveLength(0)
    server.set(() => ({ status: 404 }))
    await q.add(body(2))
    server.set(() => ({ status: 503, retryAfter: 30 }))
    await q.add(body(3))
    expect(q.pending().map((a) => a.id)).toEqual([body(2).id, body(3).id])
  })

  it('makes ids from getRandomValues (no crypto.randomUUID on plain http) that the server accepts', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newClientId()))
    expect(ids.size).toBe(1000)
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/)
    expect(newClientId((a) => a.fill(255))).toBe('f'.repeat(32))
  })
})

/**
 * The collect bench's kiosks, in a process of their own (`node --import tsx kioskFleet.ts '<json>'`):
 * each kiosk is the page's own outbox (AnswerQueue, the code the tablet runs) posting its answers
 * one after another over loopback, all kiosks at once. Apart from the server's process, so the
 * server's CPU per answer is its own and the kiosks' HTTP clients do not compete with it for its
 * event loop. One reply in 50 is "lost" (the server stored it, the kiosk is told the network
 * failed), so the outbox sends it again and the server must answer "already stored".
 * Prints one JSON line: the latencies and counts, and this process's CPU time.
 */
import { performance } from 'node:perf_hooks'
import { AnswerQueue, type SendResult } from '../../src-renderer/src/features/collection/kiosk/answerQueue'
import type { AnswerBody } from '../../src-shared/domain/collection'

export interface FleetOrder {
  url: string
  kiosks: number
  perKiosk: number
  /** Stop queuing new answers after this many minutes (null: no limit). */
  minutes: number | null
}

export interface FleetResult {
  queued: number
  latencies: number[]
  repliesLost: number
  repliesAlreadyStored: number
  otherReplies: number
  cpuMs: number
  wallMs: number
}

export async function runFleet(order: FleetOrder): Promise<FleetResult> {
  const deadline = order.minutes === null ? Infinity : performance.now() + order.minutes * 60_000
  const out: FleetResult = { queued: 0, latencies: [], repliesLost: 0, repliesAlreadyStored: 0, otherReplies: 0, cpuMs: 0, wallMs: 0 }
  const post = async (body: AnswerBody): Promise<SendResult> => {
    const t0 = performance.now()
    const res = await fetch(order.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    const reply = (await res.json()) as { duplicate?: boolean }
    out.latencies.push(Math.round((performance.now() - t0) * 100) / 100)
    if (res.status === 200 && reply.duplicate) out.repliesAlreadyStored++
    else if (res.status !== 201) out.otherReplies++
    const retryAfter = res.headers.get('retry-after')
    return { status: res.status, retryAfter: retryAfter === null ? undefined : Number(retryAfter) }
  }
  const kiosk = async (k: number) => {
    const data = new Map<string, string>()
    let n = 0
    const queue = new AnswerQueue({
      storage: { getItem: (key) => data.get(key) ?? null, setItem: (key, v) => void data.set(key, v) },
      key: 'outbox',
      send: async (body) => {
        const result = await post(body)
        if (++n % 50 === 0 && result.status === 201) {
          out.repliesLost++
          return { status: 0 }
        }
        return result
      },
      later: (_ms, run) => setImmediate(run),
    })
    for (let i = 0; i < order.perKiosk && performance.now() < deadline; i++) {
      out.queued++
      const id = `bench-k${String(k).padStart(3, '0')}-a${String(i).padStart(6, '0')}`
      await queue.add({ id, score: (k + i) % 11, language: 'vi', comment: i % 3 === 0 ? `Kiosk ${k}: answer ${i}, cà phê ngon` : undefined })
    }
    while (queue.pending().length) await new Promise((r) => setImmediate(r))
  }
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  await Promise.all(Array.from({ length: order.kiosks }, (_, k) => kiosk(k)))
  out.wallMs = performance.now() - t0
  const cpu = process.cpuUsage(cpu0)
  out.cpuMs = (cpu.user + cpu.system) / 1000
  return out
}

if (process.argv[1]?.endsWith('kioskFleet.ts') && process.argv[2]) {
  runFleet(JSON.parse(process.argv[2]) as FleetOrder).then(
    (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
    (e) => {
      console.error(e)
      process.exit(1)
    },
  )
}

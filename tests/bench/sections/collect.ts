import { loadavg } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { benchApp, type BenchSection } from '../harness'
import { benchArgs } from '../args'
import { fakeRendererDir } from '../../helpers/kioskBuild'
import { createWorkspaceAt } from '../../helpers/files'
import { AnswerQueue, type SendResult } from '../../../src-renderer/src/features/collection/kiosk/answerQueue'
import type { AnswerBody } from '../../../src-shared/domain/collection'

function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] * 100) / 100
}

const round = (n: number) => Math.round(n * 100) / 100

/**
 * The shop's survey server under 50 kiosks (issue 18): each kiosk is the page's own outbox
 * (AnswerQueue, the code the tablet runs) posting its answers one after another over HTTP on
 * loopback, all kiosks at once, while the app's inbox first page is asked for every 50 ms in the
 * same process (the app's main thread serves both). One answer in 50 has its reply "lost" (the
 * server stores it, the kiosk is told the network failed), so the outbox sends it again: the server
 * must answer "already stored". Rate limits are raised out of the way: this measures the server and
 * the writes, not the limiter (tested in tests/unit/collection).
 *
 * Figures: answers per second, answer latency p50/p95/p99 (ms, one POST), the inbox page's
 * p50/p95/max (ms) meanwhile, and the proof: answers stored = kiosks × answers, no client id twice,
 * replies "already stored" = replies lost. `--kiosks N` (50), `--answers N` (answers per kiosk,
 * 1,000) change the load; `--minutes M` stops queuing new answers after M minutes (what was queued
 * is still sent and checked). CPU: the whole process's user + system time per answer stored —
 * server, the simulated kiosks' HTTP clients and the inbox reads together (an upper bound for the
 * server's share).
 */
export const collect: BenchSection = {
  name: 'collect',
  async run({ dir }) {
    const args = benchArgs()
    const kiosks = args.kiosks ?? 50
    const perKiosk = args.answers ?? 1_000
    const deadline = args.minutes === undefined ? Infinity : performance.now() + args.minutes * 60_000
    let queued = 0
    const { ctx, api } = benchApp(dir, 'Asia/Bangkok', { kind: 'web', systemLocales: () => ['en'], rendererDir: fakeRendererDir(dir) })
    const batches = { count: 0, answers: 0, largest: 0, writeMs: 0 }
    const deps = (ctx.collection as unknown as { deps: { limits?: unknown; batch?: unknown } }).deps
    deps.limits = { phone: 1e9, kiosk: 1e9, survey: 1e9 }
    // The group commit's own figures: how many answers each transaction took, and the time spent writing them.
    deps.batch = {
      onBatch: (size: number, ms: number) => {
        batches.count++
        batches.answers += size
        batches.largest = Math.max(batches.largest, size)
        batches.writeMs += ms
      },
    }
    await createWorkspaceAt({ ctx, api }, join(dir, 'collect.cxdesk'))
    const survey = await api.call('collection.saveSurvey', { name: 'Counter', metric: 'nps', askComment: true, askContact: true, shopName: 'Bench café', colour: '#2f6f5e', location: 'Hà Nội', touchpoint: 'counter' })
    const withKiosk = await api.call('collection.addLink', { surveyId: survey.id, kind: 'kiosk' })
    const token = withKiosk.links.find((l) => l.kind === 'kiosk')!.token
    const status = await api.call('collection.start', { host: '127.0.0.1', port: 0 })
    const url = `${status.baseUrl}/s/${token}/answers`

    const latencies: number[] = []
    let lost = 0
    let duplicateReplies = 0
    let otherReplies = 0
    const post = async (body: AnswerBody): Promise<SendResult> => {
      const t0 = performance.now()
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      const reply = (await res.json()) as { duplicate?: boolean }
      latencies.push(performance.now() - t0)
      if (res.status === 200 && reply.duplicate) duplicateReplies++
      else if (res.status !== 201) otherReplies++
      return { status: res.status }
    }

    const inboxMs: number[] = []
    let running = true
    const inbox = (async () => {
      while (running) {
        const t0 = performance.now()
        await api.call('feedback.list', { limit: 50 })
        inboxMs.push(performance.now() - t0)
        await new Promise((r) => setTimeout(r, 50))
      }
    })()

    const kiosk = async (k: number) => {
      const data = new Map<string, string>()
      let n = 0
      const queue = new AnswerQueue({
        storage: { getItem: (key) => data.get(key) ?? null, setItem: (key, v) => void data.set(key, v) },
        key: 'outbox',
        send: async (body) => {
          const result = await post(body)
          // One reply in 50 is lost on the way back: stored, but the kiosk must send it again.
          if (++n % 50 === 0 && result.status === 201) {
            lost++
            return { status: 0 }
          }
          return result
        },
        later: (_ms, run) => setImmediate(run),
      })
      for (let i = 0; i < perKiosk && performance.now() < deadline; i++) {
        queued++
        const id = `bench-k${String(k).padStart(3, '0')}-a${String(i).padStart(6, '0')}`
        await queue.add({ id, score: (k + i) % 11, language: 'vi', comment: i % 3 === 0 ? `Kiosk ${k}: answer ${i}, cà phê ngon` : undefined })
      }
      while (queue.pending().length) await new Promise((r) => setImmediate(r))
    }

    const loadBefore = round(loadavg()[0])
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    await Promise.all(Array.from({ length: kiosks }, (_, k) => kiosk(k)))
    const wallMs = performance.now() - t0
    const cpu = process.cpuUsage(cpu0)
    running = false
    await inbox
    await api.call('collection.stop', {})

    const sqlite = ctx.session.require().ws.sqlite
    const stored = sqlite.prepare('SELECT count(*) AS n, count(DISTINCT client_id) AS ids FROM survey_answers').get() as { n: number; ids: number }
    const responses = (sqlite.prepare(`SELECT count(*) AS n FROM responses WHERE dedup_key LIKE 'collect:%'`).get() as { n: number }).n
    await ctx.session.close()

    latencies.sort((a, b) => a - b)
    inboxMs.sort((a, b) => a - b)
    const expected = queued
    return {
      kiosks,
      answersPerKiosk: perKiosk,
      minutes: args.minutes ?? null,
      loadAverage: { before: loadBefore, after: round(loadavg()[0]) },
      cpuMsPerAnswer: round((cpu.user + cpu.system) / 1000 / Math.max(1, expected)),
      batches: { transactions: batches.count, meanSize: round(batches.answers / Math.max(1, batches.count)), largest: batches.largest, writeMsPerAnswer: round(batches.writeMs / Math.max(1, batches.answers)) },
      requests: latencies.length,
      wallMs: Math.round(wallMs),
      answersPerSecond: Math.round(expected / (wallMs / 1000)),
      answerMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), max: round(latencies[latencies.length - 1] ?? 0) },
      inboxFirstPageMs: { samples: inboxMs.length, p50: percentile(inboxMs, 50), p95: percentile(inboxMs, 95), max: round(inboxMs[inboxMs.length - 1] ?? 0) },
      expected,
      stored: stored.n,
      responses,
      lostAnswers: expected - stored.ids,
      doubledAnswers: stored.n - stored.ids + (responses - stored.n),
      repliesLost: lost,
      repliesAlreadyStored: duplicateReplies,
      otherReplies,
    }
  },
}

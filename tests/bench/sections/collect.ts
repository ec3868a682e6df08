import { loadavg } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { benchApp, type BenchSection } from '../harness'
import { benchArgs } from '../args'
import { fakeRendererDir } from '../../helpers/kioskBuild'
import { createWorkspaceAt } from '../../helpers/files'
import { spawn } from 'node:child_process'
import type { FleetOrder, FleetResult } from '../kioskFleet'

function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] * 100) / 100
}

const round = (n: number) => Math.round(n * 100) / 100

/**
 * The shop's survey server under 50 kiosks (issue 18): the kiosks run in a process of their own
 * (../kioskFleet.ts: each the page's own outbox posting its answers one after another over
 * loopback, all at once, one reply in 50 "lost" so that it is sent again), while the app's inbox
 * first page is asked for every 50 ms in this process (the app's main thread serves both). Rate
 * limits are raised out of the way: this measures the server and the writes, not the limiter
 * (tested in tests/unit/collection).
 *
 * Figures: CPU ms per answer of this process (the server, its checkpoint thread and the inbox reads)
 * and of the kiosks' process, the group commit's transactions, answers per second, answer latency
 * p50/p95/p99 (ms, one POST), the inbox page's p50/p95/max (ms) meanwhile, and the proof: answers
 * stored = answers queued, no client id twice, replies "already stored" = replies lost. `--kiosks N`
 * (50), `--answers N` (answers per kiosk, 1,000) change the load; `--minutes M` stops queuing new
 * answers after M minutes (what was queued is still sent and checked).
 */
/** The kiosks in a process of their own (kioskFleet.ts): the server's process then counts only its own CPU. */
function runFleetProcess(order: FleetOrder): Promise<FleetResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'kioskFleet.ts'), JSON.stringify(order)], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as FleetResult) : reject(new Error(`the kiosk fleet exited with code ${code}`))))
  })
}

export const collect: BenchSection = {
  name: 'collect',
  async run({ dir }) {
    const args = benchArgs()
    const kiosks = args.kiosks ?? 50
    const perKiosk = args.answers ?? 1_000
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

    const loadBefore = round(loadavg()[0])
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    const fleet = await runFleetProcess({ url, kiosks, perKiosk, minutes: args.minutes ?? null })
    const wallMs = performance.now() - t0
    const cpu = process.cpuUsage(cpu0)
    const latencies = fleet.latencies
    running = false
    await inbox
    await api.call('collection.stop', {})

    const sqlite = ctx.session.require().ws.sqlite
    const stored = sqlite.prepare('SELECT count(*) AS n, count(DISTINCT client_id) AS ids FROM survey_answers').get() as { n: number; ids: number }
    const responses = (sqlite.prepare(`SELECT count(*) AS n FROM responses WHERE dedup_key LIKE 'collect:%'`).get() as { n: number }).n
    await ctx.session.close()

    latencies.sort((a, b) => a - b)
    inboxMs.sort((a, b) => a - b)
    const expected = fleet.queued
    return {
      kiosks,
      answersPerKiosk: perKiosk,
      minutes: args.minutes ?? null,
      loadAverage: { before: loadBefore, after: round(loadavg()[0]) },
      cpuMsPerAnswer: {
        server: round((cpu.user + cpu.system) / 1000 / Math.max(1, expected)),
        kiosks: round(fleet.cpuMs / Math.max(1, expected)),
      },
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
      repliesLost: fleet.repliesLost,
      repliesAlreadyStored: fleet.repliesAlreadyStored,
      otherReplies: fleet.otherReplies,
    }
  },
}

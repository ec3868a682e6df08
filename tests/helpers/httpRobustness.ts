import { Agent, request } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createAppContext } from '../../src-main/app/createAppContext'
import { createDispatcher } from '../../src-main/app/dispatch'
import { handlers } from '../../src-main/handlers/index'
import { clientFromInvoke } from '../../src-shared/api/client'
import { contract } from '../../src-shared/api/contract'
import { DEFAULT_HOST_LIMITS } from '../../src-main/host/limits'
import { writeFeedbackCsv } from '../bench/writeFeedbackCsv'
import { startHostProcess, type HostProcess } from './hostProcess'
import { bodyCases, headerCases, notBroken, randomCases, requestLineCases, slowCases, type RawCase, type Target } from './malformedHttp'
import { alienBodies, faultyPayloads } from './payloads'
import { rawRequest } from './rawHttp'
import { differences, fingerprint, type Fingerprint } from './workspaceFingerprint'

export interface HttpRobustnessOptions {
  /** A scratch folder (the data folder, the workspace, the renderer stand-in). */
  dir: string
  seed: number
  /** Faulty payloads per contract channel. */
  payloadsPerChannel: number
  /** Whole bodies that are no request (not objects, deeply nested, huge) per channel, picked by the seed; at most 12. */
  alienPerChannel: number
  /** Requests of random bytes and HTTP-ish noise. */
  randomRequests: number
  /** Copies of each slow-client case, all running at once. */
  slowCopies: number
  /** Responses in the workspace under attack. */
  rows: number
  /** Every request must be answered (or its connection closed) within this. */
  answerWithinMs?: number
  progress?: (line: string) => void
}

export interface HttpRobustnessResult {
  requests: number
  failures: number
  hostDeaths: number
  /** Batches of invalid requests after which the workspace, the uploads or the preferences had changed. */
  writesFromInvalid: number
  /** Generated payloads the contract happened to accept: not sent (a valid request may rightly write). */
  skippedValid: number
  slowestAnswerMs: number
  /** Preparing the workspace and starting the host, then the attack itself. */
  setupMs: number
  attackMs: number
  batches: string[]
  /** The first few failures, in words. */
  examples: string[]
}

const NAME = 'Robustness'

/** A workspace with feedback in a data folder the host will reopen, as a user's would be. */
async function prepareHome(dir: string, rows: number): Promise<{ home: string; workspace: string; rendererDir: string }> {
  const home = join(dir, 'home')
  const paths = { dataDir: home, workspacesDir: join(home, 'workspaces'), uploadsDir: join(home, 'uploads') }
  const ctx = createAppContext({ platform: { kind: 'web', systemLocales: () => ['en-US'] }, paths, defaultTimezone: 'Asia/Bangkok' })
  const api = clientFromInvoke(createDispatcher(handlers, ctx))
  const info = await api.call('workspace.create', { name: NAME })
  const csv = join(dir, 'responses.csv')
  await writeFeedbackCsv(csv, rows)
  await api.call('import.run', { fileId: ctx.files.register(csv).id })
  await ctx.session.close()
  const rendererDir = join(dir, 'renderer')
  mkdirSync(rendererDir, { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>CX Desk</title>')
  return { home, workspace: info!.path, rendererDir }
}

interface Answer {
  status: number
  body: string
}

function post(agent: Agent, t: Target, path: string, body: string, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port: t.port,
        method: 'POST',
        path,
        headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
        res.on('error', reject)
      },
    )
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)))
    req.on('error', reject)
    req.end(body)
  })
}

const errorCode = (a: Answer): string | null => {
  try {
    return (JSON.parse(a.body) as { error?: { code?: string } }).error?.code ?? null
  } catch {
    return null
  }
}

/**
 * The HTTP half of the robustness suite. Starts the real host (its own process) on a prepared
 * workspace and sends it batches of malformed HTTP and of invalid payloads for every channel of
 * the contract. After each batch: the host must still be alive and answer a valid call, and
 * nothing may have been written. Sizes come from the options, so the unit test runs a small
 * version and `npm run bench -- --only robustness` a long one.
 */
export async function runHttpRobustness(opts: HttpRobustnessOptions): Promise<HttpRobustnessResult> {
  const within = opts.answerWithinMs ?? 5_000
  const say = opts.progress ?? (() => undefined)
  const t0 = performance.now()
  const { home, workspace, rendererDir } = await prepareHome(opts.dir, opts.rows)
  const watched = () =>
    fingerprint(workspace, { uploads: join(home, 'uploads'), workspaces: join(home, 'workspaces') }, { preferences: join(home, 'preferences.json') })
  const result: HttpRobustnessResult = { requests: 0, failures: 0, hostDeaths: 0, writesFromInvalid: 0, skippedValid: 0, slowestAnswerMs: 0, setupMs: 0, attackMs: 0, batches: [], examples: [] }
  const fail = (what: string) => {
    result.failures++
    if (result.examples.length < 20) result.examples.push(what)
  }

  let host: HostProcess = await startHostProcess({ home, rendererDir })
  const target = (): Target => ({ port: host.port, token: host.token })

  // A fresh connection: not one that sat idle while a batch was prepared (the host closes those after its keep-alive time).
  const probe = async (): Promise<boolean> => {
    try {
      const a = await post(new Agent({ keepAlive: false }), target(), '/api/invoke/workspace.current', '{}', within)
      return a.status === 200 && (JSON.parse(a.body) as { data?: { name?: string } }).data?.name === NAME
    } catch {
      return false
    }
  }
  if (!(await probe())) throw new Error('the host does not answer a valid call before any attack')
  let before: Fingerprint = watched()
  const t1 = performance.now()
  result.setupMs = Math.round(t1 - t0)

  const afterBatch = async (name: string) => {
    result.batches.push(name)
    if (!host.alive()) {
      result.hostDeaths++
      fail(`${name}: the host died (exit ${host.exitCode()}): ${host.stderr().slice(-300)}`)
      host = await startHostProcess({ home, rendererDir })
    }
    if (!(await probe())) fail(`${name}: the host did not answer a valid call afterwards`)
    const after = watched()
    const changed = differences(before, after)
    if (changed.length) {
      result.writesFromInvalid++
      fail(`${name}: invalid requests wrote: ${changed.join('; ')}`)
    }
    before = after
    say(`robustness: ${name} done (${result.requests} requests, ${result.failures} failures)`)
  }

  const rawBatch = async (name: string, cases: RawCase[]) => {
    await Promise.all(
      cases.map(async (c) => {
        result.requests++
        try {
          const a = await rawRequest(target().port, { ...c.request, deadlineMs: within })
          result.slowestAnswerMs = Math.max(result.slowestAnswerMs, Math.round(a.ms))
          const accepted = c.accept ?? notBroken
          if ((a.status !== null && a.status >= 500) || !accepted(a)) fail(`${name} / ${c.name}: answered ${a.status ?? 'nothing'}${a.closed ? ', closed' : ''}`)
        } catch (e) {
          fail(`${name} / ${c.name}: ${(e as Error).message.slice(0, 200)}`)
        }
      }),
    )
    await afterBatch(name)
  }

  /** Sends bodies to channels, a few at a time; each must be refused as VALIDATION (or UNKNOWN_CHANNEL), or 413 when over the cap. */
  const payloadBatch = async (name: string, calls: Array<{ path: string; body: string; refusedAs: string[] }>) => {
    // Keep-alive within the batch, as a browser does; a new pool per batch, so no connection is reused after idling.
    const agent = new Agent({ keepAlive: true, maxSockets: 4 })
    let next = 0
    const worker = async () => {
      while (next < calls.length) {
        const call = calls[next++]
        result.requests++
        const t0 = performance.now()
        try {
          const a = await post(agent, target(), call.path, call.body, within)
          result.slowestAnswerMs = Math.max(result.slowestAnswerMs, Math.round(performance.now() - t0))
          const code = errorCode(a)
          const refused = a.status === 413 || ((a.status === 200 || a.status === 400) && code !== null && call.refusedAs.includes(code))
          if (!refused)
            fail(`${name} ${call.path} ${call.body.slice(0, 120)}: answered ${a.status} ${a.body.slice(0, 160)}`)
        } catch (e) {
          // A body over the cap is answered 413 and its connection closed at once: a client still
          // sending it may see the close (EPIPE, ECONNRESET) before the answer. Closing is allowed.
          const code = (e as NodeJS.ErrnoException).code
          const closedOverCap = (code === 'EPIPE' || code === 'ECONNRESET') && Buffer.byteLength(call.body) > DEFAULT_HOST_LIMITS.maxJsonBytes
          if (!closedOverCap) fail(`${name} ${call.path} ${call.body.slice(0, 120)}: ${(e as Error).message}`)
        }
      }
    }
    await Promise.all(Array.from({ length: 4 }, worker))
    agent.destroy()
    await afterBatch(name)
  }

  await rawBatch('request lines', requestLineCases(target()))
  await rawBatch('headers', headerCases(target()))
  await rawBatch('bodies', bodyCases(target()))
  await rawBatch('slow and half-closed clients', slowCases(target(), opts.slowCopies))
  for (let done = 0, round = 0; done < opts.randomRequests; round++) {
    const n = Math.min(200, opts.randomRequests - done)
    await rawBatch(`random bytes ${round + 1}`, randomCases(target(), n, opts.seed + round))
    done += n
  }

  const channels = Object.entries(contract)
  let seed = opts.seed
  for (let i = 0; i < channels.length; i += 8) {
    const calls: Array<{ path: string; body: string; refusedAs: string[] }> = []
    for (const [channel, def] of channels.slice(i, i + 8)) {
      for (const payload of faultyPayloads(def.request, opts.payloadsPerChannel, seed++)) {
        if (def.request.safeParse(payload).success) {
          result.skippedValid++
          continue
        }
        calls.push({ path: `/api/invoke/${encodeURIComponent(channel)}`, body: JSON.stringify(payload), refusedAs: ['VALIDATION'] })
      }
      const aliens = alienBodies()
      for (let k = 0; k < Math.min(opts.alienPerChannel, aliens.length); k++) {
        const body = aliens[(seed * 7 + k) % aliens.length]
        if (!def.request.safeParse(JSON.parse(body)).success) calls.push({ path: `/api/invoke/${channel}`, body, refusedAs: ['VALIDATION'] })
      }
    }
    await payloadBatch(`payloads ${channels[i][0]}…`, calls)
  }
  // Names that are no channel (sent %-encoded, so they arrive as written); a bad escape is a 400.
  const names = ['', ' ', 'nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'app.info.', 'APP.INFO', '💩', 'x'.repeat(5_000), 'app.info\u0000']
  await payloadBatch('channel names', [
    ...names.map((n) => ({ path: `/api/invoke/${encodeURIComponent(n)}`, body: '{}', refusedAs: ['UNKNOWN_CHANNEL'] })),
    { path: '/api/invoke/%E0%A4%A', body: '{}', refusedAs: ['VALIDATION'] },
  ])

  result.attackMs = Math.round(performance.now() - t1)
  if (!host.alive()) result.hostDeaths++
  await host.stop()
  return result
}

import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import type { CollectionAnswerEvent } from '../../src-shared/api/collection'
import type { AnswerBody, LinkKind } from '../../src-shared/domain/collection'
import type { OpenWorkspace } from '../db/openWorkspace'
import { answerBodySchema, tokenParamsSchema } from './answerSchema'
import { kioskLogo, kioskSurvey } from './answerService'
import { AnswerBatcher, type AnswerBatchOptions } from './answerBatch'
import { activeLinkKind, activeLinkSurvey } from './linkLookup'
import type { KioskPage } from './kioskPage'

/** How much one device and one survey may send, per window. */
export interface CollectionLimits {
  windowMs: number
  /** Answers per window from one phone (a QR link) per link. */
  phone: number
  /** Answers per window from one kiosk (a paired tablet's link): a queue sent at once after an outage. */
  kiosk: number
  /** Answers per window to one survey from everyone. */
  survey: number
  /** Bytes of one request body. */
  bodyBytes: number
}

export const DEFAULT_LIMITS: CollectionLimits = { windowMs: 60_000, phone: 20, kiosk: 600, survey: 3_000, bodyBytes: 8 * 1024 }

export interface CollectionServerOptions {
  host: string
  port: number
  /** The workspace the answers go to, at the moment of each request (null: none open, 503). */
  workspace: () => OpenWorkspace | null
  page: KioskPage
  now: () => number
  onAnswer: (event: CollectionAnswerEvent) => void
  limits?: Partial<CollectionLimits>
  /** The group commit's options (answerBatch.ts): batch size, a failing writer in tests, a per-batch probe. */
  batch?: AnswerBatchOptions
}

/** Seconds a kiosk waits before sending an answer again whose batch failed to commit. */
export const BATCH_FAILED_RETRY_AFTER_S = 2

export interface CollectionServer {
  host: string
  port: number
  baseUrl: string
  close(): Promise<void>
}

/** What a browser may do with the page: its own scripts, styles and images, nothing inline, no frames, no upgrade to https (the shop's network is plain http). */
const PAGE_CSP = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'"],
    connectSrc: ["'self'"],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
    frameAncestors: ["'none'"],
  },
}

interface TokenParams {
  token: string
}

/** Same-origin requests only: a page of another site cannot post answers through a visitor's browser (there are no cookies to ride on either). */
function crossSite(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site']
  if (site === 'cross-site' || site === 'same-site') return true
  const origin = req.headers.origin
  return origin !== undefined && origin !== `http://${req.headers.host ?? ''}`
}

/**
 * The shop's survey server: a Fastify instance of its own, apart from the app's loopback host. It
 * answers only GET /s/<link> (the page), GET /s/<link>/survey (its questions and look), GET
 * /s/<link>/logo, GET /s/assets/<the page's own files> and POST /s/<link>/answers. Nothing else
 * of the app is reachable, and nothing it answers holds personal data.
 */
export async function startCollectionServer(opts: CollectionServerOptions): Promise<CollectionServer> {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits }
  const batcher = new AnswerBatcher(opts.batch)
  const app = Fastify({
    logger: false,
    bodyLimit: limits.bodyBytes,
    connectionTimeout: 15_000,
    requestTimeout: 10_000,
    keepAliveTimeout: 5_000,
    routerOptions: { maxParamLength: 80 },
    return503OnClosing: true,
    // Bodies are checked, never repaired: an extra field or a string for a number is refused.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: false, allErrors: false } },
  })
  // Only JSON bodies: a cross-site HTML form can send text/plain without asking the server first.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: limits.bodyBytes }, (_req, body, done) => {
    try {
      done(null, JSON.parse(body as string))
    } catch {
      const e = new Error('The body is not JSON.') as Error & { statusCode: number }
      e.statusCode = 400
      done(e, undefined)
    }
  })
  await app.register(helmet, {
    contentSecurityPolicy: PAGE_CSP,
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  })
  await app.register(rateLimit, { global: false })

  const kindOf = (token: string): LinkKind | null => {
    const open = opts.workspace()
    return open ? activeLinkKind(open, token) : null
  }
  const tokenOf = (req: FastifyRequest) => (req.params as Partial<TokenParams>).token ?? ''
  const perDevice = app.createRateLimit({
    timeWindow: limits.windowMs,
    keyGenerator: (req) => `${req.ip}|${tokenOf(req)}`,
    max: (req) => (kindOf(tokenOf(req)) === 'kiosk' ? limits.kiosk : limits.phone),
  })
  const perSurvey = app.createRateLimit({ timeWindow: limits.windowMs, keyGenerator: (req) => `survey|${opts.workspace() ? surveyKey(opts.workspace()!, tokenOf(req)) : ''}`, max: limits.survey })

  const tooMany = (reply: FastifyReply, ttlSeconds: number) =>
    reply.code(429).header('retry-after', String(Math.max(1, ttlSeconds))).send({ ok: false, error: 'rate-limited', retryAfter: Math.max(1, ttlSeconds) })

  app.setNotFoundHandler((_req, reply) => reply.code(404).type('text/plain; charset=utf-8').send('Not found'))
  app.setErrorHandler((err: Error & { statusCode?: number; validation?: unknown }, _req, reply) => {
    const status = err.validation ? 400 : err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500
    // Never the error's text beyond the request's own mistakes: no paths, no SQL.
    void reply.code(status).send({ ok: false, error: status === 500 ? 'internal' : status === 400 ? 'invalid' : 'refused' })
  })

  app.get<{ Params: TokenParams }>('/s/:token', { schema: { params: tokenParamsSchema } }, (req, reply) => {
    if (!kindOf(req.params.token)) return reply.code(404).type('text/plain; charset=utf-8').send('This survey link is not open.')
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(opts.page.html)
  })
  app.get<{ Params: TokenParams }>('/s/:token/survey', { schema: { params: tokenParamsSchema } }, (req, reply) => {
    const open = opts.workspace()
    const survey = open ? kioskSurvey(open, req.params.token) : null
    if (!survey) return reply.code(404).send({ ok: false, error: 'no-link' })
    return reply.header('cache-control', 'no-store').send(survey)
  })
  app.get<{ Params: TokenParams }>('/s/:token/logo', { schema: { params: tokenParamsSchema } }, (req, reply) => {
    const open = opts.workspace()
    const logo = open ? kioskLogo(open, req.params.token) : null
    if (!logo) return reply.code(404).send({ ok: false, error: 'no-logo' })
    return reply.type(logo.type).header('cache-control', 'no-cache').send(logo.bytes)
  })
  app.get<{ Params: { name: string } }>('/s/assets/:name', (req, reply) => {
    const asset = opts.page.assets.get(`/s/assets/${req.params.name}`)
    if (!asset) return reply.code(404).type('text/plain; charset=utf-8').send('Not found')
    return reply.type(asset.type).header('cache-control', 'public, max-age=31536000, immutable').send(asset.bytes)
  })
  app.post<{ Params: TokenParams; Body: AnswerBody }>(
    '/s/:token/answers',
    {
      schema: { params: tokenParamsSchema, body: answerBodySchema },
      // Before the body is read: a refused request costs no parsing.
      onRequest: async (req, reply) => {
        if (crossSite(req)) return reply.code(403).send({ ok: false, error: 'cross-site' })
        // (isAllowed means "on the allow list", which is empty: the count decides.)
        const device = await perDevice(req)
        if (!device.isAllowed && device.isExceeded) return tooMany(reply, device.ttlInSeconds)
        const survey = await perSurvey(req)
        if (!survey.isAllowed && survey.isExceeded) return tooMany(reply, survey.ttlInSeconds)
      },
    },
    async (req, reply) => {
      const open = opts.workspace()
      if (!open) return reply.code(503).header('retry-after', '30').send({ ok: false, error: 'not-collecting' })
      // Answered once its batch has committed (group commit: many answers, one transaction).
      const outcome = await batcher.submit(open, { token: req.params.token, body: req.body, now: opts.now() })
      switch (outcome.kind) {
        case 'failed':
          return reply.code(503).header('retry-after', String(BATCH_FAILED_RETRY_AFTER_S)).send({ ok: false, error: 'retry' })
        case 'no-link':
          return reply.code(404).send({ ok: false, error: 'no-link' })
        case 'out-of-scale':
          return reply.code(400).send({ ok: false, error: 'invalid' })
        case 'duplicate':
          return reply.code(200).send({ ok: true, duplicate: true })
        case 'stored':
          opts.onAnswer(outcome.event)
          return reply.code(201).send({ ok: true, duplicate: false })
      }
    },
  )

  await app.listen({ host: opts.host, port: opts.port })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : opts.port
  const hostPart = opts.host.includes(':') ? `[${opts.host}]` : opts.host
  return { host: opts.host, port, baseUrl: `http://${hostPart}:${port}`, close: () => app.close() }
}

function surveyKey(open: OpenWorkspace, token: string): string {
  return String(activeLinkSurvey(open, token) ?? 'none')
}

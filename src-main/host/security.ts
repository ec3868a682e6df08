import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const newToken = (): string => randomBytes(24).toString('base64url')

export type Refusal = { status: number; message: string }

/**
 * DNS rebinding: a hostile page can make its own name resolve to 127.0.0.1, but the browser still
 * sends that name in Host. Only our loopback names on our port are served.
 */
export function checkHost(req: IncomingMessage, port: number): Refusal | null {
  const host = (req.headers.host ?? '').toLowerCase()
  if (host === `127.0.0.1:${port}` || host === `localhost:${port}`) return null
  return { status: 421, message: 'Unknown host' }
}

/** Cross-site requests (another tab's page posting to us) are refused before the token is even looked at. */
export function checkOrigin(req: IncomingMessage, port: number): Refusal | null {
  const origin = req.headers.origin
  if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`)
    return { status: 403, message: 'Cross-origin request refused' }
  const site = req.headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return { status: 403, message: 'Cross-site request refused' }
  return null
}

export function checkToken(req: IncomingMessage, token: string): Refusal | null {
  const header = req.headers.authorization ?? ''
  const given = header.startsWith('Bearer ') ? header.slice(7) : ''
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  if (a.length === b.length && timingSafeEqual(a, b)) return null
  return { status: 401, message: 'Missing or wrong token' }
}

import type { IncomingMessage } from 'node:http'
import { ClientGone, HttpError } from './respond'

export interface BodyLimits {
  maxBytes: number
  /** No byte for this long: 408. */
  idleMs: number
  /** The whole body within this, if set: 408. */
  totalMs?: number
}

/**
 * Reads a request body chunk by chunk, counting the bytes as they arrive, so a chunked body (no
 * content-length) is capped like a declared one. `onChunk` may return a promise (a file write
 * waiting for the disk): reading pauses until it settles, and the idle clock with it. Rejects with
 * an HttpError that closes the connection (413, 408) or ClientGone; resolves with the byte count.
 */
export function readBody(req: IncomingMessage, limits: BodyLimits, onChunk: (chunk: Buffer) => void | Promise<void>): Promise<number> {
  const declared = req.headers['content-length'] === undefined ? null : Number(req.headers['content-length'])
  if (declared !== null && declared > limits.maxBytes) return Promise.reject(tooLarge(limits.maxBytes))
  return new Promise<number>((resolve, reject) => {
    let size = 0
    let settled = false
    let idle: NodeJS.Timeout | undefined
    const total = limits.totalMs ? setTimeout(() => stop(slow()), limits.totalMs) : undefined
    const armIdle = () => {
      clearTimeout(idle)
      idle = setTimeout(() => stop(slow()), limits.idleMs)
    }
    const stop = (error: Error | null) => {
      if (settled) return
      settled = true
      clearTimeout(idle)
      clearTimeout(total)
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('close', onClose)
      req.off('error', onClose)
      if (error) {
        // Stop reading: what is left of the body is never looked at; the answer closes the connection.
        req.pause()
        reject(error)
      } else resolve(size)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limits.maxBytes) return stop(tooLarge(limits.maxBytes))
      let pending: void | Promise<void>
      try {
        pending = onChunk(chunk)
      } catch (e) {
        return stop(e as Error)
      }
      if (!pending) return armIdle()
      clearTimeout(idle)
      req.pause()
      pending.then(
        () => {
          if (settled) return
          armIdle()
          req.resume()
        },
        (e: Error) => stop(e),
      )
    }
    const onEnd = () => stop(null)
    // Closed before 'end': whatever arrived is not the whole body.
    const onClose = () => stop(new ClientGone())
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('close', onClose)
    req.on('error', onClose)
    armIdle()
  })
}

const tooLarge = (max: number) => new HttpError(413, `The request is larger than the host accepts (${formatBytes(max)}).`, true)
const slow = () => new HttpError(408, 'The request body did not arrive in time.', true)

function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${Math.round(n / 1024 ** 3)} GiB`
  if (n >= 1024 ** 2) return `${Math.round(n / 1024 ** 2)} MiB`
  return `${Math.round(n / 1024)} KiB`
}

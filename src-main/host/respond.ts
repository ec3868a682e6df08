import type { ServerResponse } from 'node:http'
import { isAppError, type ErrorCode } from '../../src-shared/api/result'

/**
 * A request the host answers with an HTTP status instead of a contract result. `close` says the
 * request's body was not (wholly) read, so the connection cannot carry another request: the answer
 * says `connection: close` and Node ends the socket once it is sent, instead of reading on.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly close = false,
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

/** The client went away mid-request: there is nobody left to answer. */
export class ClientGone extends Error {
  constructor() {
    super('The client closed the connection')
    this.name = 'ClientGone'
  }
}

const codeFor = (status: number): ErrorCode => (status === 401 ? 'UNAUTHORIZED' : status >= 500 ? 'INTERNAL' : 'VALIDATION')

export function sendJson(res: ServerResponse, status: number, body: unknown, opts: { close?: boolean } = {}): void {
  const text = JSON.stringify(body)
  const headers: Record<string, string | number> = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  }
  if (opts.close) headers.connection = 'close'
  res.writeHead(status, headers).end(text)
}

export function sendError(res: ServerResponse, status: number, message: string, opts: { close?: boolean } = {}): void {
  sendJson(res, status, { ok: false, error: { code: codeFor(status), message } }, opts)
}

/**
 * The answer to whatever a route threw. HttpErrors carry their status; anything else is a defect
 * of ours: logged, answered 500, and the host keeps serving. When headers already went out (a
 * download that failed midway) the only honest signal left is cutting the connection.
 */
export function answerFailure(res: ServerResponse, e: unknown, log: (message: string, error: unknown) => void): void {
  if (e instanceof ClientGone) return void res.destroy()
  if (!(e instanceof HttpError) && !isAppError(e)) log('[host] request failed', e)
  if (res.headersSent || res.destroyed) return void res.destroy()
  if (e instanceof HttpError) return sendError(res, e.status, e.message, { close: e.close })
  // A service's own failure (a snapshot that could not be written): its code and words, as the API gives them.
  if (isAppError(e)) return sendJson(res, e.code === 'NOT_FOUND' ? 404 : 500, { ok: false, error: e.toJSON() }, { close: true })
  sendError(res, 500, 'Something went wrong in the host; the error was logged.', { close: true })
}

import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AppContext } from '../app/context'

/** A reader that stopped reading would make the host buffer events for it without end. */
const MAX_UNSENT_BYTES = 1 << 20

/**
 * Push events as server-sent events. The stream is long-lived by design, so no request timeout
 * applies to it (its request has no body; only bodies are timed); it is cleaned up when the
 * connection closes for any reason, and cut if its reader stops reading.
 */
export function streamEvents(ctx: AppContext, req: IncomingMessage, res: ServerResponse, heartbeatMs = 25_000): void {
  req.socket.setTimeout(0)
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' })
  const send = (text: string) => {
    if (res.destroyed || res.writableEnded) return
    if (res.writableLength > MAX_UNSENT_BYTES) return void res.destroy()
    res.write(text)
  }
  send(': connected\n\n')
  const unsubscribe = ctx.events.subscribe((event) => send(`data: ${JSON.stringify(event)}\n\n`))
  const heartbeat = setInterval(() => send(': keep-alive\n\n'), heartbeatMs)
  // The reader shut its side: it is gone (browsers never half-close), so the stream ends now rather than at the next failed write.
  const onEnd = () => res.destroy()
  req.socket.once('end', onEnd)
  res.once('close', () => {
    req.socket.off('end', onEnd)
    clearInterval(heartbeat)
    unsubscribe()
  })
}

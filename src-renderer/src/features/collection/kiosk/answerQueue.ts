import type { AnswerBody } from '../../../../../src-shared/domain/collection'

/** What sending one answer came to: the HTTP status, or 0 when the server could not be reached. */
export interface SendResult {
  status: number
  /** Seconds, from a 429's or a 503's Retry-After. */
  retryAfter?: number
}

export interface QueueDeps {
  storage: { getItem(key: string): string | null; setItem(key: string, value: string): void }
  key: string
  send: (body: AnswerBody) => Promise<SendResult>
  /** Calls `run` after `ms` (setTimeout in the page, a fake in the tests). */
  later: (ms: number, run: () => void) => void
  onChange?: (pending: number) => void
  /**
   * The server refused an answer for good (a 4xx other than 404 and 429: 400 invalid, 413 too large,
   * 403, 415): it has left the outbox, and the page tells the person.
   */
  onRefused?: (body: AnswerBody, status: number) => void
  /** The link is not open (404: revoked, or another workspace open): the answers are kept, sending stops until `flush()` is called again. */
  onClosed?: (pending: number) => void
}

/** What one reply means for the answer sent. */
export type Verdict = 'stored' | 'refused' | 'closed' | 'retry'

export function verdictOf(status: number): Verdict {
  if (status === 200 || status === 201) return 'stored'
  if (status === 404) return 'closed'
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) return 'refused'
  return 'retry'
}

const MIN_RETRY_MS = 2_000
const MAX_RETRY_MS = 60_000

/**
 * The page's outbox. Every answer is written to the device's storage before it is sent and removed
 * only when the server has it (201 stored, 200 already stored), so nothing is lost when the laptop
 * is away, and nothing is stored twice when a reply is lost (the server knows the answer's id).
 * A refusal that can never succeed (a 4xx other than 404, 408 and 429: 400 the body is wrong, 413
 * too large) leaves the outbox and is reported (`onRefused`), never retried in a loop. A 404 (the
 * link revoked, which can be undone, or the laptop on another workspace) keeps the answers and stops
 * sending until the next `flush()` (the page's reload, the network coming back). Anything else (no
 * network, 429 too many, 503, 5xx) is kept and retried after Retry-After or a back-off, one answer
 * at a time, in order.
 */
export class AnswerQueue {
  private sending = false
  private retryAt = 0
  private backoff = MIN_RETRY_MS
  private timerSet = false

  constructor(private readonly deps: QueueDeps) {}

  pending(): AnswerBody[] {
    try {
      const raw = this.deps.storage.getItem(this.deps.key)
      const list: unknown = raw ? JSON.parse(raw) : []
      return Array.isArray(list) ? (list as AnswerBody[]) : []
    } catch {
      return []
    }
  }

  private save(list: AnswerBody[]): void {
    this.deps.storage.setItem(this.deps.key, JSON.stringify(list))
    this.deps.onChange?.(list.length)
  }

  add(body: AnswerBody): Promise<void> {
    const list = this.pending()
    if (!list.some((a) => a.id === body.id)) list.push(body)
    this.save(list)
    return this.flush()
  }

  /** Sends what is waiting, oldest first, until the queue is empty or the server asks to wait. */
  async flush(): Promise<void> {
    if (this.sending) return
    this.sending = true
    try {
      for (;;) {
        const next = this.pending()[0]
        if (!next) {
          this.backoff = MIN_RETRY_MS
          return
        }
        let result: SendResult
        try {
          result = await this.deps.send(next)
        } catch {
          result = { status: 0 }
        }
        const verdict = verdictOf(result.status)
        if (verdict === 'stored' || verdict === 'refused') {
          this.save(this.pending().filter((a) => a.id !== next.id))
          if (verdict === 'refused') this.deps.onRefused?.(next, result.status)
          continue
        }
        if (verdict === 'closed') {
          this.deps.onClosed?.(this.pending().length)
          return
        }
        const wait = result.retryAfter !== undefined ? Math.max(1, result.retryAfter) * 1000 : this.backoff
        this.backoff = Math.min(MAX_RETRY_MS, this.backoff * 2)
        this.retryLater(wait)
        return
      }
    } finally {
      this.sending = false
    }
  }

  private retryLater(ms: number): void {
    if (this.timerSet) return
    this.timerSet = true
    this.retryAt = ms
    this.deps.later(ms, () => {
      this.timerSet = false
      void this.flush()
    })
  }

  /** How long the queue waits before its next try (ms), for tests. */
  get lastWait(): number {
    return this.retryAt
  }
}

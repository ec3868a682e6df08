import type { OpenWorkspace } from '../db/openWorkspace'
import { recordAnswers, type BatchOutcome, type IncomingAnswer } from './answerService'

/** Answers written per transaction at most. */
export const MAX_BATCH = 32

export interface AnswerBatchOptions {
  /** Answers per transaction (MAX_BATCH). */
  maxBatch?: number
  /** Writes one batch in one transaction (recordAnswers); tests give one that fails. */
  write?: (open: OpenWorkspace, answers: readonly IncomingAnswer[]) => BatchOutcome[]
  /** Called once per batch written, with its size and how long the write took (ms). */
  onBatch?: (size: number, ms: number) => void
}

interface Waiting {
  open: OpenWorkspace
  answer: IncomingAnswer
  resolve: (outcome: BatchOutcome) => void
}

/**
 * Group commit for the survey server. Fifty kiosks posting at once used to cost one transaction —
 * one WAL append and commit, one set of statements — per answer, each request waiting for all the
 * ones before it. Here an answer is queued; the answers that arrived in the same turn of the event
 * loop (up to `maxBatch`) are written together in one transaction on the next `setImmediate`, and
 * each request is answered only after its batch has committed (its promise resolves then). When
 * the batch's transaction fails, every answer of it resolves `failed`: the server answers 503 with
 * Retry-After, and the page sends it again — its client id makes that idempotent.
 */
export class AnswerBatcher {
  private queue: Waiting[] = []
  private scheduled = false
  private readonly maxBatch: number
  private readonly write: (open: OpenWorkspace, answers: readonly IncomingAnswer[]) => BatchOutcome[]

  constructor(private readonly opts: AnswerBatchOptions = {}) {
    this.maxBatch = Math.max(1, opts.maxBatch ?? MAX_BATCH)
    this.write = opts.write ?? recordAnswers
  }

  /** Queues one answer for the next batch; resolves once that batch has committed (or failed). */
  submit(open: OpenWorkspace, answer: IncomingAnswer): Promise<BatchOutcome> {
    return new Promise((resolve) => {
      this.queue.push({ open, answer, resolve })
      this.schedule()
    })
  }

  /** Answers waiting for their batch. */
  get waiting(): number {
    return this.queue.length
  }

  private schedule(): void {
    if (this.scheduled || !this.queue.length) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      this.flushOne()
      // The rest on a later turn: requests that arrived meanwhile are read first and join them.
      this.schedule()
    })
  }

  /** Writes the next batch: up to maxBatch answers bound for the same workspace, in arrival order. */
  private flushOne(): void {
    const open = this.queue[0]?.open
    if (!open) return
    const batch: Waiting[] = []
    const rest: Waiting[] = []
    for (const w of this.queue) (batch.length < this.maxBatch && w.open === open ? batch : rest).push(w)
    this.queue = rest
    const t0 = performance.now()
    let outcomes: BatchOutcome[]
    try {
      outcomes = this.write(
        open,
        batch.map((w) => w.answer),
      )
    } catch {
      outcomes = batch.map(() => ({ kind: 'failed' }) as const)
    }
    this.opts.onBatch?.(batch.length, performance.now() - t0)
    batch.forEach((w, i) => w.resolve(outcomes[i] ?? { kind: 'failed' }))
  }
}

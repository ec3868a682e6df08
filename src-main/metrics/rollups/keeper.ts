import type { WorkspaceDb } from '../../db/connect'
import type { EventBus } from '../../common/events'
import type { RollupProgress } from '../../../src-shared/api/metrics'
import { isAppError } from '../../../src-shared/api/result'
import { journalSpan, reloadStatistics } from './rollupMaintainRepository'
import { foldAll, runRollupJob, type RollupJob } from './jobs'
import { runJobInWorker } from './worker/runInWorker'
import { unlessBusy } from '../../db/transaction'

/** Below this many journal rows, reads simply add the journal to the summaries. */
export const FOLD_FROM = 500
/** Up to this many, the fold happens right away on the main connection (well under a second). */
export const FOLD_INLINE_UP_TO = 50_000

export interface KeeperDeps {
  events: EventBus
  nativeBinding?: string
}

/**
 * Keeps one workspace's summaries folded and runs its rebuilds: small folds inline before a read,
 * large ones (after a big import) and rebuilds in a worker thread with progress events, so the app
 * keeps answering — from the summaries plus the journal, which is always exact — meanwhile.
 */
export class RollupKeeper {
  /** Set after a worker job: the next read first loads the planner statistics the worker wrote. */
  private statisticsStale = false
  private running: { job: RollupJob; progress: RollupProgress; done: Promise<void>; cancel(): void } | null = null

  constructor(
    private readonly ws: WorkspaceDb,
    private readonly deps: KeeperDeps,
  ) {}

  get status(): { pending: number; running: RollupProgress | null } {
    return { pending: journalSpan(this.ws.sqlite).pending, running: this.running?.progress ?? null }
  }

  /** Called before every metrics read: folds a grown journal, unless that is already under way. */
  beforeRead(): void {
    if (this.running) return
    if (this.statisticsStale && unlessBusy(this.ws.sqlite, () => reloadStatistics(this.ws.sqlite))) this.statisticsStale = false
    const { pending } = journalSpan(this.ws.sqlite)
    if (pending < FOLD_FROM) return
    if (pending > FOLD_INLINE_UP_TO && this.ws.path !== ':memory:') {
      void this.run({ kind: 'fold' }).catch(() => undefined)
      return
    }
    this.foldInline()
  }

  /** Folds now if no other connection is writing; otherwise leaves it for the next read. */
  private foldInline(): void {
    unlessBusy(this.ws.sqlite, () => foldAll(this.ws.sqlite))
  }

  /** Runs a fold or a rebuild to its end (waiting for the one under way first), reporting progress. */
  async run(job: RollupJob): Promise<void> {
    while (this.running) await this.running.done.catch(() => undefined)
    const kind = job.kind
    const progress: RollupProgress = { state: 'running', kind, phase: kind === 'fold' ? 'fold' : 'summaries', done: 0, total: 0 }
    const report = (p: Partial<RollupProgress>) => {
      Object.assign(progress, p)
      this.deps.events.emit('metrics.rollups', { ...progress })
    }
    let started: { done: Promise<void>; cancel(): void }
    if (this.ws.path === ':memory:') {
      // A database in memory cannot be opened by a second connection; tests run jobs inline.
      let cancelled = false
      started = {
        done: Promise.resolve().then(() => runRollupJob(this.ws.sqlite, job, { onProgress: (p) => report(p), isCancelled: () => cancelled })),
        cancel: () => (cancelled = true),
      }
    } else {
      started = runJobInWorker({ path: this.ws.path, nativeBinding: this.deps.nativeBinding }, job, (p) => report(p))
    }
    this.running = { job, progress, ...started }
    report({})
    try {
      await started.done
      // The worker may have gathered the month cube's statistics; this connection reads them only when told.
      if (this.ws.path !== ':memory:') this.statisticsStale = true
      report({ state: 'done' })
    } catch (e) {
      const cancelled = isAppError(e) && e.code === 'CANCELLED'
      report({ state: cancelled ? 'cancelled' : 'failed', message: (e as Error).message })
      throw e
    } finally {
      this.running = null
    }
  }

  cancel(): void {
    this.running?.cancel()
  }

  /** Waits for whatever is running (tests, closing). */
  async settle(): Promise<void> {
    while (this.running) await this.running.done.catch(() => undefined)
  }
}

const keepers = new WeakMap<WorkspaceDb, RollupKeeper>()

export function rollupKeeper(ws: WorkspaceDb, deps: KeeperDeps): RollupKeeper {
  let k = keepers.get(ws)
  if (!k) keepers.set(ws, (k = new RollupKeeper(ws, deps)))
  return k
}

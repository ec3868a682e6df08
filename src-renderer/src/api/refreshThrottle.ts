/** At most one refetch of what is on screen per this many ms while answers or another process's writes keep coming. */
export const REFRESH_MIN_INTERVAL_MS = 500

export interface Timers {
  now(): number
  setTimeout(run: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export interface Throttle {
  /** Asks for a run: now if the last was at least the interval ago, else once at the end of the interval (never lost, never more). */
  request(): void
  /** Drops a run that is waiting (the provider unmounts). */
  cancel(): void
}

/**
 * Leading and trailing throttle. Fifty kiosks answering at once used to refetch every query of the
 * screen once per answer — the inbox, the scores, the surveys, dozens a second, each a request to
 * the main process that the survey server shares; now the first answer refreshes at once and the
 * rest of a burst in one refresh per interval, the last one included.
 */
export function throttle(run: () => void, intervalMs: number, timers: Timers = realTimers): Throttle {
  let last = -Infinity
  let waiting: unknown = null
  const fire = () => {
    waiting = null
    last = timers.now()
    run()
  }
  return {
    request() {
      if (waiting !== null) return
      const since = timers.now() - last
      if (since >= intervalMs) fire()
      else waiting = timers.setTimeout(fire, intervalMs - since)
    },
    cancel() {
      if (waiting !== null) timers.clearTimeout(waiting)
      waiting = null
    },
  }
}

import { describe, expect, it } from 'vitest'
import { REFRESH_MIN_INTERVAL_MS, throttle, type Timers } from '../../../src-renderer/src/api/refreshThrottle'

/** A clock the test moves by hand, with the timers set on it. */
function manualTimers() {
  let now = 1_000
  let timers: Array<{ at: number; run: () => void; id: number }> = []
  let next = 0
  const t: Timers & { advance(ms: number): void; pending(): number } = {
    now: () => now,
    setTimeout: (run, ms) => {
      const id = ++next
      timers.push({ at: now + ms, run, id })
      return id
    },
    clearTimeout: (id) => void (timers = timers.filter((x) => x.id !== id)),
    advance(ms) {
      const until = now + ms
      for (;;) {
        const due = timers.filter((x) => x.at <= until).sort((a, b) => a.at - b.at)[0]
        if (!due) break
        timers = timers.filter((x) => x !== due)
        now = due.at
        due.run()
      }
      now = until
    },
    pending: () => timers.length,
  }
  return t
}

describe('the renderer’s refresh when answers arrive', () => {
  it('refreshes at once, then at most once per 500 ms while answers keep coming, the last one never lost', () => {
    const timers = manualTimers()
    const runs: number[] = []
    const refresh = throttle(() => runs.push(timers.now()), REFRESH_MIN_INTERVAL_MS, timers)
    expect(REFRESH_MIN_INTERVAL_MS).toBe(500)
    refresh.request()
    expect(runs).toEqual([1_000])
    // 50 kiosks: an answer every 10 ms for two seconds.
    for (let i = 0; i < 200; i++) {
      timers.advance(10)
      refresh.request()
    }
    timers.advance(1_000)
    expect(runs.length).toBeLessThanOrEqual(6)
    for (let i = 1; i < runs.length; i++) expect(runs[i] - runs[i - 1]).toBeGreaterThanOrEqual(500)
    // The last answer (at 3,000) is shown by a refresh after it.
    expect(runs[runs.length - 1]).toBeGreaterThanOrEqual(3_000)
    expect(timers.pending()).toBe(0)
  })

  it('refreshes at once again after a quiet interval, and drops a waiting refresh when cancelled', () => {
    const timers = manualTimers()
    let runs = 0
    const refresh = throttle(() => runs++, 500, timers)
    refresh.request()
    timers.advance(600)
    refresh.request()
    expect(runs).toBe(2)
    refresh.request()
    expect(runs).toBe(2)
    refresh.cancel()
    timers.advance(1_000)
    expect(runs).toBe(2)
  })
})

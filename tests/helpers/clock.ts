import type { Clock } from '../../src-main/common/clock'

/** A clock that stands still unless moved, so tests never depend on today's date. */
export function fakeClock(start = Date.UTC(2026, 10, 22, 3, 0, 0)): Clock & { advance(ms: number): void; set(ms: number): void } {
  let now = start
  return {
    now: () => now,
    advance: (ms) => {
      now += ms
    },
    set: (ms) => {
      now = ms
    },
  }
}

import { appendFileSync } from 'node:fs'

/**
 * Where an import's phases go (debug only): set CXDESK_IMPORT_TIMINGS to a file, and each thread of
 * an import (the writer, the reader) appends one JSON line with its phases' milliseconds when it
 * ends. `npm run bench -- --only importpeer` reads them to say where the time goes. Unset, the
 * marks still cost only a clock read per batch and per phase, and nothing is written.
 */
export const TIMINGS_ENV = 'CXDESK_IMPORT_TIMINGS'

export interface PhaseClock {
  /** Adds the time since the last mark (or since the clock started) to `phase`. */
  mark(phase: string): void
  /** Adds a measured span to `phase`. */
  add(phase: string, ms: number): void
  /** Writes the phases to the sink, if one is set. */
  flush(extra?: Record<string, unknown>): void
}

export function phaseClock(thread: string, sink: string | undefined = process.env[TIMINGS_ENV]): PhaseClock {
  const phases: Record<string, number> = {}
  const started = performance.now()
  let last = started
  const add = (phase: string, ms: number) => void (phases[phase] = (phases[phase] ?? 0) + ms)
  return {
    mark(phase) {
      const t = performance.now()
      add(phase, t - last)
      last = t
    },
    add,
    flush(extra = {}) {
      if (!sink) return
      const rounded = Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(v)]))
      appendFileSync(sink, JSON.stringify({ thread, totalMs: Math.round(performance.now() - started), phasesMs: rounded, ...extra }) + '\n')
    },
  }
}

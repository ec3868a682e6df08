import { appendFileSync, readFileSync } from 'node:fs'

/**
 * Where an import's phases go (debug only): set CXDESK_IMPORT_TIMINGS to a file, and each thread of
 * an import (the writer, the reader) appends one JSON line with its phases' milliseconds when it
 * ends, wall time and the thread's own CPU time. `npm run bench -- --only importpeer` reads them to
 * say where the time goes. Unset, the marks still cost only a clock read per batch and per phase,
 * and nothing is written.
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

/**
 * CPU milliseconds (user + system) of the calling thread so far, from Linux's /proc/thread-self
 * (clock ticks of 10 ms; a synchronous read runs on the calling thread), or null elsewhere. CPU, not
 * wall time, is what compares on a loaded machine: the work the thread did, whatever it waited.
 * SQLite's sorter helper threads (the index rebuild's PRAGMA threads) are not in it.
 */
function threadCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // After the command's name the line goes on with the state (its field 3): utime is field 14, stime 15.
    const ticks = Number(fields[11]) + Number(fields[12])
    return Number.isFinite(ticks) ? ticks * 10 : null
  } catch {
    return null
  }
}

export function phaseClock(thread: string, sink: string | undefined = process.env[TIMINGS_ENV]): PhaseClock {
  const phases: Record<string, number> = {}
  /** The thread's CPU per phase, only when the timings are written (a small file read per mark). */
  const cpu: Record<string, number> = {}
  const started = performance.now()
  const cpuStarted = sink ? threadCpuMs() : null
  let last = started
  let lastCpu = cpuStarted
  const add = (phase: string, ms: number) => void (phases[phase] = (phases[phase] ?? 0) + ms)
  return {
    mark(phase) {
      const t = performance.now()
      add(phase, t - last)
      last = t
      if (lastCpu === null) return
      const c = threadCpuMs() ?? lastCpu
      cpu[phase] = (cpu[phase] ?? 0) + c - lastCpu
      lastCpu = c
    },
    add,
    flush(extra = {}) {
      if (!sink) return
      const rounded = Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(v)]))
      const cpuMs = cpuStarted === null ? null : (threadCpuMs() ?? cpuStarted) - cpuStarted
      const line = { thread, totalMs: Math.round(performance.now() - started), phasesMs: rounded, cpuMs, phasesCpuMs: cpuStarted === null ? null : cpu, ...extra }
      appendFileSync(sink, JSON.stringify(line) + '\n')
    },
  }
}

import { readFileSync } from 'node:fs'

/**
 * The CPU time (user + system, ms, to the kernel's 10 ms tick) of the calling thread alone, read from
 * Linux's /proc/thread-self/stat; null elsewhere. process.cpuUsage() counts every thread of the
 * process, and Node 20 has no per-thread figure: a worker uses this to say what its job cost.
 */
export function threadCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8')
    // The fields after the command name (which may hold spaces) start with the state, field 3; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ticks = Number(fields[11]) + Number(fields[12])
    return Number.isFinite(ticks) ? ticks * 10 : null
  } catch {
    return null
  }
}

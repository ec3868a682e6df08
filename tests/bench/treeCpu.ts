import { readdirSync, readFileSync } from 'node:fs'

/**
 * CPU time (user + system, ms) of this process and every process below it — the headless browser
 * the reports bench drives, its renderers, its GPU and utility processes — read from Linux's /proc.
 * Each process counts its own time and that of the children it has reaped (cutime, cstime), so a
 * renderer that printed a report and was closed still counts, in the process that reaped it.
 * Null where /proc is not there. On a loaded machine wall times stretch; CPU time hardly does, so
 * it says what a quiet machine would need.
 */
export function treeCpuMs(root = process.pid): number | null {
  let entries: string[]
  try {
    entries = readdirSync('/proc').filter((d) => /^\d+$/.test(d))
  } catch {
    return null
  }
  const parent = new Map<number, number>()
  const cpu = new Map<number, number>()
  for (const d of entries) {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8')
      // After "pid (comm) ": state, ppid, …; utime, stime, cutime, cstime are fields 14–17 (11–14 after the name).
      const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ')
      parent.set(Number(d), Number(fields[1]))
      cpu.set(Number(d), (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * (1000 / 100))
    } catch {
      // The process ended while the list was read.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid, hops = 0; p !== undefined && p > 0 && hops < 64; p = parent.get(p), hops++) if (p === root) return true
    return false
  }
  let total = 0
  for (const [pid, ms] of cpu) if (inTree(pid)) total += ms
  return Math.round(total)
}

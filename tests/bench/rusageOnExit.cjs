// Preloaded (`node -r`) into a process the bench runs (one export per process): when it exits, its
// resource use is written as JSON to $CXDESK_BENCH_RUSAGE — CPU time (user + system, ms), peak
// resident memory (MB) and its wall time from start — so the bench reads a process's own figures.
'use strict'
const { writeFileSync } = require('node:fs')
const start = performance.now()
process.once('exit', () => {
  const out = process.env.CXDESK_BENCH_RUSAGE
  if (!out) return
  const u = process.resourceUsage()
  writeFileSync(out, JSON.stringify({ cpuMs: Math.round((u.userCPUTime + u.systemCPUTime) / 1000), userMs: Math.round(u.userCPUTime / 1000), maxRssMB: Math.round(u.maxRSS / 1024), wallMs: Math.round(performance.now() - start) }))
})

// Preloaded (`node -r`) into a process the bench runs (one export per process): when it exits, its
// resource use is written as JSON to $CXDESK_BENCH_RUSAGE — CPU time (user + system, ms), peak
// resident memory (MB) and its wall time from start — so the bench reads a process's own figures.
// Peak RSS counts the pages of a memory-mapped file that were read (the export's reader threads map
// the workspace read-only), which the kernel can drop at any time; so the peak of the anonymous part
// alone (heap, buffers: what would grow if rows piled up) is sampled too, from /proc (Linux only).
'use strict'
const { readFileSync, writeFileSync } = require('node:fs')
const start = performance.now()
let peakAnonKB = 0
function sampleAnon() {
  try {
    const m = /RssAnon:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))
    if (m) peakAnonKB = Math.max(peakAnonKB, Number(m[1]))
  } catch {
    // not Linux: no figure
  }
}
if (process.env.CXDESK_BENCH_RUSAGE) setInterval(sampleAnon, 50).unref()
process.once('exit', () => {
  const out = process.env.CXDESK_BENCH_RUSAGE
  if (!out) return
  sampleAnon()
  const u = process.resourceUsage()
  writeFileSync(
    out,
    JSON.stringify({
      cpuMs: Math.round((u.userCPUTime + u.systemCPUTime) / 1000),
      userMs: Math.round(u.userCPUTime / 1000),
      maxRssMB: Math.round(u.maxRSS / 1024),
      peakAnonMB: peakAnonKB ? Math.round(peakAnonKB / 1024) : null,
      wallMs: Math.round(performance.now() - start),
    }),
  )
})

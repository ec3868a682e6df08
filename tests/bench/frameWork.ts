/**
 * Main-thread work per frame, read from a Chromium trace (`browser.startTracing` with the
 * 'devtools.timeline' and 'blink.user_timing' categories).
 *
 * Frame-to-frame times from requestAnimationFrame only say whether a frame was missed (16.7 ms is
 * vsync, however little the frame did). This measures what a frame cost instead: the page marks
 * every animation frame with `performance.mark(name)`, and a frame's work is the time the renderer's
 * main thread spent in tasks (script, style, layout, paint, garbage collection) between its mark and
 * the next one. A frame whose work stays under 16 ms leaves room for the next one at 60 Hz.
 */

interface TraceEvent {
  name: string
  cat?: string
  ph: string
  ts: number
  dur?: number
  pid: number
  tid: number
}

export interface FrameWork {
  /** Main-thread work between consecutive marks, ms. */
  frames: number[]
  /** The longest single task on the main thread within the marked frames, ms. */
  longestTask: number
}

/** Per-frame work for each mark name (one name per recorded interaction). */
export function frameWork(trace: Buffer | string, markNames: string[]): Map<string, FrameWork> {
  const parsed = JSON.parse(String(trace)) as { traceEvents: TraceEvent[] } | TraceEvent[]
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents
  const wanted = new Set(markNames)
  const marks = events.filter((e) => wanted.has(e.name) && (e.cat ?? '').includes('blink.user_timing'))
  if (marks.length === 0) throw new Error('no frame marks in the trace')
  // The page's main thread is the one that ran the marks.
  const { pid, tid } = marks[0]
  const busy = mergedTasks(events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.name === 'RunTask' && e.dur))
  const result = new Map<string, FrameWork>()
  for (const name of markNames) {
    const ts = marks
      .filter((m) => m.name === name)
      .map((m) => m.ts)
      .sort((a, b) => a - b)
    const frames: number[] = []
    for (let i = 0; i + 1 < ts.length; i++) frames.push(overlap(busy, ts[i], ts[i + 1]) / 1000)
    const inside = busy.filter(([s, e]) => e > (ts[0] ?? 0) && s < (ts[ts.length - 1] ?? 0))
    result.set(name, { frames, longestTask: Math.max(0, ...inside.map(([s, e]) => (e - s) / 1000)) })
  }
  return result
}

/** Task intervals [start, end] in µs, nested and overlapping ones merged, sorted. */
function mergedTasks(tasks: TraceEvent[]): [number, number][] {
  const sorted = tasks.map((t): [number, number] => [t.ts, t.ts + (t.dur ?? 0)]).sort((a, b) => a[0] - b[0])
  const out: [number, number][] = []
  for (const [s, e] of sorted) {
    const last = out[out.length - 1]
    if (last && s <= last[1]) last[1] = Math.max(last[1], e)
    else out.push([s, e])
  }
  return out
}

function overlap(intervals: [number, number][], from: number, to: number): number {
  let sum = 0
  for (const [s, e] of intervals) {
    if (e <= from) continue
    if (s >= to) break
    sum += Math.min(e, to) - Math.max(s, from)
  }
  return sum
}

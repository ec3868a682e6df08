import type { MetricsSeries } from '../../src-shared/api/metrics'

const fmt = (v: number | null, digits = 1) => (v === null ? '—' : v.toFixed(digits))

/** Plain-text table for people; --json gives the machine-readable document. */
export function formatSeriesTable(s: MetricsSeries): string {
  const lines = [`${s.metric.toUpperCase()} by ${s.by} (time zone ${s.timezone})`, 'period      value    ±95%      n']
  for (const r of s.rows)
    lines.push(`${r.period.padEnd(10)} ${fmt(r.value).padStart(6)} ${fmt(r.moe95).padStart(7)} ${String(r.n).padStart(6)}${r.lowSample ? '  (too few responses)' : ''}`)
  lines.push(`${'overall'.padEnd(10)} ${fmt(s.overall.value).padStart(6)} ${fmt(s.overall.moe95).padStart(7)} ${String(s.overall.n).padStart(6)}`)
  return lines.join('\n')
}

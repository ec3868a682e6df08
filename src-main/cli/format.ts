import type { ImportRecord } from '../../src-shared/api/imports'
import type { CliMetrics } from './metricsCommand'

const fmt = (v: number | null, digits = 1) => (v === null ? '—' : v.toFixed(digits))

/** Plain-text table for people; --json gives the machine-readable document. */
export function formatSeriesTable(s: CliMetrics): string {
  const title = `${s.metric.toUpperCase()}${s.by ? ` by ${s.by}` : ''}${s.dim ? ` and ${s.dim}` : ''}${s.timezone ? ` (time zone ${String(s.timezone)})` : ''}`
  const lines = [title, `${'period'.padEnd(10)} ${s.dim ? `${'group'.padEnd(24)} ` : ''}value    ±95%      n`]
  const line = (period: string, group: string | null, r: { value: number | null; moe95: number | null; n: number; lowSample: boolean }) =>
    `${period.padEnd(10)} ${s.dim ? `${(group ?? '(none)').slice(0, 24).padEnd(24)} ` : ''}${fmt(r.value).padStart(5)} ${fmt(r.moe95).padStart(7)} ${String(r.n).padStart(6)}${r.lowSample ? '  (too few responses)' : ''}`
  for (const r of s.rows) lines.push(line(r.period ?? 'all', r.group, r))
  lines.push(line('overall', null, s.overall))
  return lines.join('\n')
}

/** One import of the history, on one line. */
export function formatImportLine(i: ImportRecord): string {
  const when = i.importedAt === null ? '—' : new Date(i.importedAt).toISOString().slice(0, 16).replace('T', ' ') + ' UTC'
  const zone = i.timezone ?? 'zone not recorded (imported by an older version)'
  return `#${i.id}  ${i.fileName}  ${when}  ${i.imported} added of ${i.rowsRead} rows  ${i.responses} responses (${i.readInZone} read in the zone)  ${zone}`
}

import type { ReportData, Statement } from '../../src-shared/api/reports'

/** The headline figures "what changed" speaks of, in this order. */
const SPOKEN = ['nps', 'csat', 'ces', 'ttr', 'churn', 'retention'] as const

/**
 * "What changed" as statements, each made only of figures the report prints elsewhere: a headline
 * tile and its comparison (with the tile's own significance verdict), the drivers table's first
 * row that is more than noise, the follow-up figures and the top theme. The page words them from the catalogue; nothing
 * here is a claim the figures do not make.
 */
export function whatChanged(data: Pick<ReportData, 'headline' | 'drivers' | 'followUp' | 'themes' | 'responses'>): Statement[] {
  const out: Statement[] = []
  for (const metric of SPOKEN) {
    const tile = data.headline?.tiles.find((t) => t.metric === metric)
    if (!tile || tile.value === null) continue
    if (tile.previous && tile.previous.value !== null && tile.change)
      out.push({
        kind: 'change',
        metric,
        value: tile.value,
        previous: tile.previous.value,
        delta: tile.change.delta,
        moe95: tile.change.moe95,
        significant: tile.change.significant,
        reason: tile.change.reason,
        ...(tile.change.intervals ? { intervals: tile.change.intervals } : {}),
        n: tile.n,
        previousN: tile.previous.n,
      })
    else out.push({ kind: 'level', metric, value: tile.value, n: tile.n, lowSample: tile.lowSample })
  }
  // Only a driver whose gap to the rest is more than noise is worth a sentence.
  const top = data.drivers?.drivers.find((d) => d.impact !== null && d.impact > 0 && d.value !== null && d.rest !== null && !d.lowSample && d.withinNoise === false)
  if (data.drivers && top) out.push({ kind: 'driver', metric: data.drivers.metric, dim: top.dim, group: top.group, value: top.value!, rest: top.rest!, impact: top.impact!, n: top.n })
  if (data.followUp && data.followUp.ttr.needed > 0)
    out.push({
      kind: 'followUp',
      openPoor: data.followUp.openPoor,
      stillOpen: data.followUp.ttr.stillOpen,
      resolved: data.followUp.ttr.resolved,
      medianHours: data.followUp.ttr.medianHours,
      p90Hours: data.followUp.ttr.p90Hours,
    })
  const theme = data.themes?.items[0]
  if (theme && data.responses > 0) out.push({ kind: 'theme', tag: theme.tag, count: theme.count, share: theme.count / data.responses })
  return out
}

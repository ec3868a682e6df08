import type { Driver } from '../../src-shared/api/metrics'
import { driverDims } from '../../src-shared/api/metrics'
import type { FeedbackFilter } from '../../src-shared/api/filters'
import { MIN_RELIABLE_N, type MetricKind } from '../../src-shared/domain/scores'
import type { ScoreCountRow } from './scoreCountsRepository'
import { ScoreAccumulator } from './accumulator'
import { figureOf } from './figures'
import { marginVerdict } from '../../src-shared/domain/significance'
import { seriesCounts, type MetricsSource } from './series'

function accumulate(rows: ScoreCountRow[], sign = 1, into = new ScoreAccumulator()): ScoreAccumulator {
  for (const r of rows) into.add({ ...r, n: sign * r.n })
  return into
}

/**
 * What pulls a score down most (issue 4): for each touchpoint, channel and theme (tag), how much
 * the overall score would change if its responses scored like all the others — n/N · (rest − value),
 * which for NPS and CSAT adds up exactly, since the overall score is the n-weighted mix of the group
 * and the rest. Positive = pulls the score down. For a CES question where lower is better, the
 * sign is turned so that positive still means "makes things worse". Each impact has its 95% margin,
 * n/N · √(moe_group² + moe_rest²) (the group and the rest are independent samples, n/N taken as
 * fixed); a driver is within noise when the gap between the group and the rest is not significant
 * by the tiles' rule (domain/significance.ts), and cannot be said to be either with too few answers
 * or a margin of 0.
 */
export async function drivers(src: MetricsSource, q: { metric: MetricKind; filter?: FeedbackFilter; limit: number }) {
  const all = (await seriesCounts(src, { metric: q.metric, filter: q.filter })).rows
  const overallAcc = accumulate(all)
  const overall = figureOf(q.metric, overallAcc)
  const out: Driver[] = []
  for (const dim of driverDims) {
    const rows = (await seriesCounts(src, { metric: q.metric, dim, filter: q.filter })).rows
    const groups = new Map<string, ScoreCountRow[]>()
    for (const r of rows) {
      if (r.grp === null) continue
      const list = groups.get(r.grp)
      if (list) list.push(r)
      else groups.set(r.grp, [r])
    }
    for (const [group, groupRows] of groups) {
      const g = figureOf(q.metric, accumulate(groupRows))
      // Everything else: every response minus this group's (for a tag, the responses without it).
      const restAcc = accumulate(groupRows, -1, accumulate(all))
      const rest = restAcc.n > 0 ? figureOf(q.metric, restAcc) : null
      const lowerBetter = q.metric === 'ces' && g.scale?.direction === 'lower_better'
      const known = g.value !== null && rest?.value != null && overall.n > 0
      const impact = known ? (g.n / overall.n) * (rest!.value! - g.value!) * (lowerBetter ? -1 : 1) : null
      // The group and the rest are different responses: the gap's margin is √(moe_g² + moe_rest²), scaled like the impact.
      const gap = known ? marginVerdict(rest!.value! - g.value!, g.moe95, rest!.moe95, g.lowSample || rest!.lowSample) : null
      out.push({
        dim,
        group,
        n: g.n,
        value: g.value,
        rest: rest?.value ?? null,
        impact,
        impactMoe95: gap?.moe95 == null ? null : (g.n / overall.n) * gap.moe95,
        withinNoise: gap?.significant == null ? null : !gap.significant,
        lowSample: g.n < MIN_RELIABLE_N,
      })
    }
  }
  out.sort((a, b) => (b.impact ?? -Infinity) - (a.impact ?? -Infinity))
  return { metric: q.metric, overall, drivers: out.slice(0, q.limit) }
}

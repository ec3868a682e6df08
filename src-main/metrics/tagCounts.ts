import type { FeedbackFilter } from '../../src-shared/api/filters'
import { factDerivations } from './rollups/derivations'
import { FACT_SCORE } from './rollups/layout'
import { questionInfo, readFactsAs, rollupsCanAnswer } from './rollups/rollupCounts'
import { readSnapshot } from './rollups/rollupSnapshotRepository'
import type { MetricsSource } from './series'
import { unscoredPerTag } from './tagCountsRepository'

/**
 * Responses per tag (theme) over a filter, by tag name, without reading the period's scored
 * responses: those come from the summaries (the tag slices of whole months or weeks, the day cube
 * for the days around them, and the journal not folded yet), and feedback without a score, which no
 * summary holds, is counted from the responses by its own index. The same numbers as counting the
 * filter's responses per tag (feedback/tagsService listTags), read in one snapshot. Null where the
 * summaries cannot answer the filter (a status, owner, text or sentiment filter, a filter on tags):
 * the caller counts the responses then.
 */
export function responsesPerTag(src: MetricsSource, filter: FeedbackFilter): Map<string, number> | null {
  if (!rollupsCanAnswer({ dim: 'tag', filter })) return null
  const questionIds = [...questionInfo(src.sqlite).values()].filter((q) => !filter.metric?.length || filter.metric.includes(q.metric)).map((q) => q.id)
  return readSnapshot(src.sqlite, () => {
    const counts = new Map<string, number>()
    const add = (name: string, n: number) => counts.set(name, (counts.get(name) ?? 0) + n)
    readFactsAs(src.sqlite, { fact: FACT_SCORE, questionIds, dim: 'tag', filter }, factDerivations(src.sqlite), (_date, tag, _question, _score, _band, n) => {
      if (tag !== null) add(tag, n)
      return null
    })
    // Feedback without a score has no question and no band: a metric or band filter leaves it out.
    if (!filter.metric?.length && !filter.band?.length) for (const r of unscoredPerTag(src.sqlite, filter)) add(r.name, Number(r.n))
    for (const [name, n] of counts) if (n === 0) counts.delete(name)
    return counts
  })
}

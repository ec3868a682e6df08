import type { JourneyDoc } from '../../../../../src-shared/domain/journeys/model'

/** How a card of one version differs from the other: only in this one, or there but changed (text, look, place or link). */
export type CompareStatus = 'only-here' | 'changed'

/**
 * Compares two versions of a map by entity id (a to-be version keeps its as-is map's ids). The
 * result is keyed by the ids of `here`; unchanged cards are absent.
 */
export function compareDocs(here: JourneyDoc, other: JourneyDoc): Map<string, CompareStatus> {
  const theirs = new Map(other.cards.map((c) => [c.id, c]))
  const out = new Map<string, CompareStatus>()
  for (const c of here.cards) {
    const o = theirs.get(c.id)
    if (!o) out.set(c.id, 'only-here')
    else if (o.text !== c.text || o.laneId !== c.laneId || o.stepId !== c.stepId || o.color !== c.color || o.icon !== c.icon || JSON.stringify(o.link) !== JSON.stringify(c.link))
      out.set(c.id, 'changed')
  }
  return out
}

/** Counts for the comparison's summary line. */
export function compareSummary(asIs: JourneyDoc, toBe: JourneyDoc): { added: number; removed: number; changed: number; emotionDelta: number | null } {
  const forward = compareDocs(toBe, asIs)
  const backward = compareDocs(asIs, toBe)
  const mean = (d: JourneyDoc) => (d.emotions.length ? d.emotions.reduce((s, e) => s + e.value, 0) / d.emotions.length : null)
  const a = mean(asIs)
  const b = mean(toBe)
  return {
    added: [...forward.values()].filter((s) => s === 'only-here').length,
    removed: [...backward.values()].filter((s) => s === 'only-here').length,
    changed: [...forward.values()].filter((s) => s === 'changed').length,
    emotionDelta: a === null || b === null ? null : Math.round(b - a),
  }
}

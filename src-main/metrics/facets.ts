import type { Sqlite } from '../db/sqlite'
import { cubeDims, sliceDimNumber, type CubeDim } from './rollups/layout'
import { facetCounts, facetCountsOf, tagNames, valueNames } from './rollups/rollupReadRepository'

/** The values of each dimension with their number of scored responses, most frequent first, for filter pickers. */
export function facets(sqlite: Sqlite): Record<string, Array<{ value: string; n: number }>> {
  const { summarised, journal, journalTags } = facetCounts(sqlite)
  const tagDim = sliceDimNumber.tag
  const nameOf = new Map(Object.entries(sliceDimNumber).map(([name, dim]) => [dim, name as CubeDim | 'tag']))
  const values = valueNames(sqlite, summarised.filter(([dim]) => dim !== tagDim).map(([, id]) => id))
  const tags = tagNames(sqlite, [...summarised.filter(([dim]) => dim === tagDim).map(([, id]) => id), ...journalTags.map(([id]) => id)])
  const counts = new Map<string, Map<string, number>>()
  const add = (dim: number, value: string | null | undefined, n: number) => {
    if (value === null || value === undefined) return
    const name = nameOf.get(dim)!
    let m = counts.get(name)
    if (!m) counts.set(name, (m = new Map()))
    m.set(value, (m.get(value) ?? 0) + n)
  }
  for (const [dim, id, n] of summarised) add(dim, dim === tagDim ? tags.get(id) : values.get(id), n)
  for (const [dim, value, n] of journal) add(dim, value, n)
  for (const [id, n] of journalTags) add(tagDim, tags.get(id), n)
  const out: Record<string, Array<{ value: string; n: number }>> = {}
  for (const name of [...cubeDims, 'tag']) {
    out[name] = [...(counts.get(name) ?? new Map<string, number>()).entries()]
      .filter(([, n]) => n > 0)
      .map(([value, n]) => ({ value, n }))
      .sort((a, b) => b.n - a.n || a.value.localeCompare(b.value))
  }
  return out
}

/**
 * One dimension's values with their number of scored responses, as facets() gives them, reading
 * only that dimension's summaries (a report's channel names need the channels, not every facet:
 * facets() was ~60 % of a report's figures at 100,000 responses).
 */
export function facetValues(sqlite: Sqlite, dim: CubeDim): Array<{ value: string; n: number }> {
  const { summarised, journal } = facetCountsOf(sqlite, dim)
  const names = valueNames(sqlite, summarised.map(([id]) => id))
  const counts = new Map<string, number>()
  const add = (value: string | null | undefined, n: number) => {
    if (value !== null && value !== undefined) counts.set(value, (counts.get(value) ?? 0) + n)
  }
  for (const [id, n] of summarised) add(names.get(id), n)
  for (const [value, n] of journal) add(value, n)
  return [...counts.entries()]
    .filter(([, n]) => n > 0)
    .map(([value, n]) => ({ value, n }))
    .sort((a, b) => b.n - a.n || a.value.localeCompare(b.value))
}

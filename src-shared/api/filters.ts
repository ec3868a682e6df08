import { z } from 'zod'
import { isoDate, shortText } from './limits'
import { followUpStatuses, metricKinds, scoreBands } from '../domain/scores'
import { sentimentLabels } from '../domain/sentiment'

/** What feedback can be broken down by (charts) and filtered on (inbox and charts alike); owner is who follows a response up. */
export const dimensions = ['channel', 'touchpoint', 'stage', 'location', 'segment', 'language', 'tag', 'owner'] as const
export type Dimension = (typeof dimensions)[number]

const values = z.array(shortText).max(200)

/**
 * One filter, shared by the inbox, the charts and the reports, so a click on a chart bar opens the
 * inbox on exactly the responses behind it. Every field narrows; lists mean "any of".
 */
export const feedbackFilterSchema = z.strictObject({
  /** Local calendar dates in the workspace's zone, inclusive. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  metric: z.array(z.enum(metricKinds)).max(3).optional(),
  /** good = promoters / satisfied / agree; poor = detractors / unsatisfied / disagree (needs follow-up). */
  band: z.array(z.enum(scoreBands)).max(3).optional(),
  /** Exact scores (a bar of a score distribution opens the responses that gave it). */
  score: z.array(z.number().int().min(-100).max(100)).max(21).optional(),
  channel: values.optional(),
  touchpoint: values.optional(),
  stage: values.optional(),
  location: values.optional(),
  segment: values.optional(),
  language: values.optional(),
  /** Tag names. */
  tag: values.optional(),
  status: z.array(z.enum(followUpStatuses)).max(4).optional(),
  owner: values.optional(),
  /** Sentiment of the comment (lexicon-based, see domain/sentiment.ts). */
  sentiment: z.array(z.enum(sentimentLabels)).max(3).optional(),
  /** Full-text search over comments. */
  text: z.string().max(200).optional(),
})
export type FeedbackFilter = z.infer<typeof feedbackFilterSchema>

export const filterListKeys = ['metric', 'band', 'channel', 'touchpoint', 'stage', 'location', 'segment', 'language', 'tag', 'status', 'owner', 'sentiment'] as const

/** Filters travel in URLs (#/inbox?channel=app&band=poor) so views can be shared, saved and linked from charts. */
export function filterToSearchParams(f: FeedbackFilter): URLSearchParams {
  const p = new URLSearchParams()
  if (f.from) p.set('from', f.from)
  if (f.to) p.set('to', f.to)
  for (const key of filterListKeys) for (const v of f[key] ?? []) p.append(key, v)
  for (const v of f.score ?? []) p.append('score', String(v))
  if (f.text) p.set('text', f.text)
  return p
}

/** The inverse of filterToSearchParams; anything invalid in a hand-edited URL is dropped, never trusted. */
export function filterFromSearchParams(p: URLSearchParams): FeedbackFilter {
  const raw: Record<string, unknown> = {}
  for (const key of ['from', 'to', 'text'] as const) {
    const v = p.get(key)
    if (v) raw[key] = v
  }
  for (const key of filterListKeys) {
    const all = p.getAll(key).filter(Boolean)
    if (all.length) raw[key] = all
  }
  const scores = p.getAll('score').filter((v) => /^-?\d+$/.test(v))
  if (scores.length) raw.score = scores.map(Number)
  const parsed = feedbackFilterSchema.safeParse(raw)
  if (parsed.success) return parsed.data
  // Keep the fields that are valid on their own.
  const kept: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(raw)) if (feedbackFilterSchema.safeParse({ [k]: v }).success) kept[k] = v
  return feedbackFilterSchema.parse(kept)
}

/** The conditions a filter actually sets (empty lists, empty text and unset keys set none). */
export function activeFilterKeys(f: FeedbackFilter): Array<keyof FeedbackFilter> {
  return (Object.keys(f) as Array<keyof FeedbackFilter>).filter((k) => {
    const v = f[k]
    return v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)
  })
}

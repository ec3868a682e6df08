import type { RowError } from '../../../src-shared/api/imports'
import { followUpStatuses, metricKinds, type FollowUpStatus, type MetricKind } from '../../../src-shared/domain/scores'
import type { NormalizedResponse } from './normalized'
import { parseIsoTimestamp } from './isoTimestamp'

/** The CSV written by CX Desk's feedback generator (tools/gen-feedback.mjs). */
export const generatorColumns = [
  'response_id',
  'customer_id',
  'customer_email',
  'submitted_at',
  'channel',
  'touchpoint',
  'stage',
  'metric',
  'score',
  'comment',
  'language',
  'status',
  'resolved_at',
  'location',
] as const
type Column = (typeof generatorColumns)[number]

export const generatorScales: Record<MetricKind, { min: number; max: number }> = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
}

const MAX_TEXT = 20_000
const MAX_SHORT = 200

export type HeaderCheck = { ok: true; index: Record<Column, number> } | { ok: false; missing: string[] }

export function checkGeneratorHeader(header: string[]): HeaderCheck {
  const names = header.map((h) => h.trim().toLowerCase())
  const missing = generatorColumns.filter((c) => !names.includes(c))
  if (missing.length > 0) return { ok: false, missing }
  const index = Object.fromEntries(generatorColumns.map((c) => [c, names.indexOf(c)])) as Record<Column, number>
  return { ok: true, index }
}

/** Maps one data record to a response, or explains with row, column and reason why it cannot be imported. */
export function mapGeneratorRecord(
  fields: string[],
  record: number,
  index: Record<Column, number>,
  columnCount: number,
): { ok: true; value: NormalizedResponse } | { ok: false; error: RowError } {
  const fail = (column: Column | null, reason: string) => ({ ok: false as const, error: { row: record, column, reason } })
  if (fields.length !== columnCount) return fail(null, `expected ${columnCount} columns, found ${fields.length}`)
  const get = (c: Column) => fields[index[c]].trim()
  const opt = (c: Column) => {
    const v = get(c)
    return v === '' ? null : v
  }
  for (const c of generatorColumns) {
    const limit = c === 'comment' ? MAX_TEXT : MAX_SHORT
    if (fields[index[c]].length > limit) return fail(c, `longer than ${limit} characters`)
  }

  const responseId = get('response_id')
  if (!responseId) return fail('response_id', 'is empty')
  const submitted = parseIsoTimestamp(get('submitted_at'))
  if (!submitted) return fail('submitted_at', `"${get('submitted_at')}" is not an ISO 8601 timestamp with an offset`)

  const metricText = get('metric').toLowerCase()
  if (!(metricKinds as readonly string[]).includes(metricText)) return fail('metric', `"${get('metric')}" is not one of ${metricKinds.join(', ')}`)
  const metric = metricText as MetricKind
  const scale = generatorScales[metric]
  const scoreText = get('score')
  const score = Number(scoreText)
  if (scoreText === '' || !Number.isInteger(score) || score < scale.min || score > scale.max)
    return fail('score', `"${scoreText}" is not a whole number from ${scale.min} to ${scale.max} (${metric})`)

  const statusText = get('status').toLowerCase() || 'new'
  if (!(followUpStatuses as readonly string[]).includes(statusText)) return fail('status', `"${get('status')}" is not one of ${followUpStatuses.join(', ')}`)
  let resolvedAt: number | null = null
  const resolvedText = get('resolved_at')
  if (resolvedText) {
    const r = parseIsoTimestamp(resolvedText)
    if (!r) return fail('resolved_at', `"${resolvedText}" is not an ISO 8601 timestamp with an offset`)
    if (r.epochMs < submitted.epochMs) return fail('resolved_at', 'is earlier than submitted_at')
    resolvedAt = r.epochMs
  }
  const customerRef = opt('customer_id')
  return {
    ok: true,
    value: {
      // The generator numbers rows from 1 in every file, so the id alone would collide across files.
      dedupKey: `gen:${responseId}:${submitted.epochMs}:${customerRef ?? ''}`,
      externalRef: responseId,
      customerRef,
      customerEmail: opt('customer_email'),
      metric,
      score,
      submittedAt: submitted.epochMs,
      submittedOffset: submitted.offsetMinutes,
      channel: opt('channel'),
      touchpoint: opt('touchpoint'),
      stage: opt('stage'),
      location: opt('location'),
      language: opt('language')?.toLowerCase() ?? null,
      comment: opt('comment') === null ? null : fields[index.comment],
      status: statusText as FollowUpStatus,
      resolvedAt,
    },
  }
}

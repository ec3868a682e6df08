import type { ColumnRole, ImportMapping, RowError, RowErrorCode, ScoreSpec } from '../../../src-shared/api/imports'
import { rowError } from '../rowError'
import { followUpStatuses, metricKinds, standardScales, type FollowUpStatus, type MetricKind } from '../../../src-shared/domain/scores'
import { parseDate } from '../../../src-shared/domain/dateText'
import { scoreFromText } from '../formats/scoreText'
import type { NormalizedCustomer, NormalizedResponse } from '../formats/normalized'
import { legacyKeyCandidates, rowKey } from './rowKeys'
import { normalizePhone } from '../formats/phone'

const MAX_TEXT = 20_000
const MAX_SHORT = 200

type Mapped<T> = { ok: true; values: T[] } | { ok: false; error: RowError }

/** Status words as exports and people write them. */
const STATUS_WORDS: Record<string, FollowUpStatus> = {
  new: 'new', open: 'new', mới: 'new', ใหม่: 'new',
  in_progress: 'in_progress', 'in progress': 'in_progress', pending: 'in_progress', 'đang xử lý': 'in_progress', กำลังดำเนินการ: 'in_progress',
  resolved: 'resolved', closed: 'resolved', done: 'resolved', 'đã xử lý': 'resolved', แก้ไขแล้ว: 'resolved',
  no_action: 'no_action', 'no action': 'no_action', 'không cần xử lý': 'no_action', ไม่ต้องดำเนินการ: 'no_action',
}

export interface RowMapperOptions {
  /** Identifies the source, so ids from different sources never collide. */
  sourceKey: string
  /** The workspace's zone, for times written without one. */
  timezone: string
  /** The workspace holds rows keyed by an older version: compute those keys too, to recognise them. */
  legacyKeys?: boolean
}

/**
 * Turns a mapping into a function from one record of the file to responses (one per score column)
 * or to a row error with its row number, column and reason. Nothing here touches the database.
 */
export function responseRowMapper(mapping: ImportMapping, headers: string[], opts: RowMapperOptions) {
  const first = (role: ColumnRole) => mapping.columns.find((c) => c.role === role)?.index ?? null
  const idx = {
    id: first('responseId'),
    date: first('date'),
    metric: first('metric'),
    comment: first('comment'),
    email: first('email'),
    customerId: first('customerId'),
    customerName: first('customerName'),
    phone: first('phone'),
    channel: first('channel'),
    touchpoint: first('touchpoint'),
    stage: first('stage'),
    location: first('location'),
    language: first('language'),
    segment: first('segment'),
    status: first('status'),
    owner: first('owner'),
    resolvedAt: first('resolvedAt'),
  }
  const scores = mapping.columns.filter((c) => c.role === 'score')
  // The scale a row's metric names, one object per metric for the whole file (not one per row).
  const standardSpecs = Object.fromEntries(
    metricKinds.map((m) => [m, { metric: m, min: standardScales[m].min, max: standardScales[m].max, direction: 'higher_better' }]),
  ) as Record<MetricKind, ScoreSpec>
  const tz = mapping.timezone ?? opts.timezone
  const name = (i: number) => headers[i] || `column ${i + 1}`
  const isGenerator = mapping.format === 'cxdesk-generator'
  const legacyKeysOf = opts.legacyKeys ? legacyKeyCandidates(mapping) : null

  const limits = mapping.columns.filter((c) => c.role !== 'ignore').map((c) => ({ index: c.index, limit: c.role === 'comment' ? MAX_TEXT : MAX_SHORT }))
  // Called once per row of a file that may have a million: plain functions over `fields`, no per-row closures.
  let fields: string[] = []
  let row = 0
  const raw = (i: number | null) => (i === null ? '' : (fields[i] ?? ''))
  const text = (i: number | null) => {
    if (i === null) return null
    const v = (fields[i] ?? '').trim()
    return v === '' ? null : v
  }
  const fail = (index: number | null, code: RowErrorCode, params?: Record<string, string | number>): Mapped<NormalizedResponse> => ({
    ok: false,
    error: rowError(row, index === null ? null : name(index), code, params),
  })

  return (rowFields: string[], rowNumber: number): Mapped<NormalizedResponse> => {
    fields = rowFields
    row = rowNumber
    for (const c of limits) if ((fields[c.index] ?? '').length > c.limit) return fail(c.index, 'tooLong', { limit: c.limit })
    if (idx.date === null) return fail(null, 'noDateColumn')
    const dateText = raw(idx.date).trim()
    if (!dateText) return fail(idx.date, 'empty')
    const date = parseDate(dateText, mapping.dateOrder, tz)
    if (!date) return mapping.dateOrder ? fail(idx.date, 'notDateInOrder', { value: dateText, order: mapping.dateOrder }) : fail(idx.date, 'notDate', { value: dateText })

    let status: FollowUpStatus = 'new'
    const statusText = text(idx.status)
    if (statusText) {
      const s = STATUS_WORDS[statusText.toLowerCase()]
      if (!s || !(followUpStatuses as readonly string[]).includes(s)) return fail(idx.status, 'badStatus', { value: statusText })
      status = s
    }
    let resolvedAt: number | null = null
    const resolvedText = text(idx.resolvedAt)
    if (resolvedText) {
      const r = parseDate(resolvedText, mapping.dateOrder, tz)
      if (!r) return fail(idx.resolvedAt, 'notDate', { value: resolvedText })
      if (r.epochMs < date.epochMs) return fail(idx.resolvedAt, 'resolvedBeforeDate')
      resolvedAt = r.epochMs
    }

    const rowMetric = text(idx.metric)?.toLowerCase() ?? null
    if (idx.metric !== null && rowMetric !== null && !(metricKinds as readonly string[]).includes(rowMetric))
      return fail(idx.metric, 'badMetric', { value: text(idx.metric) ?? '' })
    const answers: Array<{ index: number; spec: ScoreSpec; score: number; own: boolean }> = []
    for (const c of scores) {
      const scoreText = raw(c.index).trim()
      if (!scoreText) continue
      let spec = c.score
      if (!spec) {
        if (!rowMetric) return fail(idx.metric ?? c.index, 'noRowMetric')
        spec = standardSpecs[rowMetric as MetricKind]
      }
      const score = scoreFromText(scoreText)
      if (score === null || !Number.isInteger(score) || score < spec.min || score > spec.max)
        return fail(c.index, 'badScore', { value: scoreText, min: spec.min, max: spec.max, metric: spec.metric.toUpperCase() })
      answers.push({ index: c.index, spec, score, own: spec === c.score })
    }
    const comment = text(idx.comment) === null ? null : raw(idx.comment)
    if (!answers.length && comment === null) return fail(scores[0]?.index ?? idx.comment, 'noScoreNorComment')

    const responseId = text(idx.id)
    const customerRef = text(idx.customerId)
    let baseKey: string
    let legacy: string[] | null = null
    if (isGenerator && responseId) baseKey = `gen:${responseId}:${date.epochMs}:${customerRef ?? ''}`
    else if (responseId) baseKey = `src:${opts.sourceKey}:${responseId}`
    else {
      baseKey = rowKey(fields)
      legacy = legacyKeysOf?.(fields) ?? null
    }

    const email = text(idx.email)?.toLowerCase() ?? null
    const common = {
      externalRef: responseId,
      customerRef,
      customerEmail: email,
      customerName: text(idx.customerName),
      customerPhone: phoneOf(text(idx.phone), opts.timezone),
      segment: text(idx.segment),
      submittedAt: date.epochMs,
      submittedOffset: date.offsetMinutes,
      readInZone: !date.stated,
      channel: text(idx.channel) ?? mapping.defaults.channel ?? null,
      touchpoint: text(idx.touchpoint) ?? mapping.defaults.touchpoint ?? null,
      stage: text(idx.stage) ?? mapping.defaults.stage ?? null,
      location: text(idx.location) ?? mapping.defaults.location ?? null,
      language: (text(idx.language) ?? mapping.defaults.language ?? null)?.toLowerCase().slice(0, 2) ?? null,
      status,
      owner: text(idx.owner),
      resolvedAt,
    }
    if (!answers.length) return { ok: true, values: [{ ...common, dedupKey: baseKey, legacyKeys: legacy, question: null, score: null, comment }] }
    // Several score columns (NPS and CSAT in one survey) become several responses; the comment goes with the first.
    return {
      ok: true,
      values: answers.map((a, i) => {
        const suffix = answers.length > 1 || scores.length > 1 ? `#${a.index}` : ''
        return {
          ...common,
          dedupKey: baseKey + suffix,
          legacyKeys: legacy && legacy.map((k) => k + suffix),
          question: a.spec,
          // A column with a scale of its own asks its own question (its header); one whose metric the row names does not.
          questionColumn: a.own ? a.index : null,
          score: a.score,
          comment: i === 0 ? comment : null,
        }
      }),
    }
  }
}

/** Dates in a CRM export (customer since, churned at) are stored as calendar dates. */
function calendarDate(text: string | null, mapping: ImportMapping, tz: string): string | null | false {
  if (!text) return null
  const d = parseDate(text, mapping.dateOrder, tz)
  if (!d) return false
  return new Date(d.epochMs + d.offsetMinutes * 60_000).toISOString().slice(0, 10)
}

export function customerRowMapper(mapping: ImportMapping, headers: string[], opts: RowMapperOptions) {
  const first = (role: ColumnRole) => mapping.columns.find((c) => c.role === role)?.index ?? null
  const tz = mapping.timezone ?? opts.timezone
  const name = (i: number) => headers[i] || `column ${i + 1}`
  return (fields: string[], row: number): Mapped<NormalizedCustomer> => {
    const text = (i: number | null) => {
      const v = i === null ? '' : (fields[i] ?? '').trim()
      return v === '' ? null : v.slice(0, MAX_SHORT)
    }
    const fail = (index: number | null, code: RowErrorCode, params?: Record<string, string | number>): Mapped<NormalizedCustomer> => ({
      ok: false,
      error: rowError(row, index === null ? null : name(index), code, params),
    })
    const externalRef = text(first('customerId'))
    const email = text(first('email'))?.toLowerCase() ?? null
    if (!externalRef && !email) return fail(first('customerId') ?? first('email'), 'customerNeedsId')
    if (email && !/^[^@\s]+@[^@\s]+$/.test(email)) return fail(first('email'), 'badEmail', { value: email })
    const since = calendarDate(text(first('customerSince')), mapping, tz)
    if (since === false) return fail(first('customerSince'), 'notDate', { value: text(first('customerSince')) ?? '' })
    const churned = calendarDate(text(first('churnedAt')), mapping, tz)
    if (churned === false) return fail(first('churnedAt'), 'notDate', { value: text(first('churnedAt')) ?? '' })
    return {
      ok: true,
      values: [
        {
          ref: externalRef,
          name: text(first('customerName')),
          email,
          phone: phoneOf(text(first('phone')), opts.timezone),
          segment: text(first('segment')),
          location: text(first('location')),
          customerSince: since,
          churnedAt: churned,
        },
      ],
    }
  }
}

/** A phone in one form (formats/phone.ts), so the same phone finds the same customer; other text as written. */
const phoneOf = (text: string | null, timezone: string) => (text === null ? null : (normalizePhone(text, timezone) ?? text))

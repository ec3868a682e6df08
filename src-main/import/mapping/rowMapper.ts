import type { ColumnRole, ImportMapping, RowError, RowErrorCode, ScoreSpec } from '../../../src-shared/api/imports'
import { rowError } from '../rowError'
import { followUpStatuses, metricKinds, standardScales, type FollowUpStatus, type MetricKind } from '../../../src-shared/domain/scores'
import { parseDate } from '../../../src-shared/domain/dateText'
import { scoreFromText } from '../formats/scoreText'
import type { NormalizedCustomer } from '../formats/normalized'
import { readConsentCell } from '../../../src-shared/domain/consentText'
import type { WireResponse } from './wire'
import { legacyKeyCandidates, rowKey } from './rowKeys'
import { normalizePhone } from '../../../src-shared/domain/phone'
import { restoreNeutralised } from '../../common/csvWriter'
import { isOwnExportHeader } from '../formats/ownExportFormat'

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

/** What the response mapper needs besides the mapping: the local date in the workspace's zone, and a score's question key. */
export interface ResponseWireOptions extends RowMapperOptions {
  /** The local date (YYYY-MM-DD) of a time, in the workspace's zone. */
  localDateOf: (epochMs: number) => string
  /** The question key of an answer on this scale: from the column when it has a scale of its own, else from the scale. */
  questionKey: (spec: ScoreSpec, column: number | null) => string
}

/**
 * Turns a mapping into a function from one record of the file to responses (one per score column),
 * appended to `out` as the tuples that go to the writer (WireResponse), or to a row error with its
 * row number, column and reason. Nothing here touches the database.
 *
 * Called once per row of a file that may have a million: it builds no object per row besides the
 * tuples themselves (an object per response spread into another per answer, then copied into the
 * tuple, was about a fifth of the reader thread's time and much of its garbage).
 */
export function responseRowMapper(mapping: ImportMapping, headers: string[], opts: ResponseWireOptions) {
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
  const { localDateOf, questionKey } = opts
  const defaults = mapping.defaults

  const limits = mapping.columns.filter((c) => c.role !== 'ignore').map((c) => ({ index: c.index, limit: c.role === 'comment' ? MAX_TEXT : MAX_SHORT }))
  // Plain functions over `fields`, no per-row closures; the answers of a row in arrays reused for every row.
  let fields: string[] = []
  let row = 0
  const answerIndex: number[] = []
  const answerSpec: ScoreSpec[] = []
  const answerScore: number[] = []
  const answerOwn: boolean[] = []
  const raw = (i: number | null) => (i === null ? '' : (fields[i] ?? ''))
  // A cell CX Desk's own export neutralised against formulas ('=…) comes back as it was typed; in
  // any other file a leading apostrophe is the text's own (ownExportFormat.ts).
  const ownExport = isOwnExportHeader(headers, 'responses')
  const text = (i: number | null) => {
    if (i === null) return null
    const v = (fields[i] ?? '').trim()
    return v === '' ? null : ownExport ? restoreNeutralised(v) : v
  }
  const fail = (index: number | null, code: RowErrorCode, params?: Record<string, string | number>): RowError => rowError(row, index === null ? null : name(index), code, params)

  /** Appends the row's responses to `out`; a row error instead (nothing appended) when the row cannot be imported. */
  return (rowFields: string[], rowNumber: number, out: WireResponse[]): RowError | null => {
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
    let answers = 0
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
      answerIndex[answers] = c.index
      answerSpec[answers] = spec
      answerScore[answers] = score
      answerOwn[answers] = spec === c.score
      answers++
    }
    const comment = text(idx.comment) === null ? null : ownExport ? restoreNeutralised(raw(idx.comment)) : raw(idx.comment)
    if (!answers && comment === null) return fail(scores[0]?.index ?? idx.comment, 'noScoreNorComment')

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
    const customerName = text(idx.customerName)
    const customerPhone = phoneOf(text(idx.phone), opts.timezone)
    const segment = text(idx.segment)
    const localDate = localDateOf(date.epochMs)
    const channel = text(idx.channel) ?? defaults.channel ?? null
    const touchpoint = text(idx.touchpoint) ?? defaults.touchpoint ?? null
    const stage = text(idx.stage) ?? defaults.stage ?? null
    const location = text(idx.location) ?? defaults.location ?? null
    const language = (text(idx.language) ?? defaults.language ?? null)?.toLowerCase().slice(0, 2) ?? null
    const owner = text(idx.owner)
    const readInZone = date.stated ? 0 : 1
    if (!answers) {
      out.push([
        baseKey, responseId, customerRef, email, customerName, customerPhone, segment, null, null, date.epochMs, date.offsetMinutes, localDate,
        channel, touchpoint, stage, location, language, comment, status, owner, resolvedAt, readInZone, legacy,
      ])
      return null
    }
    // Several score columns (NPS and CSAT in one survey) become several responses; the comment goes with the first.
    for (let i = 0; i < answers; i++) {
      const index = answerIndex[i]
      const suffix = answers > 1 || scores.length > 1 ? `#${index}` : ''
      // A column with a scale of its own asks its own question (its header); one whose metric the row names does not.
      const key = questionKey(answerSpec[i], answerOwn[i] ? index : null)
      out.push([
        suffix ? baseKey + suffix : baseKey, responseId, customerRef, email, customerName, customerPhone, segment, key, answerScore[i], date.epochMs,
        date.offsetMinutes, localDate, channel, touchpoint, stage, location, language, i === 0 ? comment : null, status, owner, resolvedAt, readInZone,
        legacy && legacy.map((k) => k + suffix),
      ])
    }
    return null
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
  // As for responses: only CX Desk's own customer export had its cells guarded with an apostrophe.
  const ownExport = isOwnExportHeader(headers, 'customers')
  return (fields: string[], row: number): Mapped<NormalizedCustomer> => {
    const text = (i: number | null) => {
      const v = i === null ? '' : (fields[i] ?? '').trim()
      return v === '' ? null : (ownExport ? restoreNeutralised(v) : v).slice(0, MAX_SHORT)
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
    const feedback = readConsentCell(text(first('consentFeedback')))
    if (feedback === false) return fail(first('consentFeedback'), 'badConsent', { value: text(first('consentFeedback')) ?? '' })
    const marketing = readConsentCell(text(first('consentMarketing')))
    if (marketing === false) return fail(first('consentMarketing'), 'badConsent', { value: text(first('consentMarketing')) ?? '' })
    const consentDate = calendarDate(text(first('consentDate')), mapping, tz)
    if (consentDate === false) return fail(first('consentDate'), 'notDate', { value: text(first('consentDate')) ?? '' })
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
          consent: feedback || marketing ? { feedback, marketing, date: consentDate } : null,
        },
      ],
    }
  }
}

/** A phone in one form (src-shared/domain/phone.ts), so the same phone finds the same customer; other text as written. */
const phoneOf = (text: string | null, timezone: string) => (text === null ? null : (normalizePhone(text, timezone) ?? text))

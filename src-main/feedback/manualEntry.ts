import { randomBytes } from 'node:crypto'
import { AppError } from '../../src-shared/api/result'
import { standardScales, type MetricKind } from '../../src-shared/domain/scores'
import { customerLinker } from '../customers/customersRepository'
import { ensureQuestions } from '../db/questionLookup'
import { parseDate } from '../../src-shared/domain/dateText'
import { feedbackWriter } from './feedbackWriter'
import type { OpenWorkspace } from '../db/openWorkspace'
import { inTransaction } from '../db/transaction'

export interface ManualEntry {
  date: string
  time?: string
  metric?: MetricKind
  score?: number
  comment?: string
  channel?: string
  touchpoint?: string
  stage?: string
  location?: string
  customerName?: string
  customerEmail?: string
  customerPhone?: string
}

const blank = (v: string | undefined) => (v && v.trim() ? v.trim() : null)

/** A feedback item typed in by hand (a phone call, a visit), stored like an imported one. */
export function createFeedback(open: OpenWorkspace, e: ManualEntry, now: number): { id: number } {
  const comment = blank(e.comment)
  if ((e.metric === undefined) !== (e.score === undefined)) throw new AppError('VALIDATION', 'Give both the metric and the score, or neither.')
  if (e.score === undefined && !comment) throw new AppError('VALIDATION', 'Give a score or a comment.')
  const when = parseDate(`${e.date} ${e.time ?? '12:00'}`, null, open.settings.timezone)
  if (!when) throw new AppError('VALIDATION', `${e.date} is not a date.`)
  if (e.metric && e.score !== undefined) {
    const s = standardScales[e.metric]
    if (e.score < s.min || e.score > s.max) throw new AppError('VALIDATION', `A ${e.metric.toUpperCase()} score is from ${s.min} to ${s.max}.`)
  }
  const sqlite = open.ws.sqlite
  return inTransaction(sqlite, () => {
    const spec = e.metric ? { metric: e.metric, min: standardScales[e.metric].min, max: standardScales[e.metric].max, direction: 'higher_better' as const } : null
    const questionId = spec ? [...ensureQuestions(sqlite, [spec]).values()][0] : null
    const email = blank(e.customerEmail)?.toLowerCase() ?? null
    const name = blank(e.customerName)
    const customer = email || name ? customerLinker(sqlite, now, { timezone: open.settings.timezone })({ ref: email ? null : `manual:${randomBytes(6).toString('hex')}`, email, name, phone: blank(e.customerPhone) }) : null
    const id = feedbackWriter(sqlite, now)({
      dedupKey: `manual:${randomBytes(12).toString('base64url')}`,
      importId: null,
      externalRef: null,
      customerId: customer?.id ?? null,
      questionId,
      score: e.score ?? null,
      submittedAt: when.epochMs,
      submittedOffset: when.offsetMinutes,
      localDate: open.localDateOf(when.epochMs),
      channel: blank(e.channel),
      touchpoint: blank(e.touchpoint),
      stage: blank(e.stage),
      location: blank(e.location),
      language: null,
      comment,
      respondentEmail: email,
      status: 'new',
      owner: null,
      statusChangedAt: null,
      resolvedAt: null,
      now,
    })
    if (id === null) throw new AppError('INTERNAL', 'The feedback item was not stored.')
    return { id }
  })
}

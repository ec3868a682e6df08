import type { ResponseRateRow, SurveySend } from '../../src-shared/api/metrics'
import type { FeedbackFilter } from '../../src-shared/api/filters'
import { periodKey, shiftPeriod, type PeriodUnit } from '../../src-shared/domain/periods'
import { metricKinds } from '../../src-shared/domain/scores'
import { listSends, type SendRow } from './surveySendsRepository'
import { shareMoe } from './figures'
import { rangeOf } from './periodRanges'
import { questionInfo } from './rollups/rollupCounts'
import { metricSeries, type MetricsSource } from './series'

/** Sends are known per channel, touchpoint and survey; other filters cannot narrow them. */
const SEND_FILTERS = new Set(['from', 'to', 'channel', 'touchpoint'])

/** Scored answers in a send's days, channel, touchpoint and survey (any survey when it names none). */
export async function responsesForSend(src: MetricsSource, send: SendRow): Promise<number> {
  const filter: FeedbackFilter = { from: send.from, to: send.to, ...(send.channel ? { channel: [send.channel] } : {}), ...(send.touchpoint ? { touchpoint: [send.touchpoint] } : {}) }
  const question = send.questionId === null ? undefined : questionInfo(src.sqlite).get(send.questionId)
  if (send.questionId !== null && !question) return 0
  const metrics = question ? [question.metric] : metricKinds
  let n = 0
  for (const metric of metrics) n += (await metricSeries(src, { metric, filter, questionIds: question ? [question.id] : undefined })).overall.n
  return n
}

export async function sendsWithResponses(src: MetricsSource): Promise<SurveySend[]> {
  const out: SurveySend[] = []
  for (const s of listSends(src.sqlite)) {
    const responses = await responsesForSend(src, s)
    out.push({ ...s, responses, rate: s.sent ? (100 * responses) / s.sent : null })
  }
  return out
}

function rateRow(period: string | null, periodStart: string | null, sends: Array<{ sent: number; responses: number }>, straddling: number): ResponseRateRow {
  const sent = sends.reduce((a, s) => a + s.sent, 0)
  const responses = sends.reduce((a, s) => a + s.responses, 0)
  return { period, periodStart, sent, responses, rate: sent ? (100 * responses) / sent : null, moe95: sent && responses <= sent ? shareMoe(responses, sent) : null, straddling }
}

/**
 * Response rate (METRICS.md) = responses ÷ surveys sent × 100, per period, from the sends entered.
 * A send counts in a period only when its days lie inside it; one that straddles a period's edge
 * cannot be split honestly and is reported instead.
 */
export async function responseRateSeries(src: MetricsSource, q: { by: PeriodUnit; filter?: FeedbackFilter }) {
  const f = q.filter ?? {}
  const ignoredFilters = Object.entries(f)
    .filter(([k, v]) => !SEND_FILTERS.has(k) && v !== undefined && v !== '' && !(Array.isArray(v) && !v.length))
    .map(([k]) => k)
  const matching = listSends(src.sqlite).filter(
    (s) => (!f.channel?.length || (s.channel !== null && f.channel.includes(s.channel))) && (!f.touchpoint?.length || (s.touchpoint !== null && f.touchpoint.includes(s.touchpoint))),
  )
  const inRange = matching.filter((s) => (!f.from || s.from >= f.from) && (!f.to || s.to <= f.to))
  const withResponses = await Promise.all(inRange.map(async (s) => ({ ...s, responses: await responsesForSend(src, s) })))
  const rows: ResponseRateRow[] = []
  if (withResponses.length) {
    const first = f.from ?? withResponses.reduce((a, s) => (s.from < a ? s.from : a), withResponses[0].from)
    const last = f.to ?? withResponses.reduce((a, s) => (s.to > a ? s.to : a), withResponses[0].to)
    for (let key = periodKey(first, q.by); key <= periodKey(last, q.by); key = shiftPeriod(key, q.by, 1)) {
      const p = rangeOf(key, q.by)
      const inside = withResponses.filter((s) => s.from >= p.from && s.to <= p.to)
      const straddling = withResponses.filter((s) => s.from <= p.to && s.to >= p.from && !(s.from >= p.from && s.to <= p.to)).length
      if (inside.length || straddling) rows.push(rateRow(key, p.from, inside, straddling))
    }
  }
  return { by: q.by, rows, overall: rateRow(null, null, withResponses, 0), ignoredFilters }
}

import type { CollectionAnswerEvent } from '../../src-shared/api/collection'
import type { AnswerBody, KioskSurvey } from '../../src-shared/domain/collection'
import { standardScales } from '../../src-shared/domain/scores'
import type { OpenWorkspace } from '../db/openWorkspace'
import { ensureQuestions } from '../db/questionLookup'
import { inTransaction } from '../db/transaction'
import { feedbackWriter } from '../feedback/feedbackWriter'
import { recordAuditEvent } from '../privacy/privacyService'
import { erasedCheck } from '../privacy/tombstoneKeys'
import { activeLink, answerExists, insertAnswer, responseBand, type SurveyLinkRow, type SurveyRow } from './surveysRepository'

/** What the public page may know of a link's survey: its look and questions, nothing else. */
export function kioskSurvey(open: OpenWorkspace, token: string): KioskSurvey | null {
  const found = activeLink(open.ws.sqlite, token)
  if (!found) return null
  const { link, survey } = found
  const scale = standardScales[survey.metric]
  return {
    kind: link.kind,
    metric: survey.metric,
    min: scale.min,
    max: scale.max,
    shopName: survey.shop_name,
    colour: survey.colour,
    hasLogo: survey.logo !== null,
    askComment: survey.ask_comment === 1,
    askContact: survey.ask_contact === 1,
  }
}

export function kioskLogo(open: OpenWorkspace, token: string): { type: string; bytes: Buffer } | null {
  const found = activeLink(open.ws.sqlite, token)
  const s = found?.survey
  return s?.logo && s.logo_type ? { type: s.logo_type, bytes: Buffer.from(s.logo) } : null
}

export type AnswerOutcome =
  | { kind: 'no-link' }
  | { kind: 'out-of-scale'; min: number; max: number }
  | { kind: 'duplicate' }
  | { kind: 'stored'; event: CollectionAnswerEvent }

const blank = (v: string | undefined) => (v && v.trim() ? v.trim() : null)

/** One answer as the server received it: its link's token, its body and when it arrived. */
export interface IncomingAnswer {
  token: string
  body: AnswerBody
  now: number
}

/** What became of one answer of a batch: an outcome, or `failed` (not stored: the page sends it again). */
export type BatchOutcome = AnswerOutcome | { kind: 'failed' }

/**
 * Stores one answer from a survey link: a response through the feedback writer (so the inbox, the
 * search index, the tags and the score summaries take it like any other), and beside it the
 * survey_answers row with the language, and the contact details only when consent was ticked.
 * The client's id makes the response's dedup key: the same answer sent twice is stored once.
 *
 * An answer from someone erased from this workspace (their e-mail or phone, or this very answer,
 * has a tombstone: privacy/) is kept only anonymously — its score, with no comment, no contact
 * details and no consent — and the audit log says so (`kiosk.erased`, without any identifier), so
 * the kiosk cannot bring an erased person back.
 */
export function recordAnswer(open: OpenWorkspace, token: string, body: AnswerBody, now: number): AnswerOutcome {
  const [outcome] = recordAnswers(open, [{ token, body, now }])
  if (outcome.kind === 'failed') throw new Error('The answer could not be stored.')
  return outcome
}

/**
 * Stores answers that arrived together in one transaction (the group commit of answerBatch.ts):
 * one commit for many instead of one each. Each answer has a savepoint of its own, so one that
 * fails (a constraint, a trigger) is `failed` alone and the others are kept; a failure of the
 * transaction itself (the commit) throws, and then none is stored. An id sent twice in one batch
 * is stored once: the second finds the first in the same transaction.
 */
export function recordAnswers(open: OpenWorkspace, answers: readonly IncomingAnswer[]): BatchOutcome[] {
  const sqlite = open.ws.sqlite
  // A batch is mostly one kiosk link: its link and survey are read once.
  const links = new Map<string, ReturnType<typeof activeLink>>()
  const linkOf = (token: string) => {
    if (!links.has(token)) links.set(token, activeLink(sqlite, token))
    return links.get(token)
  }
  return inTransaction(sqlite, () =>
    answers.map(({ token, body, now }): BatchOutcome => {
      try {
        return inTransaction(sqlite, () => storeOne(open, linkOf(token), body, now))
      } catch {
        return { kind: 'failed' }
      }
    }),
  )
}

function storeOne(open: OpenWorkspace, found: ReturnType<typeof activeLink>, body: AnswerBody, now: number): AnswerOutcome {
  const sqlite = open.ws.sqlite
  if (!found) return { kind: 'no-link' }
  const { link, survey } = found
  const scale = standardScales[survey.metric]
  if (!Number.isInteger(body.score) || body.score < scale.min || body.score > scale.max) return { kind: 'out-of-scale', ...scale }
  if (answerExists(sqlite, survey.id, body.id)) return { kind: 'duplicate' }
  const isErased = erasedCheck(sqlite, open.settings.timezone)
  const erased = isErased?.({ dedupKey: dedupKeyOf(survey, body), email: blank(body.contact?.email), phone: blank(body.contact?.phone) }) === true
  const consent = body.consent === true && !erased
  const contact = consent && survey.ask_contact === 1 ? body.contact : undefined
  const email = blank(contact?.email)?.toLowerCase() ?? null
  const name = blank(contact?.name)
  const phone = blank(contact?.phone)
  const responseId = writeResponse(open, survey, link, erased ? { ...body, comment: undefined } : body, email, now)
  if (responseId === null) return { kind: 'duplicate' }
  if (erased) recordAuditEvent(sqlite, { actor: null, action: 'kiosk.erased', detail: { survey: survey.id }, now })
  insertAnswer(sqlite, { responseId, surveyId: survey.id, linkId: link.id, clientId: body.id, language: body.language, contactName: name, contactEmail: email, contactPhone: phone, consent, now })
  return {
    kind: 'stored',
    event: {
      surveyId: survey.id,
      surveyName: survey.name,
      responseId,
      score: body.score,
      metric: survey.metric,
      location: link.location ?? survey.location,
      alert: responseBand(sqlite, responseId) === -1,
      contactable: consent && (email !== null || phone !== null),
    },
  }
}

const dedupKeyOf = (survey: SurveyRow, body: AnswerBody) => `collect:${survey.id}:${body.id}`

/** `consentedEmail`: the e-mail given with consent (null otherwise), kept on the response too. */
function writeResponse(open: OpenWorkspace, survey: SurveyRow, link: SurveyLinkRow, body: AnswerBody, consentedEmail: string | null, now: number): number | null {
  const sqlite = open.ws.sqlite
  const scale = standardScales[survey.metric]
  const questionId = [...ensureQuestions(sqlite, [{ metric: survey.metric, min: scale.min, max: scale.max, direction: 'higher_better' }]).values()][0]
  return feedbackWriter(sqlite, now)({
    dedupKey: dedupKeyOf(survey, body),
    importId: null,
    externalRef: null,
    customerId: null,
    questionId,
    score: body.score,
    submittedAt: now,
    submittedOffset: null,
    localDate: open.localDateOf(now),
    channel: 'store',
    touchpoint: survey.touchpoint,
    stage: null,
    location: link.location ?? survey.location,
    language: body.language,
    comment: survey.ask_comment === 1 ? blank(body.comment) : null,
    respondentEmail: consentedEmail,
    status: 'new',
    owner: null,
    statusChangedAt: null,
    resolvedAt: null,
    now,
  })
}

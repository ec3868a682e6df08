import type { Selectable } from 'kysely'
import type { SurveyLinksTable, SurveysTable } from '../db/schema'
import type { Sqlite } from '../db/sqlite'
import { build, firstOf, rowsOf, runOf } from '../db/syncQuery'
import { statement } from '../db/statements'

// Synchronous (db/syncQuery.ts): an answer is written with its response in one better-sqlite3
// transaction, and the designer's edits are a statement or two each.

export type SurveyRow = Selectable<SurveysTable>
export type SurveyLinkRow = Selectable<SurveyLinksTable>

export interface SurveyFields {
  name: string
  metric: SurveyRow['metric']
  ask_comment: 0 | 1
  ask_contact: 0 | 1
  shop_name: string
  colour: string
  location: string | null
  touchpoint: string | null
}

export const surveyRows = (sqlite: Sqlite): SurveyRow[] => rowsOf(sqlite, build.selectFrom('surveys').selectAll().orderBy('name'))

export const surveyRow = (sqlite: Sqlite, id: number): SurveyRow | undefined => firstOf(sqlite, build.selectFrom('surveys').selectAll().where('id', '=', id))

export const surveyIdByName = (sqlite: Sqlite, name: string): number | undefined =>
  firstOf(sqlite, build.selectFrom('surveys').select('id').where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase())))?.id

export const insertSurvey = (sqlite: Sqlite, f: SurveyFields, now: number): number =>
  runOf(sqlite, build.insertInto('surveys').values({ ...f, created_at: now, updated_at: now })).lastInsertRowid

export const updateSurvey = (sqlite: Sqlite, id: number, f: SurveyFields, now: number): number =>
  runOf(sqlite, build.updateTable('surveys').set({ ...f, updated_at: now }).where('id', '=', id)).changes

export const setSurveyLogo = (sqlite: Sqlite, id: number, logo: { type: string; bytes: Buffer } | null, now: number): number =>
  runOf(sqlite, build.updateTable('surveys').set({ logo_type: logo?.type ?? null, logo: logo?.bytes ?? null, updated_at: now }).where('id', '=', id)).changes

export const linkRows = (sqlite: Sqlite): SurveyLinkRow[] => rowsOf(sqlite, build.selectFrom('survey_links').selectAll().orderBy('id'))

export const linkRow = (sqlite: Sqlite, id: number): SurveyLinkRow | undefined => firstOf(sqlite, build.selectFrom('survey_links').selectAll().where('id', '=', id))

// The answer path's queries (each request looks its link up, each answer is checked and written):
// built and compiled by Kysely once, at load, and run with each call's values in the order compile()
// gives them — compiling per call cost more than running them (collectionServer.test.ts checks
// that each value lands in its column).
const ACTIVE_LINK_SQL = build.selectFrom('survey_links').selectAll().where('token', '=', '?').where('revoked_at', 'is', null).compile().sql
const SURVEY_SQL = build.selectFrom('surveys').selectAll().where('id', '=', 0).compile().sql
const ANSWER_EXISTS_SQL = build.selectFrom('survey_answers').select('response_id').where('survey_id', '=', 0).where('client_id', '=', '?').compile().sql
const RESPONSE_BAND_SQL = build.selectFrom('responses').select('band').where('id', '=', 0).compile().sql

/** A link that is still valid, by its token, with its survey. */
export const activeLink = (sqlite: Sqlite, token: string): { link: SurveyLinkRow; survey: SurveyRow } | undefined => {
  const link = statement(sqlite, ACTIVE_LINK_SQL).get(token) as SurveyLinkRow | undefined
  const survey = link && (statement(sqlite, SURVEY_SQL).get(link.survey_id) as SurveyRow | undefined)
  return link && survey ? { link, survey } : undefined
}

export const insertLink = (sqlite: Sqlite, l: { surveyId: number; token: string; kind: SurveyLinkRow['kind']; location: string | null }, now: number): number =>
  runOf(sqlite, build.insertInto('survey_links').values({ survey_id: l.surveyId, token: l.token, kind: l.kind, location: l.location, created_at: now })).lastInsertRowid

export const setLinkRevoked = (sqlite: Sqlite, id: number, revokedAt: number | null): number =>
  runOf(sqlite, build.updateTable('survey_links').set({ revoked_at: revokedAt }).where('id', '=', id)).changes

export const answerCounts = (sqlite: Sqlite): Map<number, number> =>
  new Map(
    rowsOf(sqlite, build.selectFrom('survey_answers').select(['survey_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('survey_id')).map((r) => [r.survey_id, Number(r.n)]),
  )

export interface AnswerInsert {
  responseId: number
  surveyId: number
  linkId: number
  clientId: string
  language: string
  contactName: string | null
  contactEmail: string | null
  contactPhone: string | null
  consent: boolean
  now: number
}

const answerValues = (a: AnswerInsert) => ({
  response_id: a.responseId,
  survey_id: a.surveyId,
  link_id: a.linkId,
  client_id: a.clientId,
  language: a.language,
  contact_name: a.contactName,
  contact_email: a.contactEmail,
  contact_phone: a.contactPhone,
  consent: (a.consent ? 1 : 0) as 0 | 1,
  consent_at: a.consent ? a.now : null,
  received_at: a.now,
})
// Every column named (a null too), so one statement serves every answer; its parameters follow the object's keys.
const INSERT_ANSWER_SQL = build
  .insertInto('survey_answers')
  .values(answerValues({ responseId: 0, surveyId: 0, linkId: 0, clientId: '', language: '', contactName: '', contactEmail: '', contactPhone: '', consent: true, now: 0 }))
  .compile().sql

export const insertAnswer = (sqlite: Sqlite, a: AnswerInsert): void => {
  statement(sqlite, INSERT_ANSWER_SQL).run(Object.values(answerValues(a)))
}

/** Whether this client id was already stored for the survey (a retried answer). */
export const answerExists = (sqlite: Sqlite, surveyId: number, clientId: string): boolean => statement(sqlite, ANSWER_EXISTS_SQL).get(surveyId, clientId) !== undefined

/** The band the stored response got from its question's thresholds (−1: poor). */
export const responseBand = (sqlite: Sqlite, responseId: number): number | null =>
  (statement(sqlite, RESPONSE_BAND_SQL).get(responseId) as { band: number | null } | undefined)?.band ?? null

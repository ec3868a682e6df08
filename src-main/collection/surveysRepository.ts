import type { Selectable } from 'kysely'
import type { SurveyLinksTable, SurveysTable } from '../db/schema'
import type { Sqlite } from '../db/sqlite'
import { build, firstOf, rowsOf, runOf } from '../db/syncQuery'

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

/** A link that is still valid, by its token, with its survey. */
export const activeLink = (sqlite: Sqlite, token: string): { link: SurveyLinkRow; survey: SurveyRow } | undefined => {
  const link = firstOf(sqlite, build.selectFrom('survey_links').selectAll().where('token', '=', token).where('revoked_at', 'is', null))
  const survey = link && surveyRow(sqlite, link.survey_id)
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

export const insertAnswer = (sqlite: Sqlite, a: AnswerInsert): void => {
  runOf(
    sqlite,
    build.insertInto('survey_answers').values({
      response_id: a.responseId,
      survey_id: a.surveyId,
      link_id: a.linkId,
      client_id: a.clientId,
      language: a.language,
      contact_name: a.contactName,
      contact_email: a.contactEmail,
      contact_phone: a.contactPhone,
      consent: a.consent ? 1 : 0,
      consent_at: a.consent ? a.now : null,
      received_at: a.now,
    }),
  )
}

/** Whether this client id was already stored for the survey (a retried answer). */
export const answerExists = (sqlite: Sqlite, surveyId: number, clientId: string): boolean =>
  firstOf(sqlite, build.selectFrom('survey_answers').select('response_id').where('survey_id', '=', surveyId).where('client_id', '=', clientId)) !== undefined

/** The band the stored response got from its question's thresholds (−1: poor). */
export const responseBand = (sqlite: Sqlite, responseId: number): number | null =>
  firstOf(sqlite, build.selectFrom('responses').select('band').where('id', '=', responseId))?.band ?? null

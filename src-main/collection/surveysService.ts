import { randomBytes } from 'node:crypto'
import type { Survey, SurveyInput } from '../../src-shared/api/collection'
import { AppError } from '../../src-shared/api/result'
import type { LinkKind } from '../../src-shared/domain/collection'
import type { Sqlite } from '../db/sqlite'
import { inTransaction } from '../db/transaction'
import {
  answerCounts,
  insertLink,
  insertSurvey,
  linkRow,
  linkRows,
  setLinkRevoked,
  setSurveyLogo,
  surveyIdByName,
  surveyRow,
  surveyRows,
  updateSurvey,
  type SurveyLinkRow,
  type SurveyRow,
} from './surveysRepository'

/** 144 random bits, URL-safe: a link nobody can guess or enumerate. */
export const newLinkToken = (): string => randomBytes(18).toString('base64url')

function toSurvey(row: SurveyRow, links: SurveyLinkRow[], answers: number): Survey {
  return {
    id: row.id,
    name: row.name,
    metric: row.metric,
    askComment: row.ask_comment === 1,
    askContact: row.ask_contact === 1,
    shopName: row.shop_name,
    colour: row.colour,
    logo: row.logo && row.logo_type ? `data:${row.logo_type};base64,${Buffer.from(row.logo).toString('base64')}` : null,
    location: row.location,
    touchpoint: row.touchpoint,
    links: links.map((l) => ({ id: l.id, token: l.token, kind: l.kind, location: l.location, createdAt: l.created_at, revokedAt: l.revoked_at })),
    answers,
  }
}

export function listSurveys(sqlite: Sqlite): Survey[] {
  const links = linkRows(sqlite)
  const counts = answerCounts(sqlite)
  return surveyRows(sqlite).map((s) => toSurvey(s, links.filter((l) => l.survey_id === s.id), counts.get(s.id) ?? 0))
}

export function getSurvey(sqlite: Sqlite, id: number): Survey {
  const row = surveyRow(sqlite, id)
  if (!row) throw new AppError('NOT_FOUND', 'This survey no longer exists.')
  return toSurvey(row, linkRows(sqlite).filter((l) => l.survey_id === id), answerCounts(sqlite).get(id) ?? 0)
}

/** A survey by its id (digits) or its name (any case), as the command line names it. */
export function findSurveyId(sqlite: Sqlite, idOrName: string): number {
  const byId = /^\d{1,9}$/.test(idOrName) ? surveyRow(sqlite, Number(idOrName))?.id : undefined
  const id = byId ?? surveyIdByName(sqlite, idOrName)
  if (id === undefined) throw new AppError('NOT_FOUND', `There is no survey "${idOrName}".`)
  return id
}

/** Creates a survey (with its first QR link, for its own location) or saves changes to one. */
export function saveSurvey(sqlite: Sqlite, input: SurveyInput, now: number): Survey {
  const fields = {
    name: input.name,
    metric: input.metric,
    ask_comment: input.askComment ? (1 as const) : (0 as const),
    ask_contact: input.askContact ? (1 as const) : (0 as const),
    shop_name: input.shopName,
    colour: input.colour.toLowerCase(),
    location: input.location || null,
    touchpoint: input.touchpoint || null,
  }
  const other = surveyIdByName(sqlite, input.name)
  if (other !== undefined && other !== input.id) throw new AppError('VALIDATION', `There is already a survey named "${input.name}".`, { field: 'name' })
  return inTransaction(sqlite, () => {
    if (input.id === undefined) {
      const id = insertSurvey(sqlite, fields, now)
      insertLink(sqlite, { surveyId: id, token: newLinkToken(), kind: 'qr', location: fields.location }, now)
      return getSurvey(sqlite, id)
    }
    if (!updateSurvey(sqlite, input.id, fields, now)) throw new AppError('NOT_FOUND', 'This survey no longer exists.')
    return getSurvey(sqlite, input.id)
  })
}

export function setLogo(sqlite: Sqlite, surveyId: number, dataUrl: string | null, now: number): Survey {
  const m = dataUrl ? /^data:(image\/(?:png|jpeg|webp));base64,(.*)$/.exec(dataUrl) : null
  if (dataUrl && !m) throw new AppError('VALIDATION', 'The logo must be a PNG, JPEG or WebP image.')
  const logo = m ? { type: m[1], bytes: Buffer.from(m[2], 'base64') } : null
  if (!setSurveyLogo(sqlite, surveyId, logo, now)) throw new AppError('NOT_FOUND', 'This survey no longer exists.')
  return getSurvey(sqlite, surveyId)
}

export function addLink(sqlite: Sqlite, surveyId: number, kind: LinkKind, location: string | null | undefined, now: number): Survey {
  const survey = surveyRow(sqlite, surveyId)
  if (!survey) throw new AppError('NOT_FOUND', 'This survey no longer exists.')
  insertLink(sqlite, { surveyId, token: newLinkToken(), kind, location: location === undefined ? survey.location : location || null }, now)
  return getSurvey(sqlite, surveyId)
}

/** Revokes a link (or restores it: the undo); a revoked link's page and answers answer 404. */
export function revokeLink(sqlite: Sqlite, linkId: number, revoked: boolean, now: number): Survey {
  const link = linkRow(sqlite, linkId)
  if (!link) throw new AppError('NOT_FOUND', 'This link no longer exists.')
  setLinkRevoked(sqlite, linkId, revoked ? now : null)
  return getSurvey(sqlite, link.survey_id)
}

/** A link's token, revoked or not (a QR code of a revoked link still shows what was printed). */
export function linkToken(sqlite: Sqlite, linkId: number): string {
  const link = linkRow(sqlite, linkId)
  if (!link) throw new AppError('NOT_FOUND', 'This link no longer exists.')
  return link.token
}

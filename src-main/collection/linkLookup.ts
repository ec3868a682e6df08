import type { LinkKind } from '../../src-shared/domain/collection'
import type { OpenWorkspace } from '../db/openWorkspace'
import { activeLink } from './surveysRepository'

/** The kind of a link that is still valid, or null (unknown or revoked). */
export const activeLinkKind = (open: OpenWorkspace, token: string): LinkKind | null => activeLink(open.ws.sqlite, token)?.link.kind ?? null

/** The survey of a link that is still valid, or null. */
export const activeLinkSurvey = (open: OpenWorkspace, token: string): number | null => activeLink(open.ws.sqlite, token)?.survey.id ?? null

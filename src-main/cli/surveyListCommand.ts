import { resolve } from 'node:path'
import type { ApiClient } from '../../src-shared/api/contract'
import { surveyChannels, type ExclusionReason, type SurveyListRequest } from '../../src-shared/api/customerContacts'
import type { FileRegistry } from '../common/fileRegistry'
import { UsageError, choiceFlag, stringFlag, type ParsedArgs } from './args'

export const SURVEY_LIST_USAGE = `  cxdesk survey-list <workspace.cxdesk> --out <list.csv> [--channel email|sms|zalo|line] [--segment S] [--location L] [--record] [--json]
         Who may we survey now: the customers of the segment and location the contact rules allow
         (consent, no survey within 90 days, at most 3 contacts in 30 days by default), written as CSV
         for your e-mail, Zalo or LINE tool, with how many were left out and why. --record records a
         survey contact for each (the send was made); without it, the list is kept in the workspace
         for 14 days so that its send can be confirmed in the app. --channel defaults to email.`

export interface SurveyListArgs {
  request: SurveyListRequest
  out: string
  record: boolean
}

export function surveyListArgs(args: ParsedArgs): SurveyListArgs {
  const out = stringFlag(args, 'out')
  if (!out) throw new UsageError('survey-list needs --out <list.csv>', 'survey-list')
  const channel = choiceFlag(args, 'channel', surveyChannels, 'email', 'survey-list')
  const segment = stringFlag(args, 'segment')
  const location = stringFlag(args, 'location')
  return { request: { channel, ...(segment ? { segment } : {}), ...(location ? { location } : {}) }, out, record: args.flags.has('record') }
}

const REASONS: Record<ExclusionReason, string> = {
  left: 'left (churned)',
  noAddress: 'no address for the channel',
  consent: 'no consent for feedback surveys',
  recentSurvey: 'surveyed within the gap',
  tooMany: 'too many contacts lately',
}

export async function surveyListCommand(api: ApiClient, files: FileRegistry, a: SurveyListArgs) {
  const counts = await api.call('customers.surveyList', { ...a.request, previewLimit: 0 })
  const written = await api.call('customers.surveyListExport', { ...a.request, fileId: files.registerDestination(resolve(a.out), 'dataExport') })
  if (!written) throw new Error('The list was not written.')
  const recorded = a.record && written.rows > 0 ? await api.call('customers.surveyListRecord', { token: written.token }) : null
  return {
    path: written.path,
    channel: a.request.channel,
    segment: a.request.segment ?? null,
    location: a.request.location ?? null,
    date: counts.today,
    considered: counts.considered,
    eligible: written.rows,
    excluded: counts.excluded,
    rules: counts.rules,
    recorded: recorded?.recorded ?? 0,
    send: recorded?.send ?? null,
  }
}

export function formatSurveyList(r: Awaited<ReturnType<typeof surveyListCommand>>): string[] {
  const lines = [`Wrote ${r.path}: ${r.eligible} of ${r.considered} customers may be surveyed by ${r.channel} on ${r.date}.`]
  const left = (Object.entries(r.excluded) as Array<[ExclusionReason, number]>).filter(([, n]) => n > 0)
  if (left.length) lines.push(`Left out: ${left.map(([k, n]) => `${n} ${REASONS[k]}`).join(', ')}.`)
  lines.push(r.send !== null ? `Recorded ${r.recorded} survey contacts (send ${r.send}).` : 'Nothing recorded: add --record once the send is made.')
  return lines
}

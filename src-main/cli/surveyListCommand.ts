import { resolve } from 'node:path'
import type { ApiClient } from '../../src-shared/api/contract'
import { opaqueId } from '../../src-shared/api/limits'
import { localDateConverter } from '../../src-shared/domain/timezone'
import { surveyChannels, type ExclusionReason, type SurveyListRequest } from '../../src-shared/api/customerContacts'
import type { FileRegistry } from '../common/fileRegistry'
import { UsageError, choiceFlag, stringFlag, type ParsedArgs } from './args'

export const SURVEY_LIST_USAGE = `  cxdesk survey-list <workspace.cxdesk> --out <list.csv> [--channel email|sms|zalo|line] [--segment S] [--location L] [--record] [--json]
         Who may we survey now: the customers of the segment and location the contact rules allow
         (consent, no survey within 90 days, at most 3 contacts in 30 days by default), written as CSV
         for your e-mail, Zalo or LINE tool, with how many were left out and why. --record records a
         survey contact for each (the send was made); without it, the list is kept in the workspace
         for 14 days so that its send can be confirmed later, here or in the app, by the token printed.
         --channel defaults to email.
  cxdesk survey-list <workspace.cxdesk> --pending [--json]
         The lists written and not yet confirmed as sent, with their tokens, newest first.
  cxdesk survey-list <workspace.cxdesk> --confirm <token> [--json]
         The send of that list was made: records a survey contact for each customer it holds (exactly
         that list, not the rules applied again). A list is confirmed once.`

export type SurveyListArgs =
  | { action: 'write'; request: SurveyListRequest; out: string; record: boolean }
  | { action: 'pending' }
  | { action: 'confirm'; token: string }

/** The options that write a list: none of them goes with --pending or --confirm. */
const WRITE_OPTIONS = ['out', 'channel', 'segment', 'location', 'record'] as const

export function surveyListArgs(args: ParsedArgs): SurveyListArgs {
  const token = stringFlag(args, 'confirm')
  const pending = args.flags.has('pending')
  if (token !== undefined || pending) {
    if (token !== undefined && pending) throw new UsageError('survey-list takes --pending or --confirm, not both', 'survey-list')
    const used = WRITE_OPTIONS.find((name) => args.flags.has(name))
    if (used) throw new UsageError(`survey-list ${pending ? '--pending' : '--confirm'} does not take --${used}`, 'survey-list')
    if (token !== undefined && !opaqueId.safeParse(token.trim()).success)
      throw new UsageError('--confirm takes the token printed when the list was written (letters and digits; cxdesk survey-list <workspace> --pending shows them)', 'survey-list')
    return pending ? { action: 'pending' } : { action: 'confirm', token: token!.trim() }
  }
  const out = stringFlag(args, 'out')
  if (!out) throw new UsageError('survey-list needs --out <list.csv> (or --pending, or --confirm <token>)', 'survey-list')
  const channel = choiceFlag(args, 'channel', surveyChannels, 'email', 'survey-list')
  const segment = stringFlag(args, 'segment')
  const location = stringFlag(args, 'location')
  return { action: 'write', request: { channel, ...(segment ? { segment } : {}), ...(location ? { location } : {}) }, out, record: args.flags.has('record') }
}

const REASONS: Record<ExclusionReason, string> = {
  left: 'left (churned)',
  noAddress: 'no address for the channel',
  consent: 'no consent for feedback surveys',
  recentSurvey: 'surveyed within the gap',
  tooMany: 'too many contacts lately',
}

export async function surveyListCommand(api: ApiClient, files: FileRegistry, a: Extract<SurveyListArgs, { action: 'write' }>) {
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
    /** What `--confirm` takes once the send is made; null when recorded now or when the list is empty. */
    token: recorded || written.rows === 0 ? null : written.token,
  }
}

/** The lists written and not yet confirmed, newest first. */
export async function pendingSurveyLists(api: ApiClient) {
  const timezone = (await api.call('workspace.current', {}))?.timezone ?? 'UTC'
  return { timezone, pending: await api.call('customers.pendingSurveyLists', {}) }
}

/** Records the send of a list written before (by the app or `survey-list --out`). */
export async function confirmSurveyList(api: ApiClient, token: string) {
  return { token, ...(await api.call('customers.surveyListRecord', { token })) }
}

export function formatPendingSurveyLists(r: Awaited<ReturnType<typeof pendingSurveyLists>>): string[] {
  if (!r.pending.length) return ['No list is waiting for its send to be confirmed.']
  const isoDay = localDateConverter(r.timezone)
  return [
    `${r.pending.length} ${r.pending.length === 1 ? 'list is' : 'lists are'} waiting for the send to be confirmed (--confirm <token>):`,
    ...r.pending.map(
      (p) =>
        `  ${p.token}  ${p.fileName}: ${p.rows} customers by ${p.channel}${p.segment ? `, segment ${p.segment}` : ''}${p.location ? `, location ${p.location}` : ''}; written ${isoDay(p.exportedAt)}, confirmable until ${isoDay(p.expiresAt)}`,
    ),
  ]
}

export const formatConfirmSurveyList = (r: Awaited<ReturnType<typeof confirmSurveyList>>): string[] => [`Recorded ${r.recorded} survey contacts (send ${r.send}).`]

export function formatSurveyList(r: Awaited<ReturnType<typeof surveyListCommand>>): string[] {
  const lines = [`Wrote ${r.path}: ${r.eligible} of ${r.considered} customers may be surveyed by ${r.channel} on ${r.date}.`]
  const left = (Object.entries(r.excluded) as Array<[ExclusionReason, number]>).filter(([, n]) => n > 0)
  if (left.length) lines.push(`Left out: ${left.map(([k, n]) => `${n} ${REASONS[k]}`).join(', ')}.`)
  if (r.send !== null) lines.push(`Recorded ${r.recorded} survey contacts (send ${r.send}).`)
  else if (r.token) lines.push(`Nothing recorded yet. Once the send is made: cxdesk survey-list <workspace> --confirm ${r.token} (within 14 days), or "I sent it" in the app.`)
  else lines.push('Nothing recorded: the list is empty.')
  return lines
}

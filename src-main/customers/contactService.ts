import { mkdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { randomBytes } from 'node:crypto'
import {
  contactRulesSchema,
  exclusionReasons,
  type Consent,
  type ContactEntry,
  type ContactRules,
  type ContactState,
  type ExclusionReason,
  type GuardViolation,
  type Purpose,
  type SurveyList,
  type SurveyListRequest,
  type SurveyListRow,
  type WinbackOutcome,
} from '../../src-shared/api/customerContacts'
import { AppError } from '../../src-shared/api/result'
import { cleanFileName } from '../../src-shared/domain/fileName'
import { CsvFileWriter } from '../common/csvWriter'
import { surveyListHeader } from '../import/formats/ownExportFormat'
import { phoneDigits } from '../../src-shared/domain/contactKeys'
import { offerDownload } from '../common/downloads'
import type { FileRegistry } from '../common/fileRegistry'
import type { AppPaths } from '../common/paths'
import type { Platform } from '../common/platform'
import type { OpenWorkspace } from '../db/openWorkspace'
import {
  consentRows,
  contactDatesOf,
  contactEntries,
  contactEntry,
  customerEmailOf,
  existingCustomerIds,
  insertContact,
  kioskConsentOf,
  kioskConsents,
  putConsent,
  recentContacts,
  recordSend,
  removeConsent,
  setContactDeleted,
  storeContactRules,
  storedContactRules,
  surveyCandidates,
  undoSend,
  winbackFacts,
  type SurveyCandidate,
} from './contactRepository'
import { customerExists } from './customerProfileRepository'
import { DEFAULT_CONTACT_RULES, addDays, consentAllows, dayNumbers, daysBetween, firstSurveyViolation, guardViolations, resolveConsent, type GuardFacts } from './contactRules'

const DAY = 86_400_000
/** A win-back action's customer who neither left nor answered within this many days stayed. */
const STAYED_AFTER_DAYS = 90

export async function contactRulesOf(open: OpenWorkspace): Promise<ContactRules> {
  const json = await storedContactRules(open.db)
  if (!json) return DEFAULT_CONTACT_RULES
  const parsed = contactRulesSchema.safeParse({ ...DEFAULT_CONTACT_RULES, ...(JSON.parse(json) as object) })
  return parsed.success ? parsed.data : DEFAULT_CONTACT_RULES
}

export async function saveContactRules(open: OpenWorkspace, rules: ContactRules): Promise<ContactRules> {
  await storeContactRules(open.db, rules)
  return rules
}

/** How far back the guard looks: the longer of its two windows, and a day for the zones. */
const horizonOf = (rules: ContactRules) => Math.max(rules.surveyGapDays, rules.windowDays) + 1

/** A time on a local date: now when it is today, else midday UTC of that date (the same date in every zone from −11 to +11 hours). */
export function timeOn(open: OpenWorkspace, date: string, now: number): number {
  if (open.localDateOf(now) === date) return now
  return Date.parse(`${date}T12:00:00Z`)
}

async function guardFactsOf(open: OpenWorkspace, customerId: number, email: string | null, consent: GuardFacts['consent'], rules: ContactRules, now: number): Promise<GuardFacts> {
  const today = open.localDateOf(now)
  const horizon = horizonOf(rules)
  const sinceMs = now - (horizon + 1) * DAY
  const { entries, responseDates } = await contactDatesOf(open.db, customerId, sinceMs, addDays(today, -horizon))
  const kiosk = await kioskConsentOf(open.db, email, sinceMs)
  const surveys = [...responseDates, ...kiosk.answeredAt.map(open.localDateOf)]
  const contacts = [...surveys]
  for (const e of entries) {
    const d = open.localDateOf(e.at)
    contacts.push(d)
    if (e.kind === 'survey') surveys.push(d)
  }
  return { consent, surveys, contacts }
}

async function consentOf(open: OpenWorkspace, customerId: number, email: string | null, rules: ContactRules): Promise<Consent[]> {
  const rows = await consentRows(open.db, customerId)
  const kiosk = await kioskConsentOf(open.db, email, Number.MAX_SAFE_INTEGER)
  return (['feedback', 'marketing'] as const).map((purpose) => {
    const row = rows.find((r) => r.purpose === purpose) ?? null
    // The kiosk's tick is consent to be contacted about the feedback given there, never marketing.
    const r = resolveConsent(row, purpose === 'feedback' ? kiosk.at : null)
    return { purpose, ...r, allowed: consentAllows(r.state, purpose, rules.strictConsent) }
  })
}

function winbackOutcomes(facts: Awaited<ReturnType<typeof winbackFacts>>, localDateOf: (ms: number) => string, today: string): WinbackOutcome[] {
  return facts.actions.map((a) => {
    const date = localDateOf(a.at)
    if (facts.churnedAt && facts.churnedAt >= date) return { id: a.id, at: a.at, body: a.body, outcome: 'churned' as const, outcomeDate: facts.churnedAt }
    const answered = facts.responses.find((r) => r.at > a.at)
    if (answered) return { id: a.id, at: a.at, body: a.body, outcome: 'responded' as const, outcomeDate: answered.date }
    if (daysBetween(date, today) >= STAYED_AFTER_DAYS) return { id: a.id, at: a.at, body: a.body, outcome: 'stayed' as const, outcomeDate: addDays(date, STAYED_AFTER_DAYS) }
    return { id: a.id, at: a.at, body: a.body, outcome: 'waiting' as const, outcomeDate: null }
  })
}

async function customerEmail(open: OpenWorkspace, customerId: number): Promise<string | null> {
  const row = await customerEmailOf(open.db, customerId)
  if (!row) throw new AppError('NOT_FOUND', 'That customer no longer exists.')
  return row.email
}

export async function contactState(open: OpenWorkspace, customerId: number, now: number): Promise<ContactState> {
  const email = await customerEmail(open, customerId)
  const rules = await contactRulesOf(open)
  const consent = await consentOf(open, customerId, email, rules)
  const feedback = consent.find((c) => c.purpose === 'feedback')!
  const facts = await guardFactsOf(open, customerId, email, feedback.state, rules, now)
  const today = open.localDateOf(now)
  return {
    contacts: await contactEntries(open.db, customerId),
    consent,
    survey: { violations: guardViolations(facts, { kind: 'survey', purpose: 'feedback' }, today, rules) },
    winbacks: winbackOutcomes(await winbackFacts(open.db, customerId), open.localDateOf, today),
    rules,
  }
}

export async function addContact(
  open: OpenWorkspace,
  req: { customerId: number; contact: { kind: ContactEntry['kind']; purpose: Purpose; channel: string | null; date: string; note: string | null }; acknowledge: boolean; dryRun: boolean },
  actor: string | null,
  now: number,
): Promise<{ saved: ContactEntry | null; violations: GuardViolation[] }> {
  const email = await customerEmail(open, req.customerId)
  const rules = await contactRulesOf(open)
  const consent = (await consentOf(open, req.customerId, email, rules)).find((c) => c.purpose === req.contact.purpose)!
  const facts = await guardFactsOf(open, req.customerId, email, consent.state, rules, now)
  const violations = guardViolations(facts, req.contact, req.contact.date, rules)
  if (req.dryRun || (violations.length && !req.acknowledge)) return { saved: null, violations }
  const id = await insertContact(open.db, { customerId: req.customerId, ...req.contact, channel: req.contact.channel || null, note: req.contact.note || null, contactedAt: timeOn(open, req.contact.date, now), actor }, now)
  return { saved: await contactEntry(open.db, id), violations }
}

export async function deleteContact(open: OpenWorkspace, id: number, now: number) {
  if (!(await setContactDeleted(open.db, id, now))) throw new AppError('NOT_FOUND', 'That contact entry no longer exists.')
  return { id }
}

export async function restoreContact(open: OpenWorkspace, id: number) {
  if (!(await setContactDeleted(open.db, id, null))) throw new AppError('NOT_FOUND', 'That contact entry cannot be restored.')
  return { id }
}

export async function setConsent(open: OpenWorkspace, req: { customerId: number; purpose: Purpose; state: 'given' | 'withdrawn' | 'unknown'; date: string }, now: number): Promise<Consent> {
  if (!(await customerExists(open.db, req.customerId))) throw new AppError('NOT_FOUND', 'That customer no longer exists.')
  if (req.date > open.localDateOf(now)) throw new AppError('VALIDATION', 'Consent cannot be dated in the future.')
  if (req.state === 'unknown') await removeConsent(open.db, req.customerId, req.purpose)
  else await putConsent(open.db, req.customerId, { purpose: req.purpose, state: req.state, at: timeOn(open, req.date, now), source: 'manual' }, now)
  const email = await customerEmail(open, req.customerId)
  return (await consentOf(open, req.customerId, email, await contactRulesOf(open))).find((c) => c.purpose === req.purpose)!
}

const emailKey = (email: string | null) => (email?.trim() ? email.trim().toLowerCase() : null)

/**
 * The survey list: every customer of the segment and location, each left out by the first rule
 * that says no — they left, no address for the channel, no consent, surveyed within the gap, too
 * many contacts in the window — with the counts per reason. Reads everything it needs in a few
 * queries and decides in memory (100,000 customers in well under 2 s).
 */
export async function computeSurveyList(open: OpenWorkspace, req: SurveyListRequest, now: number): Promise<{ rows: SurveyCandidate[]; considered: number; excluded: Record<ExclusionReason, number>; today: string; rules: ContactRules }> {
  const rules = await contactRulesOf(open)
  const today = open.localDateOf(now)
  const dayOf = dayNumbers()
  const todayN = dayOf(today)
  const horizon = horizonOf(rules)
  const sinceMs = now - (horizon + 1) * DAY
  const sinceDate = addDays(today, -horizon)
  const candidates = surveyCandidates(open.ws.sqlite, req)
  // Everything below works on day numbers: one subtraction per date instead of parsing two.
  const kioskAt = new Map<string, number>()
  const surveys = new Map<string, number[]>()
  for (const k of await kioskConsents(open.db, sinceMs)) {
    const at = k.consentAt ?? k.receivedAt
    if ((kioskAt.get(k.email) ?? -Infinity) < at) kioskAt.set(k.email, at)
    if (k.receivedAt >= sinceMs) surveys.set(k.email, [...(surveys.get(k.email) ?? []), dayOf(open.localDateOf(k.receivedAt))])
  }
  const recent = await recentContacts({ queries: open.db, sqlite: open.ws.sqlite }, sinceMs, sinceDate)
  const facts = new Map<number, { surveys: number[]; contacts: number[] }>()
  const factsOf = (id: number) => {
    let f = facts.get(id)
    if (!f) facts.set(id, (f = { surveys: [], contacts: [] }))
    return f
  }
  for (const r of recent.responses) {
    const f = factsOf(r.customerId)
    const d = dayOf(r.date)
    f.surveys.push(d)
    f.contacts.push(d)
  }
  for (const e of recent.entries) {
    const f = factsOf(e.customerId)
    const d = dayOf(open.localDateOf(e.at))
    f.contacts.push(d)
    if (e.kind === 'survey') f.surveys.push(d)
  }
  const excluded = Object.fromEntries(exclusionReasons.map((r) => [r, 0])) as Record<ExclusionReason, number>
  const rows: SurveyCandidate[] = []
  const none: number[] = []
  for (const c of candidates) {
    if (c.churnedAt !== null && c.churnedAt <= today) {
      excluded.left++
      continue
    }
    if (!(req.channel === 'email' ? c.email?.trim() : c.phone?.trim())) {
      excluded.noAddress++
      continue
    }
    const email = emailKey(c.email)
    const stored = c.consentState !== null && c.consentAt !== null ? { state: c.consentState, at: c.consentAt, source: 'manual' as const } : null
    const consent = resolveConsent(stored, email ? (kioskAt.get(email) ?? null) : null).state
    const f = facts.get(c.id)
    const kiosk = email ? (surveys.get(email) ?? none) : none
    const rule = firstSurveyViolation(
      consent,
      kiosk.length ? [...(f?.surveys ?? none), ...kiosk] : (f?.surveys ?? none),
      kiosk.length ? [...(f?.contacts ?? none), ...kiosk] : (f?.contacts ?? none),
      todayN,
      rules,
    )
    if (rule) {
      excluded[rule]++
      continue
    }
    rows.push(c)
  }
  return { rows, considered: candidates.length, excluded, today, rules }
}

const listRow = (c: SurveyCandidate): SurveyListRow => ({ id: c.id, ref: c.ref, name: c.name, email: c.email, phone: c.phone, segment: c.segment, location: c.location })

export async function surveyList(open: OpenWorkspace, req: SurveyListRequest & { previewLimit: number }, now: number): Promise<SurveyList> {
  const r = await computeSurveyList(open, req, now)
  return { considered: r.considered, eligible: r.rows.length, excluded: r.excluded, preview: r.rows.slice(0, req.previewLimit).map(listRow), today: r.today, rules: r.rules }
}

export interface SurveyListExportDeps {
  platform: Platform
  files: FileRegistry
  paths: Pick<AppPaths, 'uploadsDir'>
}

/** The columns of a survey list's CSV (with CX Desk's other exports' headers, which the import recognises). */
const HEADER = surveyListHeader

export async function exportSurveyList(deps: SurveyListExportDeps, open: OpenWorkspace, req: SurveyListRequest & { fileId?: string }, now: number) {
  const r = await computeSurveyList(open, req, now)
  const fileName = `${cleanFileName(`${open.settings.name} – survey list – ${req.channel} – ${r.today}`, 180) || 'survey-list'}.csv`
  let destination = req.fileId ? deps.files.takeDestination(req.fileId, 'dataExport') : null
  if (!destination && deps.platform.dialogs) {
    destination = await deps.platform.dialogs.chooseExportDestination(fileName, 'csv')
    if (!destination) return null
  }
  const path = destination ?? join(deps.paths.uploadsDir, `survey-list-${randomBytes(8).toString('hex')}.csv`)
  if (!destination) mkdirSync(deps.paths.uploadsDir, { recursive: true })
  const writer = new CsvFileWriter(path, HEADER)
  try {
    // Phones as digits: a leading '+' would be a formula to a spreadsheet (and get an apostrophe).
    for (const c of r.rows) writer.write([c.ref, c.name, c.email, phoneDigits(c.phone), c.segment, c.location])
  } catch (e) {
    writer.abort()
    throw e
  }
  const bytes = writer.close()
  const token = rememberExport(open, req, r.rows.map((c) => c.id))
  if (!destination) return { path: null, downloadId: offerDownload(path, fileName, 'text/csv; charset=utf-8'), fileName, rows: r.rows.length, bytes, token }
  return { path, downloadId: null, fileName: basename(path), rows: r.rows.length, bytes, token }
}

/**
 * The lists exported while a workspace is open, by token: "I sent it" records exactly the customers
 * a file held, not the rules applied again (a customer who became eligible after the export was not
 * sent it, and one who stopped being eligible was). Held in memory per open workspace (a reopened
 * workspace asks for the export again); the last 20 exports are kept.
 */
const exportedLists = new WeakMap<OpenWorkspace, Map<string, { req: SurveyListRequest; customerIds: number[]; send: number | null }>>()
const KEPT_EXPORTS = 20

function rememberExport(open: OpenWorkspace, req: SurveyListRequest, customerIds: number[]): string {
  let lists = exportedLists.get(open)
  if (!lists) exportedLists.set(open, (lists = new Map()))
  const token = randomBytes(16).toString('hex')
  lists.set(token, { req: { channel: req.channel, ...(req.segment ? { segment: req.segment } : {}), ...(req.location ? { location: req.location } : {}) }, customerIds, send: null })
  while (lists.size > KEPT_EXPORTS) lists.delete(lists.keys().next().value!)
  return token
}

export async function recordSurveyList(open: OpenWorkspace, token: string, actor: string | null, now: number) {
  const list = exportedLists.get(open)?.get(token)
  if (!list) throw new AppError('NOT_FOUND', 'That exported list is no longer known: export the list again, then record its send.')
  if (list.send !== null) throw new AppError('VALIDATION', `The send of this list was already recorded (send ${list.send}).`)
  // Customers erased or merged away since the export are no longer there to record.
  const customerIds = await existingCustomerIds(open.db, list.customerIds)
  if (!customerIds.length) throw new AppError('VALIDATION', 'Nobody on this list may be surveyed now: there is no send to record.')
  const send = await recordSend(open.db, { channel: list.req.channel, filter: JSON.stringify(list.req), actor, customerIds }, now)
  list.send = send
  return { send, recorded: customerIds.length }
}

export async function takeBackSend(open: OpenWorkspace, send: number, now: number) {
  const r = await undoSend(open.db, send, now)
  if (r === 'not_found') throw new AppError('NOT_FOUND', 'That send is not known.')
  if (r === 'undone') throw new AppError('VALIDATION', 'That send was already taken back.')
  return { removed: r }
}

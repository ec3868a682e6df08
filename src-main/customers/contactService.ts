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
  type PendingSurveyList,
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
import { inTransaction } from '../db/transaction'
import {
  consentRows,
  contactDatesOf,
  contactEntries,
  contactEntry,
  customerEmailOf,
  existingCustomerIds,
  feedbackConsents,
  insertContact,
  kioskConsentOf,
  kioskConsents,
  maxCustomerId,
  putConsent,
  recentContactEntries,
  recentResponseDays,
  recordSend,
  removeConsent,
  setContactDeleted,
  storeContactRules,
  storedContactRules,
  surveyListCustomers,
  surveyListInOrder,
  undoSend,
  winbackFacts,
} from './contactRepository'
import { customerExists } from './customerProfileRepository'
import {
  DEFAULT_CONTACT_RULES,
  addDays,
  consentAllows,
  contactInWindow,
  dayNumbers,
  daysBetween,
  guardViolations,
  resolveConsent,
  surveyVerdict,
  surveyWithinGap,
  type GuardFacts,
} from './contactRules'
import { pendingExports, storeExport, storedExport } from './surveyListExportRepository'

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

/** What the guard counts of one e-mail's answers on the kiosk: the latest consent tick, a survey within the gap, contacts within the window. */
interface KioskTally {
  consentAt: number | null
  surveyed: boolean
  contacts: number
}

/** The survey list's decision on every customer of a segment and location, and its first rows. */
export interface SurveyListResult {
  considered: number
  eligible: number
  excluded: Record<ExclusionReason, number>
  /** The first `limit` eligible customers in the list's order (name, then id). */
  rows: SurveyListRow[]
  today: string
}

/**
 * The survey list: every customer of the segment and location, each left out by the first rule
 * that says no — they left, no address for the channel, no consent, surveyed within the gap, too
 * many contacts in the window — with the counts per reason, and the first `limit` customers left in
 * (all of them for an export).
 *
 * One pass per fact, for all customers at once, in one read transaction (issue 16: 125,000 customers
 * and 125,000 recent responses at the benchmark's scale): the recent responses (customer and local
 * date, from a covering index), the contact log's recent entries, the kiosk's consented answers and
 * the stored consents each set two per-customer tallies held in typed arrays by customer id — a
 * survey within the gap, contacts within the window — then a plain pass over the customers decides
 * each, and a walk in the list's order collects the rows, stopping once it has `limit`. The rules are
 * those of guardViolations (contactRules.ts); a test checks the result against the guard asked of
 * each customer on a generated history (tests/unit/customers/surveyListFast.test.ts).
 */
export function computeSurveyList(open: OpenWorkspace, req: SurveyListRequest, rules: ContactRules, now: number, limit: number): SurveyListResult {
  const sqlite = open.ws.sqlite
  const today = open.localDateOf(now)
  const dayOf = dayNumbers()
  const todayN = dayOf(today)
  const horizon = horizonOf(rules)
  const sinceMs = now - (horizon + 1) * DAY
  const sinceDate = addDays(today, -horizon)
  // Local days of instants, by UTC quarter hour: a local midnight falls on a quarter-hour boundary in
  // every zone, so all instants of one quarter hour share their local date (a recorded send's
  // contacts share one instant).
  const quarters = new Map<number, number>()
  const localDay = (ms: number) => {
    const q = Math.floor(ms / 900_000)
    let d = quarters.get(q)
    if (d === undefined) quarters.set(q, (d = dayOf(open.localDateOf(ms))))
    return d
  }
  return inTransaction(sqlite, () => {
    const size = maxCustomerId(sqlite) + 1
    // Per customer id: 1 when a survey contact lies within the gap; contacts within the window (capped).
    const surveyed = new Uint8Array(size)
    const contacts = new Uint16Array(size)
    const count = (id: number, day: number, survey: boolean) => {
      if (id >= size) return // a customer added since max(id) was read cannot be in this transaction's list
      if (survey && surveyWithinGap(day, todayN, rules)) surveyed[id] = 1
      if (contactInWindow(day, todayN, rules) && contacts[id] < 65_535) contacts[id]++
    }
    // Every response is a survey contact on its local date. A response dated sinceDate began after
    // that date's start in the workspace's zone (local_date is always the zone's date of
    // submitted_at), so after midnight UTC of it less a day in any zone.
    for (const [id, date] of recentResponseDays(sqlite, Date.parse(`${sinceDate}T00:00:00Z`) - DAY, sinceDate)) count(id, dayOf(date), true)
    for (const [id, kind, at] of recentContactEntries(sqlite, sinceMs)) count(id, localDay(at), kind === 'survey')

    // The kiosk's answers, by the e-mail given there: consent (the latest tick), and a survey contact each.
    const kiosk = new Map<string, KioskTally>()
    for (const [email, consentAt, receivedAt] of kioskConsents(sqlite)) {
      let k = kiosk.get(email)
      if (!k) kiosk.set(email, (k = { consentAt: null, surveyed: false, contacts: 0 }))
      const at = consentAt ?? receivedAt
      if (k.consentAt === null || k.consentAt < at) k.consentAt = at
      if (receivedAt >= sinceMs) {
        const day = localDay(receivedAt)
        if (surveyWithinGap(day, todayN, rules)) k.surveyed = true
        if (contactInWindow(day, todayN, rules)) k.contacts++
      }
    }
    const consents = new Map<number, { state: 'given' | 'withdrawn'; at: number; source: 'manual' }>()
    for (const [id, state, at] of feedbackConsents(sqlite)) consents.set(id, { state, at, source: 'manual' })

    const excluded = Object.fromEntries(exclusionReasons.map((r) => [r, 0])) as Record<ExclusionReason, number>
    const eligible = new Uint8Array(size)
    let considered = 0
    let eligibleCount = 0
    for (const [id, email, phone, churnedAt] of surveyListCustomers(sqlite, req)) {
      considered++
      if (churnedAt !== null && churnedAt <= today) {
        excluded.left++
        continue
      }
      if (!(req.channel === 'email' ? email?.trim() : phone?.trim())) {
        excluded.noAddress++
        continue
      }
      const key = emailKey(email)
      const k = key === null ? undefined : kiosk.get(key)
      const consent = resolveConsent(consents.get(id) ?? null, k?.consentAt ?? null).state
      const rule = surveyVerdict(consent, surveyed[id] === 1 || (k?.surveyed ?? false), contacts[id] + (k?.contacts ?? 0), rules)
      if (rule) {
        excluded[rule]++
        continue
      }
      eligible[id] = 1
      eligibleCount++
    }

    const rows: SurveyListRow[] = []
    if (eligibleCount > 0 && limit > 0)
      for (const [id, ref, name, email, phone, segment, location] of surveyListInOrder(sqlite, req)) {
        if (eligible[id] !== 1) continue
        rows.push({ id, ref, name, email, phone, segment, location })
        if (rows.length >= limit) break
      }
    return { considered, eligible: eligibleCount, excluded, rows, today }
  })
}

export async function surveyList(open: OpenWorkspace, req: SurveyListRequest & { previewLimit: number }, now: number): Promise<SurveyList> {
  const rules = await contactRulesOf(open)
  const r = computeSurveyList(open, req, rules, now, req.previewLimit)
  return { considered: r.considered, eligible: r.eligible, excluded: r.excluded, preview: r.rows, today: r.today, rules }
}

export interface SurveyListExportDeps {
  platform: Platform
  files: FileRegistry
  paths: Pick<AppPaths, 'uploadsDir'>
}

/** The columns of a survey list's CSV (with CX Desk's other exports' headers, which the import recognises). */
const HEADER = surveyListHeader

/**
 * How long an exported list may have its send recorded ("I sent it"), and how many exports are kept:
 * a list goes out within days of its export; two weeks on, who may be surveyed has changed (others
 * were contacted, some withdrew), and the list is better exported again.
 */
export const EXPORT_KEPT_DAYS = 14
const KEPT_EXPORTS = 20

const listFilter = (req: SurveyListRequest): SurveyListRequest => ({ channel: req.channel, ...(req.segment ? { segment: req.segment } : {}), ...(req.location ? { location: req.location } : {}) })

export async function exportSurveyList(deps: SurveyListExportDeps, open: OpenWorkspace, req: SurveyListRequest & { fileId?: string }, now: number) {
  const r = computeSurveyList(open, req, await contactRulesOf(open), now, Number.POSITIVE_INFINITY)
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
  const shownName = destination ? basename(path) : fileName
  const token = await rememberExport(open, req, shownName, r.rows.map((c) => c.id), now)
  if (!destination) return { path: null, downloadId: offerDownload(path, fileName, 'text/csv; charset=utf-8'), fileName, rows: r.rows.length, bytes, token }
  return { path, downloadId: null, fileName: shownName, rows: r.rows.length, bytes, token }
}

/**
 * The lists exported, by token, in the workspace: "I sent it" records exactly the customers a file
 * held, not the rules applied again (a customer who became eligible after the export was not sent it,
 * and one who stopped being eligible was) — after a restart too. Kept EXPORT_KEPT_DAYS days, and the
 * newest KEPT_EXPORTS; the ids are let go once the send is recorded.
 */
async function rememberExport(open: OpenWorkspace, req: SurveyListRequest, fileName: string, customerIds: number[], now: number): Promise<string> {
  const token = randomBytes(16).toString('hex')
  const filter = listFilter(req)
  await storeExport(open.db, { token, channel: filter.channel, filter: JSON.stringify(filter), fileName, rows: customerIds.length, customerIds, createdAt: now }, now - EXPORT_KEPT_DAYS * DAY, KEPT_EXPORTS)
  return token
}

/** Exported lists whose send may still be recorded (newest first): what the survey list offers to confirm after a restart. */
export async function pendingSurveyLists(open: OpenWorkspace, now: number): Promise<PendingSurveyList[]> {
  const rows = await pendingExports(open.db, now - EXPORT_KEPT_DAYS * DAY, KEPT_EXPORTS)
  return rows.map((r) => ({ token: r.token, ...listFilter(JSON.parse(r.filter) as SurveyListRequest), fileName: r.fileName, rows: r.rows, exportedAt: r.createdAt, expiresAt: r.createdAt + EXPORT_KEPT_DAYS * DAY }))
}

export async function recordSurveyList(open: OpenWorkspace, token: string, actor: string | null, now: number) {
  const list = await storedExport(open.db, token)
  const again = 'export the list again, then record its send.'
  if (!list) throw new AppError('NOT_FOUND', `That exported list is no longer known: ${again}`)
  if (list.sendId !== null) throw new AppError('VALIDATION', `The send of this list was already recorded (send ${list.sendId}).`)
  if (list.createdAt < now - EXPORT_KEPT_DAYS * DAY) throw new AppError('NOT_FOUND', `That list was exported more than ${EXPORT_KEPT_DAYS} days ago: ${again}`)
  // Customers erased or merged away since the export are no longer there to record.
  const customerIds = await existingCustomerIds(open.db, list.customerIds ?? [], list.createdAt)
  if (!customerIds.length) throw new AppError('VALIDATION', 'Nobody on this list may be surveyed now: there is no send to record.')
  const send = await recordSend(open.db, { channel: list.channel, filter: list.filter, actor, customerIds, exportToken: token }, now)
  if (send === null) throw new AppError('VALIDATION', 'The send of this list was already recorded.')
  return { send, recorded: customerIds.length }
}

export async function takeBackSend(open: OpenWorkspace, send: number, now: number) {
  const r = await undoSend(open.db, send, now)
  if (r === 'not_found') throw new AppError('NOT_FOUND', 'That send is not known.')
  if (r === 'undone') throw new AppError('VALIDATION', 'That send was already taken back.')
  return { removed: r }
}

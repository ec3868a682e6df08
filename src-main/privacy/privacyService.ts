import { readdirSync, statSync, unlinkSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { AuditEntry, BackupFile, ErasureMode, ErasurePreview, ErasureResult, ErasureSubject, RetentionCounts, RetentionRule } from '../../src-shared/api/privacy'
import { retentionRuleSchema } from '../../src-shared/api/privacy'
import { AppError } from '../../src-shared/api/result'
import { zonedIsoConverter } from '../../src-shared/domain/timezone'
import { csvText } from '../common/csvWriter'
import type { OpenWorkspace } from '../db/openWorkspace'
import type { Sqlite } from '../db/sqlite'
import { inTransaction, unlessBusy } from '../db/transaction'
import { foldAll } from '../metrics/rollups/jobs'
import {
  contactCounts,
  customerIdentities,
  customerIdentity,
  ERASED_TEXT,
  pruneRollupValues,
  responseContentCounts,
  responsesHoldingPersonalData,
  responsesOf,
  runErasureSteps,
  surveyContacts,
  type IdentityRow,
} from './erasureRepository'
import {
  addTombstones,
  auditPage,
  auditPages,
  compactFile,
  insertAudit,
  optimiseSearchIndex,
  readRetentionRule,
  tombstoneHash,
  tombstoneSecret,
  withSecureDelete,
  writeRetentionRule,
} from './privacyRepository'
import { personTombstoneKeys, rowTombstoneKey } from './tombstoneKeys'
import { phoneKey } from '../../src-shared/domain/contactKeys'

// The privacy domain (issue 17): erasure of one person, tombstones that keep them from coming back
// with a re-import, a retention rule, and the audit log of these actions. See docs/privacy.md.

/** One entry of the audit log: who, what, why, and counts — never an identifier of the person. */
export interface AuditEvent {
  actor: string | null
  action: string
  reason?: string | null
  detail: Record<string, string | number | boolean>
  now: number
}

/** Records an action on personal data in the audit log (for other domains' actions too: a subject export, a rectification). */
export function recordAuditEvent(sqlite: Sqlite, e: AuditEvent): number {
  return insertAudit(sqlite, { at: e.now, actor: e.actor, action: e.action, reason: e.reason?.trim() || null, detail: JSON.stringify(e.detail) })
}

// Finding the person.

interface Subject {
  foundBy: ErasurePreview['foundBy']
  customers: IdentityRow[]
  responses: Array<{ id: number; dedup_key: string }>
  /** E-mails and phones as they were written: what is redacted elsewhere and what the tombstones are made of. */
  emails: string[]
  phones: string[]
  refs: string[]
}

const isEmail = (q: string) => q.includes('@')
const looksLikePhone = (q: string) => /^[+\d\s().\-/]+$/.test(q) && q.replace(/\D/g, '').length >= 8

/**
 * The person an erasure is about. A phone finds the customers and kiosk answers with the same full
 * number (contactKeys.ts's phoneKey: a national 09… takes the workspace zone's country), so erasing
 * +84 912 345 678 never reaches the customer at +66 912 345 678.
 */
function findSubject(sqlite: Sqlite, subject: ErasureSubject, timezone: string): Subject {
  const phoneKeyOf = (phone: string | null) => phoneKey(phone, timezone)
  let foundBy: Subject['foundBy']
  let customers: IdentityRow[]
  const emails: string[] = []
  const phones: string[] = []
  if ('customerId' in subject) {
    const c = customerIdentity(sqlite, subject.customerId)
    customers = c ? [c] : []
    foundBy = 'customer'
  } else {
    const q = subject.query.trim()
    const all = customerIdentities(sqlite)
    if (isEmail(q)) {
      foundBy = 'email'
      emails.push(q)
      customers = all.filter((c) => c.email?.trim().toLowerCase() === q.toLowerCase())
    } else if (looksLikePhone(q)) {
      foundBy = 'phone'
      phones.push(q)
      const key = phoneKeyOf(q)
      customers = key === null ? [] : all.filter((c) => phoneKeyOf(c.phone) === key)
    } else {
      foundBy = 'id'
      const n = Number(q.replace(/^#/, ''))
      customers = Number.isSafeInteger(n) ? all.filter((c) => c.id === n) : []
    }
  }
  for (const c of customers) {
    if (c.email) emails.push(c.email)
    if (c.phone) phones.push(c.phone)
  }
  const responses = new Map(responsesOf(sqlite, customers.map((c) => c.id), emails).map((r) => [r.id, r.dedup_key]))
  // The kiosk's contact details name them too (an answer not linked to their customer).
  const emailSet = new Set(emails.map((e) => e.trim().toLowerCase()))
  const phoneSet = new Set(phones.map(phoneKeyOf).filter((k): k is string => k !== null))
  if (emailSet.size || phoneSet.size)
    for (const a of surveyContacts(sqlite))
      if ((a.contact_email && emailSet.has(a.contact_email.trim().toLowerCase())) || (phoneSet.size && phoneSet.has(phoneKeyOf(a.contact_phone) ?? ''))) {
        responses.set(a.response_id, a.dedup_key)
        if (a.contact_email) emails.push(a.contact_email)
        if (a.contact_phone) phones.push(a.contact_phone)
      }
  const refs = customers.map((c) => c.external_ref).filter((r): r is string => !!r)
  if (!customers.length && !responses.size) foundBy = 'none'
  return { foundBy, customers, responses: [...responses].map(([id, dedup_key]) => ({ id, dedup_key })), emails: [...new Set(emails)], phones: [...new Set(phones)], refs }
}

export function previewErasure(open: OpenWorkspace, subject: ErasureSubject): ErasurePreview {
  const sqlite = open.ws.sqlite
  const s = findSubject(sqlite, subject, open.settings.timezone)
  const ids = s.responses.map((r) => r.id)
  return {
    foundBy: s.foundBy,
    customers: s.customers.map((c) => ({ id: c.id, name: c.name, email: c.email, phone: c.phone })),
    responses: ids.length,
    ...responseContentCounts(sqlite, ids),
    contacts: contactCounts(sqlite, ids),
  }
}

/** The reason as typed, with the person's e-mails, phones and name taken out (the log never holds them). */
function scrubbed(reason: string | undefined, s: Subject): string | null {
  let text = reason?.trim() ?? ''
  const needles = [...s.emails, ...s.phones, ...s.refs, ...s.customers.map((c) => c.name ?? '')].map((x) => x.trim()).filter((x) => x.length >= 2)
  for (const n of needles) text = text.replace(new RegExp(n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), ERASED_TEXT)
  return text || null
}

/**
 * Erases one person: their customers and everything keyed to them, their responses deleted or
 * anonymised, their e-mail and phone redacted where typed elsewhere, tombstones of their rows and of
 * them kept; all in one transaction with secure_delete on. Then the summaries take the change, the
 * full-text index is optimised (a deleted entry's words stay in its segments until then) and the
 * file is rebuilt and its WAL emptied, so no erased byte remains in the workspace. Backups made by
 * migrations are listed: they may still hold the person.
 */
export function erase(open: OpenWorkspace, req: { subject: ErasureSubject; mode: ErasureMode; reason?: string }, actor: string | null, now: number): ErasureResult {
  const sqlite = open.ws.sqlite
  const s = findSubject(sqlite, req.subject, open.settings.timezone)
  if (s.foundBy === 'none' || (!s.customers.length && !s.responses.length))
    throw new AppError('NOT_FOUND', 'Nothing in this workspace matches that customer, e-mail or phone number: nothing was erased.')
  const ids = s.responses.map((r) => r.id)
  const before = { ...responseContentCounts(sqlite, ids), contacts: contactCounts(sqlite, ids) }
  const result = withSecureDelete(sqlite, () => {
    const written = inTransaction(
      sqlite,
      () => {
        const secret = tombstoneSecret(sqlite, true)!
        const keys = [
          ...s.responses.map((r) => rowTombstoneKey(r.dedup_key)),
          // Phones by their full number in the workspace's zone (never the older last-nine key: tombstoneKeys.ts).
          ...s.customers.flatMap((c) => personTombstoneKeys({ email: c.email, phone: c.phone, ref: c.external_ref }, open.settings.timezone)),
          ...s.emails.flatMap((email) => personTombstoneKeys({ email }, open.settings.timezone)),
          ...s.phones.flatMap((phone) => personTombstoneKeys({ phone }, open.settings.timezone)),
        ]
        const tombstones = addTombstones(sqlite, [...new Set(keys)].map((k) => tombstoneHash(secret, k)), now)
        const steps = runErasureSteps(sqlite, { customerIds: s.customers.map((c) => c.id), responseIds: ids, redact: [...s.emails, ...s.phones], keepKeys: false, now }, req.mode)
        const counts = { customers: steps.customers ?? 0, responses: ids.length, ...before, tombstones }
        recordAuditEvent(sqlite, {
          actor,
          action: 'erase',
          reason: scrubbed(req.reason, s),
          detail: { mode: req.mode, foundBy: s.foundBy, ...counts },
          now,
        })
        return { counts, steps }
      },
      'immediate',
    )
    // The summaries take the counts the triggers journaled (a busy fold is left to the next read).
    unlessBusy(sqlite, () => foldAll(sqlite))
    // Values only their rows named (their segment, a place) leave the summaries' value list too.
    pruneRollupValues(sqlite)
    optimiseSearchIndex(sqlite)
    return written
  })
  const { checkpointed } = compactFile(sqlite, true)
  return { mode: req.mode, ...result.counts, steps: result.steps, checkpointed, backups: listBackups(open) }
}

// Migration backups.

/** The backups migrations made of this workspace (name.cxdesk.v<N>-<stamp>.bak beside it). */
export function listBackups(open: OpenWorkspace): BackupFile[] {
  const path = open.ws.path
  if (path === ':memory:' || path === '') return []
  const dir = dirname(path)
  const prefix = `${basename(path)}.`
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  return names
    .filter((n) => n.startsWith(prefix) && n.endsWith('.bak'))
    .flatMap((name) => {
      try {
        const st = statSync(join(dir, name))
        return st.isFile() ? [{ name, bytes: st.size, modifiedAt: st.mtimeMs }] : []
      } catch {
        return []
      }
    })
    .sort((a, b) => a.modifiedAt - b.modifiedAt)
}

/** Deletes backups by name: only those listBackups finds (a name is never taken as a path). */
export function deleteBackups(open: OpenWorkspace, names: string[], actor: string | null, now: number): { deleted: number } {
  const listed = new Set(listBackups(open).map((b) => b.name))
  let deleted = 0
  for (const name of new Set(names)) {
    if (!listed.has(name)) continue
    unlinkSync(join(dirname(open.ws.path), name))
    deleted++
  }
  if (deleted) recordAuditEvent(open.ws.sqlite, { actor, action: 'backups.delete', detail: { files: deleted }, now })
  return { deleted }
}

// Retention.

/** The local date `months` months before this one (the day clamped to the month's length). */
export function monthsBefore(localDate: string, months: number): string {
  const [y, m, d] = localDate.split('-').map(Number)
  const index = y * 12 + (m - 1) - months
  const year = Math.floor(index / 12)
  const month = index - year * 12 + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

export function retentionRule(open: OpenWorkspace): RetentionRule | null {
  const text = readRetentionRule(open.ws.sqlite)
  if (!text) return null
  const parsed = retentionRuleSchema.safeParse(JSON.parse(text))
  return parsed.success ? parsed.data : null
}

function retentionTargets(open: OpenWorkspace, months: number, now: number) {
  const before = monthsBefore(open.localDateOf(now), months)
  const ids = responsesHoldingPersonalData(open.ws.sqlite, before)
  return { before, ids }
}

/** What the rule would touch now: the responses before the cutoff that still hold personal data. */
export function previewRetention(open: OpenWorkspace, months: number, now: number): RetentionCounts {
  const { before, ids } = retentionTargets(open, months, now)
  return { before, responses: ids.length, ...responseContentCounts(open.ws.sqlite, ids), contacts: contactCounts(open.ws.sqlite, ids) }
}

export function retentionState(open: OpenWorkspace, now: number): { rule: RetentionRule | null; preview: RetentionCounts | null } {
  const rule = retentionRule(open)
  return { rule, preview: rule ? previewRetention(open, rule.months, now) : null }
}

export function saveRetention(open: OpenWorkspace, rule: RetentionRule | null, actor: string | null, now: number): { rule: RetentionRule | null } {
  inTransaction(open.ws.sqlite, () => {
    writeRetentionRule(open.ws.sqlite, rule ? JSON.stringify(rule) : '')
    recordAuditEvent(open.ws.sqlite, { actor, action: 'retention.rule', detail: rule ? { months: rule.months, action: rule.action } : { off: true }, now })
  })
  return { rule }
}

/**
 * Applies the saved rule: the responses older than its months lose their comment, e-mail, customer
 * link, notes and kiosk contact details; their scores stay in the figures, and their dedup keys stay
 * (a re-import of the old file finds them and adds nothing back). Logged when it touched anything or
 * was asked for.
 */
export function applyRetention(open: OpenWorkspace, actor: string | null, now: number, trigger: 'open' | 'manual'): RetentionCounts {
  const rule = retentionRule(open)
  if (!rule) throw new AppError('VALIDATION', 'No retention rule is set for this workspace.')
  const sqlite = open.ws.sqlite
  const counts = withSecureDelete(sqlite, () => {
    const c = inTransaction(
      sqlite,
      () => {
        const { before, ids } = retentionTargets(open, rule.months, now)
        const counts: RetentionCounts = { before, responses: ids.length, ...responseContentCounts(sqlite, ids), contacts: contactCounts(sqlite, ids) }
        if (ids.length) runErasureSteps(sqlite, { customerIds: [], responseIds: ids, redact: [], keepKeys: true, now }, 'anonymise')
        if (ids.length || trigger === 'manual')
          recordAuditEvent(sqlite, { actor, action: 'retention.apply', detail: { trigger, months: rule.months, before, responses: counts.responses, comments: counts.comments, notes: counts.notes, contacts: counts.contacts }, now })
        return counts
      },
      'immediate',
    )
    if (c.responses) {
      unlessBusy(sqlite, () => foldAll(sqlite))
      pruneRollupValues(sqlite)
      optimiseSearchIndex(sqlite)
    }
    return c
  })
  if (counts.responses) compactFile(sqlite, false)
  return counts
}

/** On open (writable): applies the rule if one is set. Never fails the open: an error is left for the next try. */
export function retentionOnOpen(open: OpenWorkspace, now: number): RetentionCounts | null {
  try {
    return retentionRule(open) ? applyRetention(open, null, now, 'open') : null
  } catch {
    return null
  }
}

// The audit log.

const entryOf = (r: { id: number; at: number; actor: string | null; action: string; reason: string | null; detail: string }): AuditEntry => ({
  ...r,
  detail: JSON.parse(r.detail) as AuditEntry['detail'],
})

export function auditLog(open: OpenWorkspace, limit: number, before?: number): { items: AuditEntry[]; nextBefore: number | null } {
  const rows = auditPage(open.ws.sqlite, limit + 1, before)
  const items = rows.slice(0, limit).map(entryOf)
  return { items, nextBefore: rows.length > limit ? items[items.length - 1].id : null }
}

export const AUDIT_HEADER = ['at', 'actor', 'action', 'reason', 'detail'] as const

/** The whole log as CSV (UTF-8 with BOM, formula-safe cells), times in the workspace's zone. */
export function exportAudit(open: OpenWorkspace): { fileName: string; csv: string } {
  const iso = zonedIsoConverter(open.settings.timezone)
  const rows: Array<Array<string | null>> = []
  for (const page of auditPages(open.ws.sqlite)) for (const r of page) rows.push([iso(r.at), r.actor, r.action, r.reason, r.detail])
  const name = open.settings.name.replace(/[^\p{L}\p{N} _-]/gu, '').trim() || 'workspace'
  return { fileName: `${name} audit log.csv`, csv: csvText(AUDIT_HEADER, rows) }
}

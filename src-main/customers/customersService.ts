import type {
  AtRiskItem,
  CustomerCursor,
  CustomerFilter,
  CustomerInput,
  CustomerNote,
  CustomerProfile,
  CustomerRow,
  DuplicateGroup,
} from '../../src-shared/api/customers'
import { rectifiableFields } from '../../src-shared/api/customers'
import { AppError } from '../../src-shared/api/result'
import type { OpenWorkspace } from '../db/openWorkspace'
import {
  customerCount,
  customerExists,
  customerFacets,
  customerNotes,
  customerPage,
  customerRowById,
  customerRowsByIds,
  customerTimeline,
  insertCustomer,
  insertCustomerNote,
  refTaken,
  type CustomerListRow,
} from './customerProfileRepository'
import { mergeCustomers, undoMerge } from './customerMergeRepository'
import { rectificationsOf, updateCustomerLogged, type FieldChange } from './rectificationRepository'
import { recordAuditEvent } from '../privacy/privacyService'
import { emailKey, nameKey, phoneKey } from '../../src-shared/domain/contactKeys'
import { bandName } from './riskRules'
import { identityIndex } from './identityIndex'
import { responseCountsOf, type IdentityRow } from './customerChangesRepository'
import { idsAtLevel, rankAtRisk, riskSnapshot, type RiskSnapshot } from './riskService'

const TIMELINE_LIMIT = 500

const rowOf = (r: CustomerListRow, snapshot: RiskSnapshot): CustomerRow => ({
  ...r,
  lastBand: bandName(r.lastBand),
  risk: snapshot.byId.get(r.id)?.verdict.level ?? 'none',
})

export async function listCustomers(open: OpenWorkspace, req: { filter: CustomerFilter; limit: number; cursor?: CustomerCursor }, now: number) {
  const snapshot = await riskSnapshot(open, now)
  const riskIds = req.filter.risk ? idsAtLevel(snapshot, req.filter.risk) : null
  const rows = await customerPage(open.db, req.filter, { limit: req.limit + 1, cursor: req.cursor, now, riskIds })
  const items = rows.slice(0, req.limit).map((r) => rowOf(r, snapshot))
  const last = items[items.length - 1]
  return { items, nextCursor: rows.length > req.limit && last ? { name: last.name ?? '', id: last.id } : null }
}

export async function countCustomers(open: OpenWorkspace, filter: CustomerFilter, now: number) {
  const riskIds = filter.risk ? idsAtLevel(await riskSnapshot(open, now), filter.risk) : null
  return { total: await customerCount(open.db, filter, now, riskIds) }
}

export const facets = (open: OpenWorkspace) => customerFacets(open.db)

const distinct = (keys: Array<string | null>) => new Set(keys.filter((k) => k !== null)).size
type Identity = { email: string | null; phone: string | null }
/** Namesakes with different e-mails or phones are different people: a same-name suggestion needs nothing that contradicts it. */
const compatible = (a: Identity, b: Identity, timezone: string) => {
  const [pa, pb] = [phoneKey(a.phone, timezone), phoneKey(b.phone, timezone)]
  return !(emailKey(a.email) && emailKey(b.email) && emailKey(a.email) !== emailKey(b.email)) && !(pa && pb && pa !== pb)
}

/**
 * Groups of customers who may be the same person: the same e-mail or the same phone (merge
 * suggested), or only the same name (shown, never suggested for merging: many people share a name).
 * The same phone is the same full number (contactKeys.ts's phoneKey, a national number taking the
 * workspace zone's country): +84 912 345 678 and +66 912 345 678 are two people. One pass over the
 * identity index's keys; responses are counted for the groups shown only.
 */
export async function duplicateGroups(open: OpenWorkspace, limit: number): Promise<DuplicateGroup[]> {
  const index = identityIndex(open)
  const groups: Array<{ reason: DuplicateGroup['reason']; value: string; members: IdentityRow[] }> = []
  const paired = new Set<string>()
  for (const reason of ['email', 'phone', 'name'] as const) {
    for (const [key, ids] of index.keys[reason]) {
      if (ids.size < 2) continue
      const members = index.under(reason, key)
      if (reason === 'name' && (distinct(members.map((m) => emailKey(m.email))) > 1 || distinct(members.map((m) => index.keyOf('phone', m))) > 1)) continue
      const idList = members.map((m) => m.id).join(',')
      if (paired.has(idList)) continue // already suggested by e-mail or phone
      paired.add(idList)
      groups.push({ reason, value: reason === 'name' ? (members[0].name ?? key) : reason === 'phone' ? (members[0].phone ?? key) : key, members: members.slice(0, 20) })
    }
  }
  const rank = { email: 0, phone: 1, name: 2 }
  const shown = groups.sort((a, b) => rank[a.reason] - rank[b.reason] || a.value.localeCompare(b.value) || a.members[0].id - b.members[0].id).slice(0, limit)
  const counts = responseCountsOf(open.ws.sqlite, [...new Set(shown.flatMap((g) => g.members.map((m) => m.id)))])
  return shown.map((g) => ({ reason: g.reason, value: g.value, customers: g.members.map((m) => ({ ...m, responses: counts.get(m.id) ?? 0 })) }))
}

/** Other customers sharing this one's e-mail or phone, or their name where nothing contradicts it: looked up in the identity index. */
async function duplicatesOf(open: OpenWorkspace, c: { id: number; name: string | null; email: string | null; phone: string | null }) {
  const index = identityIndex(open)
  const [e, p, n] = [emailKey(c.email), index.keyOf('phone', c), nameKey(c.name)]
  const found = new Map<number, IdentityRow>()
  for (const [kind, key] of [['email', e], ['phone', p], ['name', n]] as const) for (const r of index.under(kind, key)) found.set(r.id, r)
  const out: CustomerProfile['duplicates'] = []
  for (const r of [...found.values()].sort((a, b) => a.id - b.id)) {
    if (r.id === c.id) continue
    const reason = e && emailKey(r.email) === e ? 'email' : p && index.keyOf('phone', r) === p ? 'phone' : n && nameKey(r.name) === n && compatible(c, r, index.timezone) ? 'name' : null
    if (reason) out.push({ id: r.id, name: r.name, reason })
  }
  return out.slice(0, 20)
}

export async function customerProfile(open: OpenWorkspace, id: number, now: number): Promise<CustomerProfile> {
  const row = await customerRowById(open.db, id)
  if (!row) throw new AppError('NOT_FOUND', 'That customer no longer exists.')
  const snapshot = await riskSnapshot(open, now)
  const timeline = await customerTimeline(open.db, id, TIMELINE_LIMIT + 1)
  return {
    customer: rowOf(row, snapshot),
    reasons: snapshot.byId.get(id)?.verdict.reasons ?? [],
    timeline: timeline.slice(0, TIMELINE_LIMIT).map((t) => ({ ...t, band: bandName(t.band) })),
    more: timeline.length > TIMELINE_LIMIT,
    notes: await customerNotes(open.db, id),
    duplicates: await duplicatesOf(open, row),
    rectifications: await rectificationsOf(open.db, id),
  }
}

/** The fields an edit changes, as stored (an empty text is no value), old → new. */
export function changedFields(before: CustomerInput, after: CustomerInput): FieldChange[] {
  const norm = (v: string | null | undefined) => (v === undefined || v === null || v === '' ? null : v)
  return rectifiableFields.flatMap((field) => {
    const [oldValue, newValue] = [norm(before[field]), norm(after[field])]
    return oldValue === newValue ? [] : [{ field, oldValue, newValue }]
  })
}

export async function saveCustomer(open: OpenWorkspace, req: { id?: number; customer: CustomerInput; reason?: string }, now: number, actor: string | null = null) {
  const c = req.customer
  if (!c.name && !c.email && !c.phone && !c.ref) throw new AppError('VALIDATION', 'A customer needs at least a name, an e-mail, a phone or a reference.')
  if (c.customerSince && c.churnedAt && c.churnedAt < c.customerSince) throw new AppError('VALIDATION', 'A customer cannot leave before they joined.')
  if (c.ref && (await refTaken(open.db, c.ref, req.id ?? null))) throw new AppError('VALIDATION', 'Another customer already has that reference.')
  let id = req.id
  if (id !== undefined) {
    // An edit is a rectification: each changed field is logged with who, when and why.
    const before = await customerRowById(open.db, id)
    if (!before) throw new AppError('NOT_FOUND', 'That customer no longer exists.')
    const changes = changedFields(before, c)
    if (!(await updateCustomerLogged(open.db, id, c, changes, { actor, reason: req.reason?.trim() || null }, now))) throw new AppError('NOT_FOUND', 'That customer no longer exists.')
    // The audit log says that details were corrected and how many, never which values (privacy/).
    if (changes.length) recordAuditEvent(open.ws.sqlite, { actor, action: 'rectify', reason: req.reason, detail: { fields: changes.length }, now })
  } else id = await insertCustomer(open.db, c, now)
  const row = await customerRowById(open.db, id)
  if (!row) throw new AppError('NOT_FOUND', 'That customer no longer exists.')
  const { lastAt: _a, lastBand: _b, lastScore: _s, lastMetric: _m, ...customer } = row
  return { customer, duplicates: await duplicatesOf(open, row) }
}

export async function addCustomerNote(open: OpenWorkspace, req: { customerId: number; body: string; kind: 'note' | 'winback' }, author: string | null, now: number): Promise<CustomerNote> {
  if (!(await customerExists(open.db, req.customerId))) throw new AppError('NOT_FOUND', 'That customer no longer exists.')
  const id = await insertCustomerNote(open.db, req.customerId, { body: req.body, author, kind: req.kind }, now)
  return { id, author, body: req.body, createdAt: now, kind: req.kind }
}

export async function merge(open: OpenWorkspace, keepId: number, mergeId: number, actor: string | null, now: number) {
  const r = await mergeCustomers(open.db, keepId, mergeId, actor, now)
  if (r === 'same') throw new AppError('VALIDATION', 'A customer cannot be merged into themselves.')
  if (r === 'not_found') throw new AppError('NOT_FOUND', 'One of those customers no longer exists.')
  return r
}

export async function unmerge(open: OpenWorkspace, mergeRecord: number, now: number) {
  const r = await undoMerge(open.db, mergeRecord, now)
  if (r === 'not_found') throw new AppError('NOT_FOUND', 'That merge is not known.')
  if (r === 'undone') throw new AppError('VALIDATION', 'That merge was already undone.')
  if (r === 'kept_gone') throw new AppError('VALIDATION', 'The customer the merge kept no longer exists.')
  return r
}

export async function atRisk(open: OpenWorkspace, limit: number, now: number): Promise<{ items: AtRiskItem[]; evaluation: RiskSnapshot['evaluation']; rules: RiskSnapshot['rules'] }> {
  const snapshot = await riskSnapshot(open, now)
  const ranked = rankAtRisk(snapshot, limit)
  const rows = await customerRowsByIds(open.db, ranked.map((r) => r.id))
  const items: AtRiskItem[] = []
  for (const { id, risk } of ranked) {
    const row = rows.get(id)
    if (!row) continue
    items.push({ customer: rowOf(row, snapshot), points: risk.verdict.points, probability: risk.probability, reasons: risk.verdict.reasons })
  }
  return { items, evaluation: snapshot.evaluation, rules: snapshot.rules }
}

export async function churnByBand(open: OpenWorkspace, now: number) {
  return (await riskSnapshot(open, now)).churnByBand
}

import { mkdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { rectifiableFields, type RectifiableField } from '../../src-shared/api/customers'
import { SUBJECT_FORMAT, type SubjectData, type SubjectMatch } from '../../src-shared/api/subject'
import { AppError } from '../../src-shared/api/result'
import { cleanFileName } from '../../src-shared/domain/fileName'
import { translator } from '../../src-shared/i18n/translate'
import type { Locale } from '../../src-shared/domain/locales'
import { zonedIsoConverter } from '../../src-shared/domain/timezone'
import { writeFileAtomic } from '../common/atomicWrite'
import { offerDownload } from '../common/downloads'
import type { FileRegistry } from '../common/fileRegistry'
import type { AppPaths } from '../common/paths'
import type { Platform } from '../common/platform'
import type { OpenWorkspace } from '../db/openWorkspace'
import { pdfPageCount } from '../reports/printing/pdfPages'
import {
  candidatesByIds,
  customerNames,
  customersWithPhone,
  notesNaming,
  responseEvents,
  responseNotes,
  responseTags,
  subjectCandidates,
  subjectCustomer,
  subjectCustomerNotes,
  subjectMerges,
  subjectRectifications,
  subjectResponses,
  subjectSurveyAnswers,
  surveyContactPhones,
} from './subjectRepository'
import { readSubjectSections } from './subjectSections'
import { recordAuditEvent } from '../privacy/privacyService'
import { nameKey, phoneKey } from '../../src-shared/domain/contactKeys'


/**
 * Who a request is about. An id (digits, or #12) or a reference, an e-mail or a phone number names
 * one record (or a few sharing an e-mail or number: duplicates, to be merged or chosen from); a
 * name may match several people, and the caller chooses — never the first one silently.
 */
export async function findSubjects(open: OpenWorkspace, query: string): Promise<SubjectMatch[]> {
  const text = query.trim()
  const idText = /^#?(\d{1,15})$/.exec(text)?.[1]
  const email = text.includes('@') ? text.toLowerCase() : null
  const c = await subjectCandidates(open.db, { id: idText ? Number(idText) : null, text, email })
  const seen = new Set<number>()
  const out: SubjectMatch[] = []
  const add = (rows: Array<Omit<SubjectMatch, 'matchedBy' | 'responses'> & { responses: number | bigint }>, matchedBy: SubjectMatch['matchedBy']) => {
    for (const r of rows) {
      if (seen.has(r.id)) continue
      seen.add(r.id)
      out.push({ ...r, responses: Number(r.responses), matchedBy })
    }
  }
  add(c.byId, 'id')
  add(c.byRef, 'ref')
  add(c.byEmail, 'email')
  // A phone meets the same full number written any way (a national 09… taking the workspace zone's
  // country): +84 912 345 678 never finds the customer at +66 912 345 678.
  const tz = open.settings.timezone
  const key = !email && /^[+\d\s().-]+$/.test(text) ? phoneKey(text, tz) : null
  if (key) add((await customersWithPhone(open.db)).filter((r) => phoneKey(r.phone, tz) === key), 'phone')
  // A name is used only when nothing more precise matched: "12" is a customer id, not part of a name.
  if (!out.length) {
    const wanted = nameKey(text)
    const ids = (await customerNames(open.db)).filter((r) => wanted !== null && nameKey(r.name) === wanted).map((r) => r.id)
    add(await candidatesByIds(open.db, ids), 'name')
  }
  return out
}

const detailsOf = (row: Record<string, unknown>): Record<string, string | null> => {
  const cols: Record<RectifiableField, string> = { name: 'name', email: 'email', phone: 'phone', ref: 'external_ref', segment: 'segment', location: 'location', customerSince: 'customer_since', churnedAt: 'churned_at' }
  return Object.fromEntries(rectifiableFields.map((f) => [f, (row[cols[f]] as string | null | undefined) ?? null]))
}

/** Everything held about one customer, in the JSON's shape (times in the workspace's zone with its offset). */
export async function gatherSubject(open: OpenWorkspace, customerId: number, language: Locale, now: number): Promise<SubjectData> {
  const p = await subjectCustomer(open.db, customerId)
  if (!p) throw new AppError('NOT_FOUND', 'That customer no longer exists.')
  const iso = zonedIsoConverter(open.settings.timezone)
  const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms))
  const merges = await subjectMerges(open.db, p.id)
  const rectifications = await subjectRectifications(open.db, p.id)
  // Every e-mail, phone and name they have been known by: now, before a correction, on a record merged into theirs.
  const known = { email: new Set<string>(), phone: new Set<string>(), name: new Set<string>() }
  const know = (field: string, v: string | null | undefined) => {
    if (!v?.trim()) return
    if (field === 'email') known.email.add(v.trim().toLowerCase())
    if (field === 'phone') known.phone.add(v.trim())
    if (field === 'name') known.name.add(v.trim())
  }
  for (const f of ['email', 'phone', 'name'] as const) know(f, p[f])
  for (const r of rectifications) for (const v of [r.oldValue, r.newValue]) know(r.field, v)
  for (const m of merges) if (m.keptId === p.id) for (const [f, v] of Object.entries(detailsOf(JSON.parse(m.mergedRow) as Record<string, unknown>))) know(f, v)
  const emails = [...known.email]
  const phones = [...known.phone]
  const responses = await subjectResponses(open.db, p.id, emails)
  const ids = responses.map((r) => r.id)
  const group = <T extends { responseId: number }>(rows: T[]) => {
    const m = new Map<number, T[]>()
    for (const r of rows) m.set(r.responseId, [...(m.get(r.responseId) ?? []), r])
    return m
  }
  const tags = group(await responseTags(open.db, ids))
  const notes = group(await responseNotes(open.db, ids))
  const events = group(await responseEvents(open.db, ids))

  const needles: Array<[string, 'name' | 'email' | 'phone']> = []
  // A name of a few letters would match notes about anyone; a full name or a contact is specific.
  for (const n of known.name) if (n.length >= 4 && /\s/.test(n)) needles.push([n, 'name'])
  for (const e of emails) needles.push([e, 'email'])
  for (const ph of phones) if (ph.replace(/\D/g, '').length >= 8) needles.push([ph, 'phone'])
  const naming = await notesNaming(
    open.db,
    needles.map(([n]) => n),
    p.id,
    ids,
  )
  const matchOf = (body: string) => needles.find(([n]) => body.toLocaleLowerCase().includes(n.toLocaleLowerCase()))?.[1] ?? 'name'

  // A shop answer's phone is kept as the customer typed it ("091 234 5678", "+84912345678"): found by
  // the same key as erasure finds it (contactKeys.ts), not only as written on the profile.
  const keys = new Set(phones.map((ph) => phoneKey(ph, open.settings.timezone)).filter((k): k is string => k !== null))
  const answerPhones = keys.size ? (await surveyContactPhones(open.db)).filter((ph) => keys.has(phoneKey(ph, open.settings.timezone) ?? '')) : []
  const answers = await subjectSurveyAnswers(open.db, ids, emails, [...new Set([...phones, ...answerPhones])])
  const person = { id: p.id, email: p.email, phone: p.phone }
  return {
    format: SUBJECT_FORMAT,
    version: 1,
    exportedAt: iso(now),
    language,
    workspace: { name: open.settings.name, timezone: open.settings.timezone },
    person: {
      id: p.id,
      ref: p.external_ref,
      name: p.name,
      email: p.email,
      phone: p.phone,
      segment: p.segment,
      location: p.location,
      customerSince: p.customer_since,
      churnedAt: p.churned_at,
      createdAt: iso(p.created_at),
      updatedAt: iso(p.updated_at),
    },
    responses: responses.map((r) => ({
      id: r.id,
      linkedBy: r.customerId === p.id ? 'customer' : 'email',
      submittedAt: iso(r.submittedAt),
      channel: r.channel,
      touchpoint: r.touchpoint,
      stage: r.stage,
      location: r.location,
      language: r.language,
      metric: r.metric,
      question: r.question,
      score: r.score,
      scaleMin: r.scaleMin,
      scaleMax: r.scaleMax,
      comment: r.comment,
      respondentEmail: r.respondentEmail,
      tags: (tags.get(r.id) ?? []).map((t) => t.name),
      notes: (notes.get(r.id) ?? []).map((n) => ({ author: n.author, body: n.body, createdAt: iso(n.createdAt) })),
    })),
    followUps: responses
      .filter((r) => r.band === -1 || r.status !== 'new' || (events.get(r.id) ?? []).length > 0)
      .map((r) => ({
        responseId: r.id,
        status: r.status,
        owner: r.owner,
        statusChangedAt: isoOrNull(r.statusChangedAt),
        statusChangedBy: r.statusChangedBy,
        resolvedAt: isoOrNull(r.resolvedAt),
        events: (events.get(r.id) ?? []).map((e) => ({ kind: e.kind, value: e.value, actor: e.actor, at: iso(e.at) })),
      })),
    customerNotes: (await subjectCustomerNotes(open.db, p.id)).map((n) => ({ kind: n.kind, author: n.author, body: n.body, createdAt: iso(n.createdAt) })),
    mentions: [
      ...naming.onResponses.map((n) => ({ on: 'response' as const, onId: n.onId, matched: matchOf(n.body), author: n.author, body: n.body, createdAt: iso(n.createdAt) })),
      ...naming.onCustomers.map((n) => ({ on: 'customer' as const, onId: n.onId, matched: matchOf(n.body), author: n.author, body: n.body, createdAt: iso(n.createdAt) })),
    ],
    merges: merges.map((m) => ({
      id: m.id,
      role: m.keptId === p.id ? 'kept' : 'merged',
      keptId: m.keptId,
      mergedId: m.mergedId,
      mergedDetails: detailsOf(JSON.parse(m.mergedRow) as Record<string, unknown>),
      actor: m.actor,
      at: iso(m.createdAt),
      undoneAt: isoOrNull(m.undoneAt),
    })),
    rectifications: rectifications.map((r) => ({ field: r.field as RectifiableField, oldValue: r.oldValue, newValue: r.newValue, reason: r.reason, actor: r.actor, at: iso(r.changedAt) })),
    surveyAnswers: answers.map((a) => ({
      responseId: a.responseId,
      survey: a.survey,
      language: a.language,
      contactName: a.contactName,
      contactEmail: a.contactEmail,
      contactPhone: a.contactPhone,
      consent: a.consent === 1,
      consentAt: isoOrNull(a.consentAt),
      receivedAt: iso(a.receivedAt),
    })),
    sections: await readSubjectSections(open, person),
  }
}

/** How many records of each kind an export holds (the answer and the CLI say so). */
export const subjectCounts = (d: SubjectData): Record<string, number> => ({
  responses: d.responses.length,
  followUps: d.followUps.length,
  customerNotes: d.customerNotes.length,
  mentions: d.mentions.length,
  merges: d.merges.length,
  rectifications: d.rectifications.length,
  surveyAnswers: d.surveyAnswers.length,
  ...Object.fromEntries(d.sections.map((s) => [s.key, s.rows.length])),
})

/** Subject exports waiting to be printed, by a short-lived id (the print page reads its data over the API). */
const printJobs = new Map<string, SubjectData>()
export function subjectPrintJob(jobId: string): { data: SubjectData } {
  const data = printJobs.get(jobId)
  if (!data) throw new AppError('NOT_FOUND', 'That export is no longer waiting to be printed.')
  return { data }
}

export interface SubjectExportDeps {
  platform: Platform
  files: FileRegistry
  paths: Pick<AppPaths, 'uploadsDir'>
}

/** "Nguyễn Văn An – dữ liệu cá nhân – 2026-12-02": who, what (in the export's language) and when, without characters file systems refuse. */
export function subjectFileStem(d: SubjectData, localDay: string): string {
  const who = d.person.name ?? d.person.email ?? d.person.phone ?? d.person.ref ?? `#${d.person.id}`
  return cleanFileName(`${who} – ${translator(d.language)('subject.fileName')} – ${localDay}`, 150)
}

/**
 * Writes everything held about one customer as a PDF in `language` (printed from the print entry's
 * #/subject-print page, like a report) and as JSON, side by side. Destination: a folder the CLI
 * registered; else the desktop's folder dialog (null: cancelled); else (browser) two temporary files
 * offered once each for download. Each file is written atomically: a failure leaves no half file.
 */
export async function exportSubject(deps: SubjectExportDeps, open: OpenWorkspace, req: { customerId: number; language: Locale; fileId?: string }, now: number, actor: string | null = null) {
  const print = deps.platform.printToPdf
  if (!print) throw new AppError('UNSUPPORTED', 'PDF files cannot be printed here.')
  const registered = req.fileId ? deps.files.takeDestination(req.fileId, 'exportFolder') : null
  const data = await gatherSubject(open, req.customerId, req.language, now)
  const stem = subjectFileStem(data, open.localDateOf(now))
  let folder = registered
  if (!folder && deps.platform.dialogs) {
    folder = await deps.platform.dialogs.chooseExportFolder()
    if (!folder) return null
  }
  const jobId = randomBytes(12).toString('base64url')
  printJobs.set(jobId, data)
  let pdf: Buffer
  try {
    pdf = await print({ route: `#/subject-print?job=${jobId}` })
  } finally {
    printJobs.delete(jobId)
  }
  const json = Buffer.from(JSON.stringify(data, null, 2), 'utf8')
  recordAuditEvent(open.ws.sqlite, { actor, action: 'access', detail: { responses: data.responses.length, language: req.language }, now })
  const files = [
    { name: `${stem}.pdf`, bytes: pdf, type: 'application/pdf' },
    { name: `${stem}.json`, bytes: json, type: 'application/json' },
  ]
  const written = files.map((f) => {
    if (folder) {
      const path = join(folder, f.name)
      try {
        mkdirSync(folder, { recursive: true })
        writeFileAtomic(path, f.bytes)
      } catch (e) {
        throw new AppError('IO', `${f.name} could not be written to ${folder}: ${(e as Error).message}`)
      }
      return { path, downloadId: null, fileName: f.name, bytes: statSync(path).size }
    }
    mkdirSync(deps.paths.uploadsDir, { recursive: true })
    const tmp = join(deps.paths.uploadsDir, `subject-${randomBytes(8).toString('hex')}`)
    try {
      writeFileAtomic(tmp, f.bytes)
    } catch (e) {
      rmSync(tmp, { force: true })
      throw e
    }
    return { path: null, downloadId: offerDownload(tmp, f.name, f.type), fileName: f.name, bytes: f.bytes.length }
  })
  return { pdf: { ...written[0], pages: pdfPageCount(pdf) }, json: written[1], counts: subjectCounts(data) }
}

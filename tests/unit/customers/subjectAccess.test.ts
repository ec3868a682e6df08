import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { testAppInMemory, type TestApp } from '../../helpers/context'
import { destination } from '../../helpers/files'
import { subjectDataSchema, type SubjectData } from '../../../src-shared/api/subject'
import { gatherSubject } from '../../../src-main/customers/subjectAccessService'
import type { PdfPrintRequest } from '../../../src-main/common/platform'

/*
 * A person's right of access: everything the workspace holds about them is found, whichever way
 * it is tied to them, and written as JSON that its schema accepts (and as a PDF, printed here by a
 * stand-in printer that records the page it was asked to print).
 */

const printed: PdfPrintRequest[] = []
const fakePdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Page >> endobj\n%%EOF\n', 'latin1')

let app: TestApp
beforeEach(async () => {
  printed.length = 0
  app = await testAppInMemory({
    timezone: 'Asia/Ho_Chi_Minh',
    platform: {
      kind: 'cli',
      systemLocales: () => [],
      printToPdf: async (req) => {
        printed.push(req)
        return fakePdf
      },
    },
  })
})
afterEach(() => app.cleanup())

const sqlite = () => app.ctx.session.require().ws.sqlite
const blank = { ref: null, name: null, email: null, phone: null, segment: null, location: null, customerSince: null, churnedAt: null }

/** Mai, with a response of her own, and every other kind of record about her somewhere in the workspace. */
async function mai() {
  const own = await app.api.call('feedback.create', { date: '2026-11-20', time: '09:30', metric: 'nps', score: 3, comment: 'Cà phê nguội', channel: 'store', customerName: 'Trần Thị Mai', customerEmail: 'mai@example.vn', customerPhone: '+84 912 345 678' })
  const id = (sqlite().prepare('SELECT customer_id AS id FROM responses WHERE id = ?').get(own.id) as { id: number }).id
  await app.api.call('feedback.addNote', { id: own.id, body: 'Called her back, sent a voucher' })
  await app.api.call('feedback.update', { ids: [own.id], status: 'in_progress', owner: 'Lan' })
  // Someone else's response whose note names her by phone, written another way round.
  const other = await app.api.call('feedback.create', { date: '2026-11-21', metric: 'nps', score: 9, customerName: 'Lê Văn Bình', customerEmail: 'binh@example.vn' })
  await app.api.call('feedback.addNote', { id: other.id, body: 'Came in with +84 912 345 678 (Mai)' })
  // A response that carries only her e-mail (no customer linked).
  const loose = await app.api.call('feedback.create', { date: '2026-10-02', metric: 'csat', score: 4, comment: 'Bánh ngon' })
  sqlite().prepare('UPDATE responses SET customer_id = NULL, respondent_email = ? WHERE id = ?').run('MAI@example.vn', loose.id)
  // A note about her on her record, and one on another customer's record naming her e-mail.
  await app.api.call('customers.addNote', { customerId: id, body: 'Prefers oat milk' })
  const binh = (sqlite().prepare('SELECT customer_id AS id FROM responses WHERE id = ?').get(other.id) as { id: number }).id
  await app.api.call('customers.addNote', { customerId: binh, body: 'Friend of mai@example.vn' })
  // A duplicate record of hers merged into hers.
  const dup = await app.api.call('customers.save', { customer: { ...blank, name: 'Mai Trần', phone: '0912345678', location: 'Hà Nội' } })
  await app.api.call('customers.merge', { keepId: id, mergeId: dup.customer.id })
  // Her details corrected, with a reason.
  const before = await app.api.call('customers.get', { id })
  const { responses: _r, id: _i, ...facts } = before.customer as typeof before.customer & Record<string, unknown>
  await app.api.call('customers.save', {
    id,
    customer: { ...blank, ...pick(facts), email: 'mai.tran@example.vn', segment: 'Regular' },
    reason: 'She asked us to use her new address',
  })
  // An answer she gave in the shop, on her own response, with consent.
  const s = sqlite()
  const survey = Number(s.prepare("INSERT INTO surveys (name, metric, created_at, updated_at) VALUES ('Quầy Hoàn Kiếm', 'nps', 1, 1)").run().lastInsertRowid)
  const link = Number(s.prepare("INSERT INTO survey_links (survey_id, token, kind, created_at) VALUES (?, 'tok-123456', 'kiosk', 1)").run(survey).lastInsertRowid)
  s.prepare("INSERT INTO survey_answers (response_id, survey_id, link_id, client_id, language, contact_name, contact_email, contact_phone, consent, consent_at, received_at) VALUES (?, ?, ?, 'c1', 'vi', 'Mai', 'mai@example.vn', NULL, 1, 1764000000000, 1764000000000)").run(own.id, survey, link)
  return { id, own: own.id, other: other.id, loose: loose.id, dupId: dup.customer.id }
}

const pick = (f: Record<string, unknown>) => ({
  ref: (f.ref as string | null) ?? null,
  name: (f.name as string | null) ?? null,
  email: (f.email as string | null) ?? null,
  phone: (f.phone as string | null) ?? null,
  segment: (f.segment as string | null) ?? null,
  location: (f.location as string | null) ?? null,
  customerSince: (f.customerSince as string | null) ?? null,
  churnedAt: (f.churnedAt as string | null) ?? null,
})

describe('a subject-access export', () => {
  it("finds a shop answer giving her phone written another way, and not a Thai number with the same last nine digits", async () => {
    const m = await mai()
    const s = sqlite()
    const survey = Number(s.prepare("SELECT id FROM surveys WHERE name = 'Quầy Hoàn Kiếm'").pluck().get())
    const link = Number(s.prepare('SELECT id FROM survey_links WHERE survey_id = ?').pluck().get(survey))
    const answer = s.prepare(
      "INSERT INTO survey_answers (response_id, survey_id, link_id, client_id, language, contact_name, contact_email, contact_phone, consent, consent_at, received_at) VALUES (?, ?, ?, ?, 'vi', NULL, NULL, ?, 1, 1764000000000, 1764000000000)",
    )
    // On Bình's response (not hers): only the phone ties the first answer to her.
    answer.run(m.other, survey, link, 'c2', '091.234.5678')
    const somchai = await app.api.call('feedback.create', { date: '2026-11-22', metric: 'nps', score: 8, customerName: 'Somchai Jaidee', customerEmail: 'somchai@example.th' })
    answer.run(somchai.id, survey, link, 'c3', '+66 912 345 678')
    const d: SubjectData = subjectDataSchema.parse(await gatherSubject(app.ctx.session.require(), m.id, 'vi', app.ctx.clock.now()))
    const phones = d.surveyAnswers.map((a) => a.contactPhone)
    expect(phones).toContain('091.234.5678')
    expect(phones).not.toContain('+66 912 345 678')
  })

  it('finds everything held about one person, however it is tied to them', async () => {
    const m = await mai()
    const d: SubjectData = subjectDataSchema.parse(await gatherSubject(app.ctx.session.require(), m.id, 'vi', app.ctx.clock.now()))
    expect(d.person).toMatchObject({ id: m.id, name: 'Trần Thị Mai', email: 'mai.tran@example.vn', segment: 'Regular', location: 'Hà Nội' })
    // Her own response, and the one carrying only the e-mail she had before it was corrected; never Bình's.
    expect(d.responses.map((r) => [r.id, r.linkedBy])).toEqual([
      [m.loose, 'email'],
      [m.own, 'customer'],
    ])
    const own = d.responses.find((r) => r.id === m.own)!
    expect(own).toMatchObject({ comment: 'Cà phê nguội', score: 3, metric: 'nps', channel: 'store' })
    expect(own.notes.map((n) => n.body)).toEqual(['Called her back, sent a voucher'])
    // Times in the workspace's zone with its offset.
    expect(own.submittedAt).toBe('2026-11-20T09:30:00+07:00')
    const followUp = d.followUps.find((f) => f.responseId === m.own)!
    expect(followUp).toMatchObject({ status: 'in_progress', owner: 'Lan' })
    expect(followUp.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['status', 'owner']))
    expect(d.customerNotes.map((n) => n.body)).toEqual(['Prefers oat milk'])
    // Notes elsewhere naming her: by her phone on Bình's response, by her old e-mail on Bình's record.
    expect(d.mentions.map((n) => [n.on, n.matched, n.body])).toEqual([
      ['response', 'phone', 'Came in with +84 912 345 678 (Mai)'],
      ['customer', 'email', 'Friend of mai@example.vn'],
    ])
    expect(d.merges).toHaveLength(1)
    expect(d.merges[0]).toMatchObject({ role: 'kept', keptId: m.id, mergedId: m.dupId, undoneAt: null })
    expect(d.merges[0].mergedDetails).toMatchObject({ name: 'Mai Trần', phone: '0912345678' })
    expect(d.rectifications.map((r) => [r.field, r.oldValue, r.newValue, r.reason])).toEqual([
      ['email', 'mai@example.vn', 'mai.tran@example.vn', 'She asked us to use her new address'],
      ['segment', null, 'Regular', 'She asked us to use her new address'],
    ])
    expect(d.surveyAnswers).toEqual([expect.objectContaining({ responseId: m.own, survey: 'Quầy Hoàn Kiếm', language: 'vi', consent: true, contactEmail: 'mai@example.vn' })])
    // Nothing of Bình's own: his response is not hers, his details appear only inside the note that names her.
    expect(JSON.stringify(d)).not.toContain('binh@example.vn')
  })

  it('writes a PDF (printed from the subject page, in the language asked) and JSON its schema accepts, into the chosen folder', async () => {
    const m = await mai()
    const out = mkdtempSync(join(tmpdir(), 'cxdesk-subject-'))
    try {
      const folder = join(out, 'request-17')
      const r = await app.api.call('customers.subjectExport', { customerId: m.id, language: 'th', fileId: destination(app, folder, 'exportFolder') })
      expect(r).not.toBeNull()
      expect(printed.map((p) => p.route)).toEqual([expect.stringMatching(/^#\/subject-print\?job=[\w-]+$/)])
      expect(readdirSync(folder).sort()).toEqual([r!.json.fileName, r!.pdf.fileName].sort())
      expect(r!.pdf.fileName).toMatch(/^Trần Thị Mai – ข้อมูลส่วนบุคคล – \d{4}-\d{2}-\d{2}\.pdf$/)
      expect(readFileSync(r!.pdf.path!)).toEqual(fakePdf)
      const json = subjectDataSchema.parse(JSON.parse(readFileSync(r!.json.path!, 'utf8')))
      expect(json).toMatchObject({ format: 'cxdesk.subject-access', version: 1, language: 'th', workspace: { timezone: 'Asia/Ho_Chi_Minh' } })
      expect(r!.counts).toMatchObject({ responses: 2, mentions: 2, merges: 1, rectifications: 2, surveyAnswers: 1 })
      // The audit log says a person's data went out, with counts and no identifier (privacy/).
      const audit = (await app.api.call('privacy.audit', {})).items
      expect(audit[0]).toMatchObject({ action: 'access', detail: { responses: 2, language: 'th' } })
      expect(JSON.stringify(audit[0])).not.toMatch(/Mai|@/)
      // The print job is gone once printed: its data is not left for anyone holding the token.
      const job = /job=([\w-]+)/.exec(printed[0].route)![1]
      await expect(app.api.call('customers.subjectPrintJob', { jobId: job })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  })

  it('in a browser, offers both files for one download each', async () => {
    const m = await mai()
    const web = await testAppInMemory({ platform: { kind: 'web', systemLocales: () => [], printToPdf: async () => fakePdf } })
    try {
      const c = await web.api.call('customers.save', { customer: { ...blank, name: 'Phạm Hoa', email: 'hoa@example.vn' } })
      const r = await web.api.call('customers.subjectExport', { customerId: c.customer.id, language: 'en' })
      expect(r!.pdf.path).toBeNull()
      expect(r!.pdf.downloadId).toBeTruthy()
      expect(r!.json.downloadId).toBeTruthy()
      expect(r!.json.fileName).toMatch(/\.json$/)
    } finally {
      await web.cleanup()
    }
    expect(m.id).toBeGreaterThan(0)
  })

  it('refuses a platform that cannot print, before writing anything', async () => {
    const plain = await testAppInMemory({ platform: { kind: 'web', systemLocales: () => [] } })
    try {
      const c = await plain.api.call('customers.save', { customer: { ...blank, name: 'Phạm Hoa' } })
      await expect(plain.api.call('customers.subjectExport', { customerId: c.customer.id, language: 'en' })).rejects.toMatchObject({ code: 'UNSUPPORTED' })
    } finally {
      await plain.cleanup()
    }
  })
})

describe('finding who a request is about', () => {
  it('by e-mail (any case), phone written another way, id or reference names one record; a shared name lists every namesake', async () => {
    const a = await app.api.call('customers.save', { customer: { ...blank, name: 'Nguyễn Văn An', email: 'an.nguyen@example.vn', phone: '+84 903 111 222', ref: 'CRM-7' } })
    const b = await app.api.call('customers.save', { customer: { ...blank, name: 'Nguyễn  Văn An', email: 'an2@example.vn', location: 'Đà Nẵng' } })
    await app.api.call('customers.save', { customer: { ...blank, name: 'Nguyễn Văn Anh' } })
    const find = async (query: string) => (await app.api.call('customers.subjectFind', { query })).matches.map((x) => [x.id, x.matchedBy])
    expect(await find('AN.Nguyen@example.vn')).toEqual([[a.customer.id, 'email']])
    expect(await find('0903111222')).toEqual([[a.customer.id, 'phone']])
    expect(await find(`#${b.customer.id}`)).toEqual([[b.customer.id, 'id']])
    expect(await find('CRM-7')).toEqual([[a.customer.id, 'ref']])
    // Two people share the name (spacing and case aside); "Nguyễn Văn Anh" is someone else.
    expect(await find('nguyễn văn an')).toEqual([
      [a.customer.id, 'name'],
      [b.customer.id, 'name'],
    ])
    expect(await find('nobody@example.vn')).toEqual([])
  })
})

describe('the rectification log', () => {
  it('logs each changed field of an edit with who, when and why, and nothing for an unchanged save', async () => {
    await app.api.call('app.setUserName', { name: 'Lan' }).catch(() => undefined)
    const c = await app.api.call('customers.save', { customer: { ...blank, name: 'Võ Thị Hạnh', phone: '0901 000 111' } })
    const id = c.customer.id
    expect((await app.api.call('customers.get', { id })).rectifications).toEqual([])
    await app.api.call('customers.save', { id, customer: { ...blank, name: 'Võ Thị Hạnh', phone: '0901 000 111' } })
    expect((await app.api.call('customers.get', { id })).rectifications).toEqual([])
    await app.api.call('customers.save', { id, customer: { ...blank, name: 'Võ Thị Hồng Hạnh', phone: null, email: 'hanh@example.vn' }, reason: 'Spelling, on her request' })
    const log = (await app.api.call('customers.get', { id })).rectifications
    expect(log.map((r) => [r.field, r.oldValue, r.newValue, r.reason])).toEqual(
      expect.arrayContaining([
        ['name', 'Võ Thị Hạnh', 'Võ Thị Hồng Hạnh', 'Spelling, on her request'],
        ['email', null, 'hanh@example.vn', 'Spelling, on her request'],
        ['phone', '0901 000 111', null, 'Spelling, on her request'],
      ]),
    )
    expect(log).toHaveLength(3)
    expect(log.every((r) => r.changedAt === app.ctx.clock.now())).toBe(true)
    // One audit entry for the correction: how many fields, never their values.
    const audit = (await app.api.call('privacy.audit', {})).items.filter((e) => e.action === 'rectify')
    expect(audit.map((e) => e.detail)).toEqual([{ fields: 3 }])
    expect(JSON.stringify(audit)).not.toMatch(/Hạnh|hanh@|0901/)
  })
})
